import axios from 'axios';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  alphapoint,
  alphapointSignature,
  ConfigurationError,
  createClient,
  ExchangeError,
  kiiex,
  ndax,
  TwoFactorRequiredError,
} from '../src/index.js';
import { type AlphaPointSandbox, startAlphaPointSandbox } from '../src/testing/index.js';
import { thrown } from './support/leaks.js';

let sandbox: AlphaPointSandbox;
beforeAll(async () => {
  sandbox = await startAlphaPointSandbox();
});
afterAll(() => sandbox.close());
afterEach(() => {
  sandbox.clearFaults();
  sandbox.setStyle({ camelCase: false, notAuthorizedStatus: 200 });
});

const settings = { rateLimit: false, retry: { minDelayMs: 5 } } as const;
const positions = { method: 'POST', path: '/GetAccountPositions', body: { OMSId: 1, AccountId: 7 } } as const;
const trader = () =>
  createClient(kiiex({ ...sandbox.credentials.trader, baseURL: sandbox.baseURL }), settings);
const logins = () => sandbox.stats().logins ?? 0;

describe('login', () => {
  it('sends the four signed headers to POST <base>/AuthenticateUser, verified by the exchange', async () => {
    const before = sandbox.log.length;
    const client = trader();
    const response = await client.request(positions);
    expect(response.status).toBe(200);
    const [login, call] = sandbox.log.slice(before);
    expect(login?.method).toBe('POST');
    expect(login?.path).toBe('/ap/AuthenticateUser');
    const { apikey, signature, userid, nonce } = login?.headers ?? {};
    expect(apikey).toBe(sandbox.credentials.trader.apiKey);
    expect(userid).toBe(sandbox.credentials.trader.userId);
    expect(signature).toBe(
      alphapointSignature(sandbox.credentials.trader.apiSecret, nonce ?? '', userid ?? '', apikey ?? ''),
    );
    expect(call?.path).toBe('/ap/GetAccountPositions');
    expect(call?.headers.aptoken).toMatch(/.{16,}/);
    expect(call?.headers.signature).toBeUndefined();
  });

  it('public calls carry no token and cause no login', async () => {
    const client = trader();
    const before = sandbox.stats().loginAttempts;
    await client.call('GetInstruments', { body: { OMSId: 1 } });
    expect(sandbox.log.at(-1)?.headers.aptoken).toBeUndefined();
    expect(sandbox.stats().loginAttempts).toBe(before);
  });

  it('a wrong secret is refused by the exchange: AuthenticationError', async () => {
    const client = createClient(
      kiiex({
        ...sandbox.credentials.trader,
        apiSecret: 'wrong-secret-0123456789',
        baseURL: sandbox.baseURL,
      }),
      settings,
    );
    const error = await thrown(() => client.request(positions));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).message).toMatch(/Invalid signature/);
  });

  it('an unknown key carries the exchange message', async () => {
    const client = createClient(
      kiiex({ ...sandbox.credentials.trader, apiKey: 'unknownkey123', baseURL: sandbox.baseURL }),
      settings,
    );
    const error = await thrown(() => client.request(positions));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).exchangeCode).toBe('User api key not found');
  });

  it('a locked account: AuthenticationError with code locked, never retried', async () => {
    const client = createClient(kiiex({ ...sandbox.credentials.locked, baseURL: sandbox.baseURL }), settings);
    const before = sandbox.stats().loginAttempts;
    const error = await thrown(() => client.request(positions));
    expect(error).toMatchObject({ name: 'AuthenticationError', code: 'locked' });
    expect(sandbox.stats().loginAttempts).toBe(before + 1);
  });

  it('PascalCase and camelCase answers both log in', async () => {
    sandbox.setStyle({ camelCase: true });
    const camel = trader();
    expect(await camel.authenticate()).toMatchObject({ accountId: expect.any(Number), omsId: 1 });
    sandbox.setStyle({ camelCase: false });
    const pascal = trader();
    expect(await pascal.authenticate()).toMatchObject({ accountId: expect.any(Number), omsId: 1 });
  });

  it('authenticate() returns the ids the exchange gave, and shares the session with later calls', async () => {
    const client = trader();
    const before = logins();
    const identity = await client.authenticate();
    expect(identity.userId).toBe(Number(sandbox.credentials.trader.userId));
    await client.request(positions);
    expect(logins()).toBe(before + 1);
  });

  it('the login goes through the user’s own axios instance', async () => {
    const instance = axios.create({ adapter: 'http' });
    const seen: string[] = [];
    instance.interceptors.request.use((config) => {
      seen.push(new URL(String(config.url)).pathname);
      return config;
    });
    const client = createClient(kiiex({ ...sandbox.credentials.trader, baseURL: sandbox.baseURL }), {
      ...settings,
      axios: instance,
    });
    await client.request(positions);
    expect(seen).toEqual(['/ap/AuthenticateUser', '/ap/GetAccountPositions']);
  });

  it('a configurable login path and method (NDAX, notbank)', async () => {
    const client = createClient(ndax({ ...sandbox.credentials.trader, baseURL: sandbox.baseURL }), settings);
    await client.request(positions);
    const viaGet = createClient(
      alphapoint({
        ...sandbox.credentials.trader,
        baseURL: sandbox.baseURL,
        login: { method: 'GET', path: '/AuthenticateUser' },
      }),
      settings,
    );
    const before = sandbox.log.length;
    await viaGet.request(positions);
    expect(sandbox.log.slice(before).map((entry) => `${entry.method} ${entry.path}`)).toContain(
      'GET /ap/AuthenticateUser',
    );
    expect(sandbox.log.some((entry) => entry.path === '/ap/Authenticate')).toBe(true);
  });
});

