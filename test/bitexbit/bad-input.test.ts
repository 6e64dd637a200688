import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/index.js';
import { bitexbit } from '../../src/providers/bitexbit/index.js';
import { everythingPrintable, thrown } from '../support/leaks.js';
import { bench } from './support.js';

const ACCESS = 'ak_bad_input_0123456789';
const PRIVATE = 'sk_bad_input_abcdefghijklmnop';
const good = { accessKey: ACCESS, privateKey: PRIVATE, access: 'trade' } as const;

async function expectConfigurationError(
  action: () => unknown,
  field: string,
  secrets: readonly string[] = [],
) {
  const error = await thrown(action);
  expect(error).toBeInstanceOf(ConfigurationError);
  expect((error as ConfigurationError).field).toBe(field);
  expect((error as ConfigurationError).message).toMatch(/^bitexbit: /);
  const printable = everythingPrintable(error);
  for (const secret of secrets) expect(printable).not.toContain(secret);
  return error as ConfigurationError;
}

describe('bitexbit() refuses bad options, naming the field and never the value', () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['empty access key', { ...good, accessKey: '' }, 'accessKey'],
    ['missing access key', { privateKey: PRIVATE, access: 'read' }, 'accessKey'],
    ['empty private key', { ...good, privateKey: '' }, 'privateKey'],
    ['missing private key', { accessKey: ACCESS, access: 'read' }, 'privateKey'],
    ['access key with a space', { ...good, accessKey: 'ak_secret part' }, 'accessKey'],
    ['private key with a space', { ...good, privateKey: 'sk_secret part' }, 'privateKey'],
    ['private key with a trailing newline', { ...good, privateKey: `${PRIVATE}\n` }, 'privateKey'],
    ['access key with CR LF', { ...good, accessKey: 'ak\r\nX-Evil: 1' }, 'accessKey'],
    ['private key with a tab', { ...good, privateKey: 'sk\tsecret_value' }, 'privateKey'],
    ['private key with a NUL', { ...good, privateKey: 'sk\u0000secret_value' }, 'privateKey'],
    ['access key with a zero-width space', { ...good, accessKey: 'ak\u200bsecret_value' }, 'accessKey'],
    ['private key with a BOM', { ...good, privateKey: '\ufeffsk_secret_value' }, 'privateKey'],
    ['private key with a non-breaking space', { ...good, privateKey: 'sk\u00a0secret_value' }, 'privateKey'],
    ['key that is not a string', { ...good, privateKey: 12345678 }, 'privateKey'],
    ['unknown access type', { ...good, access: 'admin' }, 'access'],
    ['missing access type', { accessKey: ACCESS, privateKey: PRIVATE }, 'access'],
    ['access type in another case', { ...good, access: 'Trade' }, 'access'],
    ['unknown environment', { ...good, environment: 'sandbox' }, 'environment'],
    ['baseURL that is not http', { ...good, baseURL: 'ftp://bitexbit.com' }, 'baseURL'],
    ['baseURL with a query string', { ...good, baseURL: 'https://bitexbit.com/?a=1' }, 'baseURL'],
    ['gateway window of 0', { ...good, gatewayWindowMs: 0 }, 'gatewayWindowMs'],
    ['gateway window that is not whole', { ...good, gatewayWindowMs: 1.5 }, 'gatewayWindowMs'],
    ['nonce source without next', { ...good, nonceSource: {} }, 'nonceSource'],
    ['misspelt option', { ...good, acess: 'read' }, 'acess'],
  ];
  for (const [name, options, field] of cases) {
    it(name, async () => {
      const secrets = [options.accessKey, options.privateKey].filter(
        (value): value is string => typeof value === 'string' && value.length > 3,
      );
      const error = await expectConfigurationError(
        () => bitexbit(options as unknown as Parameters<typeof bitexbit>[0]),
        field,
        secrets,
      );
      expect(error.message).toContain(field);
    });
  }

  it('defaults to production at https://www.bitexbit.com', () => {
    expect(bitexbit(good).baseURL).toBe('https://www.bitexbit.com');
    expect(bitexbit({ ...good, environment: 'production' }).baseURL).toBe('https://www.bitexbit.com');
    expect(bitexbit({ ...good, baseURL: 'http://127.0.0.1:9/prefix/' }).baseURL).toBe(
      'http://127.0.0.1:9/prefix',
    );
  });
});

describe('invisible characters in paths and bodies are refused before anything is signed or sent', () => {
  /** A fresh exchange for one test, and a client of its trading key. */
  async function trading() {
    const { sandbox, client } = await bench();
    return { sandbox, trader: client(sandbox.credentials.trade, {}, { rateLimit: false }) };
  }
  type Trader = Awaited<ReturnType<typeof trading>>['trader'];

  /** The action is refused with a ConfigurationError naming `field`, and the exchange's log stays empty. */
  async function refusedLocally(action: (trader: Trader) => unknown, field: string) {
    const { sandbox, trader } = await trading();
    await expectConfigurationError(() => action(trader), field, [sandbox.credentials.trade.privateKey]);
    expect(sandbox.log).toEqual([]);
  }

  it('a path with U+200B, as in the published docs (refused by the pipeline)', async () => {
    await refusedLocally(
      (trader) => trader.request({ method: 'GET', path: '/api/v2/private/\u200bbalance' }),
      'path',
    );
  });

  it('a path with a percent-encoded U+200B', async () => {
    await refusedLocally(
      (trader) =>
        trader.request({ method: 'GET', path: '/api/v2/private/balance%E2%80%8B', permission: 'read' }),
      'path',
    );
  });

  it('an order id with U+200B pasted in', async () => {
    await refusedLocally((trader) => trader.call('orders.cancel', { params: { id: '12\u200b' } }), 'path');
  });

  it('a body string with U+200B', async () => {
    await refusedLocally(
      (trader) =>
        trader.request({
          method: 'POST',
          path: '/api/v2/private/order/create',
          body: '{"symbol":"BTC\u200b_USD","type":"buy-limit","price":"1","amount":"1"}',
        }),
      'body',
    );
  });

  it('a body object whose value has U+2060 (word joiner)', async () => {
    await refusedLocally(
      (trader) =>
        trader.call('orders.create', {
          body: { symbol: 'BTC_USD\u2060', type: 'buy-limit', price: '1', amount: '1' },
        }),
      'body',
    );
  });

  it('a body string with a raw control character', async () => {
    await refusedLocally(
      (trader) =>
        trader.request({ method: 'POST', path: '/api/v2/private/order/create', body: '{"a":"\u0007"}' }),
      'body',
    );
  });

  it('while a JSON body with ordinary whitespace is sent as given', async () => {
    const { sandbox, trader } = await trading();
    const body = '{ "symbol": "BTC_USD",\n  "type": "buy-limit", "price": "1", "amount": "1" }\n';
    const response = await trader.request({ method: 'POST', path: '/api/v2/private/order/create', body });
    expect(response.status).toBe(200);
    expect(sandbox.log).toHaveLength(1);
    expect(sandbox.log[0]?.body).toBe(body);
  });
});
