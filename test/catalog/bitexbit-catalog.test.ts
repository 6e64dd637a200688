import { describe, expect, it } from 'vitest';
import { ConfigurationError, createClient, type EndpointDefinition } from '../../src/index.js';
import { bitexbitCatalog } from '../../src/providers/bitexbit/catalog.js';
import { bitexbit } from '../../src/providers/bitexbit/index.js';
import { thrown } from '../support/leaks.js';
import { answers1 } from './bitexbit-examples/answers-1.js';
import { answers2 } from './bitexbit-examples/answers-2.js';
import { REQUESTS } from './bitexbit-examples/requests.js';
import type { Answers, Name } from './bitexbit-examples/shared.js';

// The bitexbit catalog against the documented examples copied from bitexbit's public docs
// (./bitexbit-examples/, which names the sources).

const ANSWERS: Answers = { ...answers1, ...answers2 };

const names = Object.keys(bitexbitCatalog) as Name[];
const entries = names.map((name) => [name, bitexbitCatalog[name] as EndpointDefinition] as const);

/** The example with one field nobody documented added: at the top of an object, in the first element of a list. */
function withUnknownField(example: unknown): unknown {
  if (Array.isArray(example)) {
    const [first, ...rest] = example;
    return [Array.isArray(first) ? [...first, 'added later'] : withUnknownField(first), ...rest];
  }
  return { ...(example as object), added_later: { by: 'bitexbit' } };
}

describe('the bitexbit catalog', () => {
  it('keeps every name it had, and adds the endpoints the docs list', () => {
    const before = [
      'public.currencies',
      'public.pairs',
      'public.ohlcv',
      'public.tickers',
      'public.depth',
      'public.orders',
      'public.trades',
      'balance.get',
      'orders.list',
      'trades.list',
      'tradingFees.get',
      'orders.create',
      'orders.cancel',
      'withdrawals.create',
      'withdrawals.list',
    ];
    const added = [
      'public.currency',
      'public.pair',
      'orders.trades',
      'coupons.create',
      'coupons.redeem',
      'transfers.list',
      'transfers.create',
      'transfers.accept',
      'transfers.cancel',
      'paymentMethods.list',
      'wallets.create',
      'wallets.list',
      'wallets.history',
      'invoices.create',
      'invoices.list',
      'invoices.history',
    ];
    expect([...names].sort()).toEqual([...before, ...added].sort());
  });

  it('every entry has a summary, and only reads are idempotent', () => {
    for (const [name, endpoint] of entries) {
      expect(endpoint.summary, name).toBeTruthy();
      expect(endpoint.idempotent, name).toBe(endpoint.method === 'GET');
    }
  });

  it('says which permissions bitexbit does not document', () => {
    const undocumented = entries
      .filter(([, endpoint]) => endpoint.permissionDocumented === false)
      .map(([name, endpoint]) => `${name} ${endpoint.permission}`);
    expect(undocumented).toEqual([
      'orders.trades read',
      'coupons.create withdraw',
      'coupons.redeem trade',
      'transfers.create withdraw',
      'transfers.accept trade',
      'transfers.cancel trade',
      'paymentMethods.list read',
      'wallets.create trade',
      'invoices.create trade',
    ]);
  });

  it('moving funds out of the account needs withdraw; reading needs read; the docs say FREE for public', () => {
    const permission = (name: Name): string => bitexbitCatalog[name].permission;
    expect(
      ['withdrawals.create', 'coupons.create', 'transfers.create'].map((n) => permission(n as Name)),
    ).toEqual(['withdraw', 'withdraw', 'withdraw']);
    for (const [name, endpoint] of entries) {
      if (name.startsWith('public.')) expect(endpoint.permission, name).toBe('public');
      else if (endpoint.method === 'GET') expect(endpoint.permission, name).toBe('read');
    }
  });
});