describe('one login for everyone', () => {
  it('1,000 concurrent requests on a fresh client: exactly one login, all succeed, each carries the token', async () => {
    const client = trader();
    const before = logins();
    const start = sandbox.log.length;
    const responses = await Promise.all(Array.from({ length: 1_000 }, () => client.request(positions)));
    expect(responses.every((response) => response.status === 200)).toBe(true);
    expect(logins()).toBe(before + 1);
    const calls = sandbox.log.slice(start).filter((entry) => entry.path === '/ap/GetAccountPositions');
    expect(calls).toHaveLength(1_000);
    expect(new Set(calls.map((entry) => entry.headers.aptoken)).size).toBe(1);
  });

  it('a wrong secret: 100 concurrent requests make exactly one login attempt, and the next request tries again', async () => {
    const client = createClient(
      kiiex({ ...sandbox.credentials.trader, apiSecret: 'wrong-secret-abcdef', baseURL: sandbox.baseURL }),
      settings,
    );
    const before = sandbox.stats().loginAttempts;
    const errors = await Promise.all(
      Array.from({ length: 100 }, () => thrown(() => client.request(positions))),
    );
    expect(errors.every((error) => error instanceof AuthenticationError)).toBe(true);
    expect(sandbox.stats().loginAttempts).toBe(before + 1);
    await thrown(() => client.request(positions));
    expect(sandbox.stats().loginAttempts).toBe(before + 2);
  });

  it('the server ends every session while 200 requests are in flight: one new login, each order executed once', async () => {
    const client = trader();
    await client.authenticate();
    const before = logins();
    const ordersBefore = sandbox.stats().executions.SendOrder ?? 0;
    sandbox.addLatency(50);
    const inFlight = Array.from({ length: 200 }, (_, i) =>
      i % 2 === 0
        ? client.request(positions)
        : client.call('SendOrder', {
            body: { InstrumentId: 1, Side: 0, Quantity: '0.01', LimitPrice: '100', OrderType: 2 },
          }),
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    sandbox.expireAllSessions();
    const responses = await Promise.all(inFlight);
    expect(responses).toHaveLength(200);
    expect(logins()).toBe(before + 1);
    expect((sandbox.stats().executions.SendOrder ?? 0) - ordersBefore).toBe(100);
  });

  for (const status of [200, 400, 401] as const) {
    it(`errorcode 20 with HTTP ${status}: the session is renewed and the request sent once more`, async () => {
      sandbox.setStyle({ notAuthorizedStatus: status });
      const client = trader();
      await client.authenticate();
      sandbox.expireAllSessions();
      const before = logins();
      const response = await client.request(positions);
      expect(response.status).toBe(200);
      expect(logins()).toBe(before + 1);
    });
  }

  it('a plain 401 (no AlphaPoint body) also renews the session once', async () => {
    const client = trader();
    await client.authenticate();
    const before = logins();
    sandbox.failNext(1, { status: 401, body: '' });
    const response = await client.request(positions);
    expect(response.status).toBe(200);
    expect(logins()).toBe(before + 1);
  });

  it('a fresh session refused too fails with AuthenticationError, no loop', async () => {
    // An exchange whose sessions end at once: every private call is refused, even right after a login.
    const refusing = await startAlphaPointSandbox({ sessionIdleMs: 0 });
    try {
      const client = createClient(
        kiiex({ ...refusing.credentials.trader, baseURL: refusing.baseURL }),
        settings,
      );
      const error = await thrown(() => client.request(positions));
      expect(error).toBeInstanceOf(AuthenticationError);
      expect((error as AuthenticationError).message).toMatch(/again after renewing them/);
      expect(refusing.stats().logins).toBe(2);
      expect(refusing.log.filter((entry) => entry.path === '/ap/GetAccountPositions')).toHaveLength(2);
    } finally {
      await refusing.close();
    }
  });

  it('a session idle for close to its lifetime is renewed before use', async () => {
    const short = await startAlphaPointSandbox({ sessionIdleMs: 1_000 });
    try {
      const client = createClient(
        alphapoint({ ...short.credentials.trader, baseURL: short.baseURL, sessionIdleMs: 1_000 }),
        settings,
      );
      await client.request(positions);
      await new Promise((resolve) => setTimeout(resolve, 950));
      await client.request(positions);
      // Renewed ahead of expiry: the exchange never had to refuse a request.
      expect(short.stats().logins).toBe(2);
      expect(short.log.filter((entry) => entry.path === '/ap/GetAccountPositions')).toHaveLength(2);
    } finally {
      await short.close();
    }
  });
});

describe('answers', () => {
  it('other result:false answers are ExchangeErrors with their AlphaPoint code', async () => {
    const client = trader();
    const error = await thrown(() => client.call('CancelOrder', { body: { OMSId: 1, OrderId: 987654 } }));
    expect(error).toBeInstanceOf(ExchangeError);
    expect((error as ExchangeError).exchangeCode).toBe(104);
  });

  it('a withdrawal lowers the balance exactly once; a dropped one is not repeated', async () => {
    const client = trader();
    const key = sandbox.credentials.trader.apiKey;
    const before = Number(sandbox.balances(key).USDT);
    await client.call('CreateWithdrawTicket', { body: { OMSId: 1, ProductSymbol: 'USDT', Amount: '10' } });
    expect(Number(sandbox.balances(key).USDT)).toBe(before - 10);
    sandbox.dropNext();
    const error = await thrown(() =>
      client.call('CreateWithdrawTicket', { body: { OMSId: 1, ProductSymbol: 'USDT', Amount: '5' } }),
    );
    expect(error).toMatchObject({ name: 'TransportError', outcome: 'unknown' });
    expect(Number(sandbox.balances(key).USDT)).toBe(before - 15);
  });
});

describe('two-factor authentication', () => {
  it('with a callback: the code completes the login', async () => {
    const client = createClient(
      kiiex({ ...sandbox.credentials.twoFactor, baseURL: sandbox.baseURL }),
      settings,
    );
    expect((await client.request(positions)).status).toBe(200);
    expect(sandbox.log.some((entry) => entry.path === '/ap/Authenticate2FA')).toBe(true);
  });

  it('without a callback: TwoFactorRequiredError naming the type', async () => {
    const { twoFactor: _callback, ...credentials } = sandbox.credentials.twoFactor;
    const client = createClient(kiiex({ ...credentials, baseURL: sandbox.baseURL }), settings);
    const error = await thrown(() => client.request(positions));
    expect(error).toBeInstanceOf(TwoFactorRequiredError);
    expect((error as TwoFactorRequiredError).twoFactorType).toBe('Google');
  });

  it('a callback that returns something other than 6 digits is a ConfigurationError', async () => {
    const client = createClient(
      kiiex({ ...sandbox.credentials.twoFactor, twoFactor: () => '12345', baseURL: sandbox.baseURL }),
      settings,
    );
    const error = await thrown(() => client.request(positions));
    expect(error).toMatchObject({ name: 'ConfigurationError', field: 'twoFactor' });
    expect(error).toBeInstanceOf(ConfigurationError);
  });

  it('a wrong code is refused by the exchange', async () => {
    const client = createClient(
      kiiex({ ...sandbox.credentials.twoFactor, twoFactor: () => '000000', baseURL: sandbox.baseURL }),
      settings,
    );
    expect(await thrown(() => client.request(positions))).toBeInstanceOf(AuthenticationError);
  });
});

describe('lifecycle', () => {
  it('close() sends LogOut exactly once, even when called twice', async () => {
    const client = trader();
    await client.authenticate();
    const before = sandbox.stats().logouts;
    await client.close();
    await client.close();
    expect(sandbox.stats().logouts).toBe(before + 1);
    expect(await thrown(() => client.request(positions))).toBeInstanceOf(ConfigurationError);
  });

  it('close() without a session sends nothing', async () => {
    const client = trader();
    const before = sandbox.log.length;
    await client.close();
    expect(sandbox.log.length).toBe(before);
  });
});
