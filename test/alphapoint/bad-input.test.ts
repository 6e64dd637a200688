import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alphapoint, ConfigurationError, createClient, kiiex, ndax } from '../../src/index.js';
import { type AlphaPointSandbox, startAlphaPointSandbox } from '../../src/testing/index.js';
import { TestClock } from '../support/clock.js';
import { everythingPrintable, thrown } from '../support/leaks.js';

// A fresh exchange for every test: what one test sent can never be read by another, in any order.
let sandbox: AlphaPointSandbox;
beforeEach(async () => {
  sandbox = await startAlphaPointSandbox();
});
afterEach(() => sandbox.close());

const SECRET = 'bad_input_secret_0123456789';
const good = () => ({ apiKey: 'key_abcdef123', apiSecret: SECRET, userId: 20, baseURL: sandbox.baseURL });

describe('AlphaPoint options are checked at construction, naming the field and never the value', () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['missing key', { apiKey: undefined }, 'apiKey'],
    ['empty key', { apiKey: '' }, 'apiKey'],
    ['key with a space', { apiKey: 'key abc' }, 'apiKey'],
    ['missing secret', { apiSecret: undefined }, 'apiSecret'],
    ['empty secret', { apiSecret: '' }, 'apiSecret'],
    ['secret with a newline', { apiSecret: `${SECRET}\n` }, 'apiSecret'],
    ['secret with a zero-width space', { apiSecret: `${SECRET}\u200b` }, 'apiSecret'],
    ['missing user id', { userId: undefined }, 'userId'],
    ['user id zero', { userId: 0 }, 'userId'],
    ['negative user id', { userId: -4 }, 'userId'],
    ['fractional user id', { userId: 1.5 }, 'userId'],
    ['user id with letters', { userId: '12a' }, 'userId'],
    ['user id with a space', { userId: ' 12' }, 'userId'],
    ['missing baseURL', { baseURL: undefined }, 'baseURL'],
    ['login path without a slash', { login: { method: 'POST', path: 'AuthenticateUser' } }, 'login.path'],
    ['unknown key permission', { permissions: ['Trading', 'Fly'] }, 'permissions.1'],
    ['twoFactor that is not a function', { twoFactor: '123456' }, 'twoFactor'],
    [
      '2FA step method PUT',
      { twoFactorStep: { method: 'PUT', send: 'pending-token' } },
      'twoFactorStep.method',
    ],
    ['2FA step sending a cookie', { twoFactorStep: { method: 'GET', send: 'cookie' } }, 'twoFactorStep.send'],
    ['2FA step without a send', { twoFactorStep: { method: 'GET' } }, 'twoFactorStep.send'],
    [
      '2FA step path without a slash',
      { twoFactorStep: { method: 'GET', send: 'pending-token', path: 'Authenticate2FA' } },
      'twoFactorStep.path',
    ],
    [
      '2FA step with an unknown field',
      { twoFactorStep: { method: 'GET', send: 'pending-token', header: 'X' } },
      'twoFactorStep.header',
    ],
    ['unknown auth mode', { auth: 'cookie' }, 'auth'],
    [
      'a session store without sessions',
      { auth: 'signed-headers', sessionStore: { get() {}, set() {}, delete() {} } },
      'sessionStore',
    ],
    ['a session lifetime without sessions', { auth: 'signed-headers', sessionIdleMs: 1000 }, 'sessionIdleMs'],
    ['a 2FA callback without a login', { auth: 'signed-headers', twoFactor: () => '123456' }, 'twoFactor'],
  ];
  for (const [name, change, field] of cases) {
    it(name, async () => {
      const error = await thrown(() =>
        alphapoint({ ...good(), ...change } as Parameters<typeof alphapoint>[0]),
      );
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).field).toBe(field);
      expect((error as ConfigurationError).message).toContain(field.split('.')[0]);
      expect(everythingPrintable(error)).not.toContain(SECRET);
      expect(sandbox.log).toHaveLength(0);
    });
  }

  it('kiiex needs an environment or a baseURL, and knows only staging and production', async () => {
    const { baseURL: _base, ...rest } = good();
    expect(await thrown(() => kiiex(rest as never))).toMatchObject({ field: 'environment' });
    expect(await thrown(() => kiiex({ ...rest, environment: 'sandbox' } as never))).toMatchObject({
      field: 'environment',
    });
    expect(kiiex({ ...rest, environment: 'staging' }).baseURL).toBe('https://apstage.proxy.kiiex.io/ap');
    expect(kiiex({ ...rest, environment: 'production' }).baseURL).toBe('https://alphaprod.proxy.kiiex.io/ap');
    expect(ndax(rest).baseURL).toBe('https://api.ndax.io:8443/AP');
  });

  it('a user id given as a string of digits is kept verbatim', async () => {
    const client = createClient(alphapoint({ ...good(), userId: '0020' }), {
      rateLimit: false,
      clock: new TestClock(),
    });
    await thrown(() => client.authenticate());
    expect(sandbox.log.map((entry) => entry.path)).toEqual(['/ap/AuthenticateUser']);
    const { userid, nonce, signature } = sandbox.log[0]?.headers ?? {};
    expect(userid).toBe('0020');
    // Signed as given too: the leading zeros are part of the HMAC message.
    expect(signature).toBe(createHmac('sha256', SECRET).update(`${nonce}0020key_abcdef123`).digest('hex'));
  });
});