describe('each answer schema accepts the documented example', () => {
  for (const [name, endpoint] of entries) {
    const documented = ANSWERS[name];
    if (!endpoint.response) {
      it(`${name}: the docs show no answer, so none is checked`, () => {
        expect(documented).toBeUndefined();
        expect(endpoint.summary).toContain('answer');
      });
      continue;
    }
    const schema = endpoint.response;
    it(`${name}: the example of ${documented?.source ?? '(missing)'}`, () => {
      expect(documented, `no documented example copied for ${name}`).toBeDefined();
      const parsed = schema.safeParse(documented?.example);
      expect(parsed.error?.issues ?? []).toEqual([]);
      expect(parsed.data).toEqual(documented?.example);
    });
    it(`${name}: and a copy with a field bitexbit adds later, which passes through`, () => {
      const extended = withUnknownField(documented?.example);
      const parsed = schema.safeParse(extended);
      expect(parsed.error?.issues ?? []).toEqual([]);
      expect(parsed.data).toEqual(extended);
    });
  }
});

describe('each request schema takes the documented input and refuses an unknown field', () => {
  for (const [name, endpoint] of entries) {
    const documented = REQUESTS[name];
    for (const part of ['query', 'body'] as const) {
      const schema = endpoint.request?.[part];
      const example = documented?.[part];
      if (!schema) {
        it(`${name}: documents no ${part}, and the catalog checks none`, () => {
          expect(example).toBeUndefined();
        });
        continue;
      }
      it(`${name} ${part}: ${documented?.source ?? '(missing)'}`, () => {
        expect(example, `no documented ${part} copied for ${name}`).toBeDefined();
        expect(schema.safeParse(example).error?.issues ?? []).toEqual([]);
        const refused = schema.safeParse({ ...example, not_documented: 1 });
        expect(refused.success).toBe(false);
        expect(refused.error?.issues.map((issue) => issue.code)).toContain('unrecognized_keys');
      });
    }
  }

  it('bodies go out in the documented field order, whatever order they were given in', () => {
    const body = bitexbitCatalog['orders.create'].request.body;
    const given = { type: 'buy-limit', amount: '0.001', price: '30000', symbol: 'BTC_USD' };
    expect(JSON.stringify(body.parse(given))).toBe(
      '{"symbol":"BTC_USD","price":"30000","amount":"0.001","type":"buy-limit"}',
    );
  });

  it('documented constraints are checked: decimal strings, enumerations, limits, dependent fields', () => {
    const { request } = bitexbitCatalog['orders.create'];
    const order = { symbol: 'BTC_USD', price: '30000', amount: '0.001', type: 'buy-limit' };
    expect(request.body.safeParse({ ...order, price: '-1' }).success).toBe(false);
    expect(request.body.safeParse({ ...order, price: '1e3' }).success).toBe(false);
    expect(request.body.safeParse({ ...order, type: 'market' }).success).toBe(false);
    expect(request.body.safeParse({ ...order, amount: undefined }).success).toBe(false);
    const depth = bitexbitCatalog['public.depth'].request.query;
    expect(depth.safeParse({ symbol: 'BTC_USD', limit: 51 }).success).toBe(false);
    const transfer = bitexbitCatalog['transfers.create'].request.body;
    const base = { receiver: 'VB4DF1HQ4D7', currency: 'USDT', amount: 10 };
    expect(transfer.safeParse({ ...base, security_code: 1234 }).success).toBe(false);
    expect(transfer.safeParse({ ...base, description: 'x'.repeat(81) }).success).toBe(false);
    const withdrawal = bitexbitCatalog['withdrawals.create'].request.body;
    expect(withdrawal.safeParse({ ticker: 'USDT', network: 'tron', amount: 1, fee_payer: 3 }).success).toBe(
      false,
    );
  });

  it('through the client: an unknown body field is refused before anything is sent', async () => {
    const client = createClient(
      bitexbit({
        accessKey: 'ak_catalog_test',
        privateKey: 'sk_catalog_test',
        access: 'trade',
        baseURL: 'http://127.0.0.1:9',
      }),
      { rateLimit: false },
    );
    const body = { symbol: 'BTC_USD', price: '1', amount: '1', type: 'buy-limit', wrong: 1 };
    const error = await thrown(() => client.call('orders.create', { body } as never));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).field).toBe('body.wrong');
    expect((error as ConfigurationError).message).toContain('Nothing was sent');
  });
});
