import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigurationError, createClient } from '../src/index.js';
import { bitexbit } from '../src/providers/bitexbit/index.js';
import { type BitexbitSandbox, startBitexbitSandbox } from '../src/testing/bitexbit/index.js';
import { everythingPrintable, thrown } from './support/leaks.js';

const ACCESS = 'ak_bad_input_0123456789';
const PRIVATE = 'sk_bad_input_abcdefghijklmnop';
const good = { accessKey: ACCESS, privateKey: PRIVATE, access: 'trade' } as const;

let sandbox: BitexbitSandbox;
beforeAll(async () => {
  sandbox = await startBitexbitSandbox();
});
afterAll(() => sandbox.close());

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

  it('defaults to production at https://bitexbit.com', () => {
    expect(bitexbit(good).baseURL).toBe('https://bitexbit.com');
    expect(bitexbit({ ...good, environment: 'production' }).baseURL).toBe('https://bitexbit.com');
    expect(bitexbit({ ...good, baseURL: 'http://127.0.0.1:9/prefix/' }).baseURL).toBe(
      'http://127.0.0.1:9/prefix',
    );
  });
});

describe('invisible characters in paths and bodies are refused before anything is signed or sent', () => {
  const trader = () =>
    createClient(bitexbit({ ...sandbox.credentials.trade, baseURL: sandbox.baseURL }), { rateLimit: false });
  const secrets = () => [sandbox.credentials.trade.privateKey];

  it('a path with U+200B, as in the published docs (refused by the pipeline)', async () => {
    await expectConfigurationError(
      () => trader().request({ method: 'GET', path: '/api/v2/private/\u200bbalance' }),
      'path',
      secrets(),
    );
  });

  it('a path with a percent-encoded U+200B', async () => {
    await expectConfigurationError(
      () => trader().request({ method: 'GET', path: '/api/v2/private/balance%E2%80%8B', permission: 'read' }),
      'path',
      secrets(),
    );
  });

  it('an order id with U+200B pasted in', async () => {
    await expectConfigurationError(
      () => trader().call('orders.cancel', { params: { id: '12\u200b' } }),
      'path',
      secrets(),
    );
  });

  it('a body string with U+200B', async () => {
    await expectConfigurationError(
      () =>
        trader().request({
          method: 'POST',
          path: '/api/v2/private/order/create',
          body: '{"symbol":"BTC\u200b_USD","type":"buy-limit","price":"1","amount":"1"}',
        }),
      'body',
      secrets(),
    );
  });

  it('a body object whose value has U+2060 (word joiner)', async () => {
    await expectConfigurationError(
      () => trader().call('orders.create', { body: { symbol: 'BTC_USD\u2060', type: 'buy-limit' } }),
      'body',
      secrets(),
    );
  });

  it('a body string with a raw control character', async () => {
    await expectConfigurationError(
      () =>
        trader().request({ method: 'POST', path: '/api/v2/private/order/create', body: '{"a":"\u0007"}' }),
      'body',
      secrets(),
    );
  });

  it('nothing reached the exchange', () => {
    expect(sandbox.log).toEqual([]);
  });

  it('while a JSON body with ordinary whitespace and non-ASCII text is sent as given', async () => {
    const body =
      '{ "symbol": "BTC_USD",\n  "type": "buy-limit", "price": "1", "amount": "1", "note": "café" }';
    const response = await trader().request({ method: 'POST', path: '/api/v2/private/order/create', body });
    expect(response.status).toBe(200);
    expect(sandbox.log.at(-1)?.body).toBe(body);
  });
});
