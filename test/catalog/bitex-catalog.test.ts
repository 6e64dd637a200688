import { describe, expect, it } from 'vitest';
import { findEndpoint } from '../../src/core/catalog.js';
import { bitex, bitexCatalog, ConfigurationError, createClient } from '../../src/index.js';
import { SUMMARIES } from '../../src/providers/bitex/schemas/summaries.js';
import { thrown } from '../support/leaks.js';

// What the Bitex catalog says about each endpoint besides its schemas (those are checked against Bitex's recorded
// traffic in bitex-answers.test.ts and bitex-requests.test.ts, and against the sandbox in bitex-sandbox.test.ts).

type Name = keyof typeof bitexCatalog;
const names = Object.keys(bitexCatalog) as Name[];

describe('the Bitex catalog', () => {
  it('keeps every endpoint name it had, and adds the ones the SDK documents', () => {
    const before = ['tickers.list', 'tickers.get', 'orderbooks.list', 'markets.get', 'transactions.list'];
    before.push('candles.list', 'accounts.list', 'users.me', 'users.updateMe', 'coinWallets.list');
    before.push('cashWallets.list', 'movements.list', 'bids.list', 'bids.create', 'bids.cancel', 'asks.list');
    before.push('asks.create', 'asks.cancel', 'orders.list', 'orders.cancelAll', 'trades.list', 'buys.list');
    before.push('sells.list', 'coinWithdrawals.list', 'coinWithdrawals.create', 'cashWithdrawals.list');
    before.push('cashWithdrawals.create', 'withdrawalInstructions.list', 'withdrawalInstructions.create');
    before.push('coinDeposits.list', 'cashDeposits.list', 'apiKeys.list', 'apiKeys.create', 'payments.list');
    before.push('webhooks.list', 'users.list', 'users.create');
    expect(names).toEqual(expect.arrayContaining(before));
    expect(names).toHaveLength(77);
  });

  it('gives every endpoint a summary and an answer schema, and has no summary for another name', () => {
    for (const name of names) {
      expect(bitexCatalog[name].summary, name).toMatch(/\S/);
      expect(bitexCatalog[name].response, name).toBeDefined();
    }
    expect(Object.keys(SUMMARIES).sort()).toEqual([...names].sort());
  });

  it('marks as documented only public calls and the master-only user calls', () => {
    const documented = names.filter((name) => bitexCatalog[name].permissionDocumented !== false);
    expect(
      documented.every((name) => ['public', 'manage-users'].includes(bitexCatalog[name].permission)),
    ).toBe(true);
    expect(documented.filter((name) => bitexCatalog[name].permission === 'manage-users')).toEqual([
      'users.list',
      'users.create',
    ]);
    expect(names.length - documented.length).toBe(68);
  });

  it('asks for a one-time password where Bitex does: API keys, coin and cash withdrawals', () => {
    const otp = names.filter((name) => (bitexCatalog[name] as { requiresOtp?: boolean }).requiresOtp);
    expect(otp).toEqual(['coinWithdrawals.create', 'cashWithdrawals.create', 'apiKeys.create']);
  });

  it('repeats no POST but the actions that cannot act twice', () => {
    const posts = names.filter(
      (name) => bitexCatalog[name].method === 'POST' && bitexCatalog[name].idempotent,
    );
    expect(posts).toEqual([
      'bids.cancel',
      'asks.cancel',
      'orders.cancelAll',
      'buyingBots.cancel',
      'sellingBots.cancel',
      'pos.create',
      'issues.complete',
    ]);
  });

  it('finds every endpoint by its own method and path (no entry shadows another)', () => {
    for (const name of names) {
      const { method, path } = bitexCatalog[name];
      expect(findEndpoint(bitexCatalog, method, path.replaceAll(/:\w+/g, '42'))?.name, name).toBe(name);
    }
  });
});

describe('a Bitex call with a body the schema refuses', () => {
  it('client.call refuses a wrong withdrawal body before anything is sent', async () => {
    const client = createClient(bitex({ apiKey: 'k'.repeat(20), baseURL: 'http://127.0.0.1:9/api' }));
    const wrong = {
      data: { type: 'coin_withdrawals', attributes: { currency: 'btc', amount: '0.1', to_addresses: 'x' } },
    };
    const error = await thrown(() =>
      client.call('coinWithdrawals.create', { body: wrong as never, otp: '123456' }),
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).message).toMatch(/Nothing was sent/);
  });
});
