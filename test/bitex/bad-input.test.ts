import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bitex, ConfigurationError, createClient } from '../../src/index.js';
import { TestClock } from '../support/clock.js';
import { everythingPrintable, thrown } from '../support/leaks.js';

const BASE = 'https://bitex.test/api';
const KEY = 'k3y_Bad_Input_0123456789';

// Any request that reaches the socket layer is recorded, by a recorder made fresh for each test; none is answered.
let sent: string[] = [];
const record = (req: Request) => {
  sent.push(req.url);
};
beforeAll(() => {
  nock.disableNetConnect();
  nock.emitter.on('no match', record);
});
beforeEach(() => {
  sent = [];
});
afterEach(() => nock.cleanAll());
afterAll(() => {
  nock.enableNetConnect();
  nock.emitter.removeListener('no match', record);
});

/** The action throws a ConfigurationError naming `field`, never printing `secret`, and nothing was sent. */
async function expectConfigurationError(action: () => unknown, field: string, secret?: string) {
  const error = await thrown(action);
  expect(sent).toEqual([]);
  expect(error).toBeInstanceOf(ConfigurationError);
  expect((error as ConfigurationError).field).toBe(field);
  expect((error as ConfigurationError).message).toMatch(/bitex: /);
  if (secret) expect(everythingPrintable(error)).not.toContain(secret);
  return error as ConfigurationError;
}

describe('bitex() refuses bad options at construction, naming the field and never the value', () => {
  const cases: Array<[string, unknown, string]> = [
    ['empty key', { apiKey: '', baseURL: BASE }, 'apiKey'],
    ['missing key', { baseURL: BASE }, 'apiKey'],
    ['key with a space', { apiKey: 'abc def-secret-part', baseURL: BASE }, 'apiKey'],
    ['key with CR LF', { apiKey: 'abc\r\nX-Evil: 1', baseURL: BASE }, 'apiKey'],
    ['key with a semicolon', { apiKey: 'abcsecret; user=1', baseURL: BASE }, 'apiKey'],
    ['key with a tab', { apiKey: 'abc\tsecret', baseURL: BASE }, 'apiKey'],
    ['key with a NUL', { apiKey: 'abc\u0000secret', baseURL: BASE }, 'apiKey'],
    ['key with a zero-width space', { apiKey: 'abc\u200bsecret', baseURL: BASE }, 'apiKey'],
    ['key that is not a string', { apiKey: 12345, baseURL: BASE }, 'apiKey'],
    ['unknown environment', { apiKey: KEY, environment: 'staging' }, 'environment'],
    ['no environment nor baseURL', { apiKey: KEY }, 'environment'],
    ['unknown role', { apiKey: KEY, role: 'admin', baseURL: BASE }, 'role'],
    ['unknown permission', { apiKey: KEY, permissions: ['read', 'fly'], baseURL: BASE }, 'permissions.1'],
    ['baseURL that is not http', { apiKey: KEY, baseURL: 'ftp://bitex.la' }, 'baseURL'],
    ['misspelt option', { apiKey: KEY, baseURL: BASE, enviroment: 'sandbox' }, 'enviroment'],
  ];
  for (const [name, options, field] of cases) {
    it(name, async () => {
      const secret =
        typeof (options as { apiKey?: unknown }).apiKey === 'string'
          ? (options as { apiKey: string }).apiKey
          : undefined;
      const error = await expectConfigurationError(
        () => bitex(options as Parameters<typeof bitex>[0]),
        field,
        secret && secret.length > 3 ? secret : undefined,
      );
      expect(error.message).toContain(field.split('.')[0]);
    });
  }

  it('createClient refuses bad client options', async () => {
    const provider = bitex({ apiKey: KEY, baseURL: BASE });
    await expectConfigurationError(() => createClient(provider, { timeout: -1 }), 'timeout');
    await expectConfigurationError(() => createClient(provider, { retry: { retries: 99 } }), 'retry.retries');
    await expectConfigurationError(() => createClient(provider, { rateLimit: 0 }), 'rateLimit');
    await expectConfigurationError(
      () => createClient(provider, { logger: { info() {} } as never }),
      'logger',
    );
  });
});

/** A fresh master client for one test. */
const masterClient = () =>
  createClient(bitex({ apiKey: KEY, role: 'master', baseURL: BASE }), {
    // nock (which records anything sent) intercepts Node's http module: the axios transport's, not undici's.
    transport: 'axios',
    retry: false,
    clock: new TestClock(),
  });

describe('delegation and requests refuse bad input before anything is sent', () => {
  for (const userId of ['12; user=1', -1, 0, 1.5, 'abc', '', Number.MAX_SAFE_INTEGER + 2, '1e3', ' 7', NaN]) {
    it(`onBehalfOf(${JSON.stringify(userId)})`, async () => {
      await expectConfigurationError(() => masterClient().onBehalfOf(userId as number), 'userId', KEY);
    });
  }

  it('a user-role client called from JavaScript has no onBehalfOf to use', async () => {
    const user = createClient(bitex({ apiKey: KEY, baseURL: BASE }), { transport: 'axios' }) as unknown as {
      onBehalfOf(id: number): unknown;
    };
    await expectConfigurationError(() => user.onBehalfOf(600), 'role', KEY);
  });

  it('a private path outside the catalog without a permission', async () => {
    await expectConfigurationError(
      () => masterClient().request({ method: 'GET', path: '/secret_things' }),
      'permission',
      KEY,
    );
  });

  it('a path with an invisible character', async () => {
    await expectConfigurationError(
      () => masterClient().request({ method: 'GET', path: '/users\u200b/me' }),
      'path',
      KEY,
    );
  });

  it('a relative path', async () => {
    await expectConfigurationError(
      () => masterClient().request({ method: 'GET', path: 'users/me' }),
      'path',
      KEY,
    );
  });

  it('a header value with CR LF', async () => {
    await expectConfigurationError(
      () => masterClient().request({ method: 'GET', path: '/users/me', headers: { 'X-Note': 'a\r\nb' } }),
      'headers.X-Note',
      KEY,
    );
  });

  it('a body that cannot be serialised', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expectConfigurationError(
      () => masterClient().request({ method: 'POST', path: '/bids', body: cyclic, unchecked: true }),
      'body',
      KEY,
    );
  });

  /** A withdrawal body as bitex-sdk-ruby sends it: only the one-time password is left to check. */
  const withdrawal = {
    data: {
      type: 'coin_withdrawals',
      attributes: {
        to_addresses: 'mszEUK9E6E7n4SNcrjYH8Fr7ZTGP9n3dRb',
        label: 'cold',
        amount: 0.1,
        coin_code: 'btc',
      },
    },
  } as const;

  it('a withdrawal without a one-time password, when no otp callback was given', async () => {
    await expectConfigurationError(
      () => masterClient().call('coinWithdrawals.create', { body: withdrawal }),
      'otp',
      KEY,
    );
  });

  it('a one-time password that is not 6 digits', async () => {
    await expectConfigurationError(
      () => masterClient().call('coinWithdrawals.create', { otp: '12ab56', body: withdrawal }),
      'otp',
      KEY,
    );
  });

  it('a catalog call missing its path parameter', async () => {
    await expectConfigurationError(() => masterClient().call('bids.cancel', {} as never), 'params.id', KEY);
  });

  it('while a request that does leave the client is seen by the recorder', async () => {
    await thrown(() => masterClient().request({ method: 'GET', path: '/tickers', permission: 'public' }));
    expect(sent).toEqual([`${BASE}/tickers`]);
  });
});
