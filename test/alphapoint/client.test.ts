import { createHmac } from 'node:crypto';
import axios from 'axios';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  alphapoint,
  ConfigurationError,
  createClient,
  ExchangeError,
  kiiex,
  ndax,
  TwoFactorRequiredError,
} from '../../src/index.js';
import { type AlphaPointSandbox, startAlphaPointSandbox } from '../../src/testing/index.js';
import { TestClock } from '../support/clock.js';
import { AP_TICKET } from '../support/documented.js';
import { thrown } from '../support/leaks.js';

let sandbox: AlphaPointSandbox;
beforeAll(async () => {
  sandbox = await startAlphaPointSandbox();
});
afterAll(() => sandbox.close());
afterEach(() => {
  sandbox.clearFaults();
  sandbox.setStyle({ camelCase: false, notAuthorizedStatus: 200 });
});

// A driven clock per client: a backoff, were there one, would not wait for real time.
const settings = () => ({ rateLimit: false, retry: { minDelayMs: 5 }, clock: new TestClock() }) as const;
/** GetAccountPositions of the key's own account (the trader's unless told): the sandbox refuses any other. */
const positions = (credentials: { apiKey: string } = sandbox.credentials.trader) =>
  ({ method: 'POST', path: '/GetAccountPositions', body: sandbox.accountIds(credentials.apiKey) }) as const;
const trader = () =>
  createClient(kiiex({ ...sandbox.credentials.trader, baseURL: sandbox.baseURL }), settings());
// Every client of one key in the process shares its session: a test that counts logins, or must see the login
// itself, uses a key of its own.
const freshTrader = () => sandbox.addAccount({});
const freshTwoFactor = () => sandbox.addAccount({ twoFactor: true });
const logins = () => sandbox.stats().logins ?? 0;

describe('login', () => {
  it('sends the four signed headers to POST <base>/AuthenticateUser, verified by the exchange', async () => {
    const before = sandbox.log.length;
    const client = trader();
    const response = await client.request(positions());
    expect(response.status).toBe(200);
    const [login, call] = sandbox.log.slice(before);
    expect(login?.method).toBe('POST');
    expect(login?.path).toBe('/ap/AuthenticateUser');
    const { apikey, signature, userid, nonce } = login?.headers ?? {};
    expect(apikey).toBe(sandbox.credentials.trader.apiKey);
    expect(userid).toBe(sandbox.credentials.trader.userId);
    expect(nonce).toMatch(/^[0-9]+$/);
    // Documented: lowercase hex HMAC-SHA256(secret, nonce + userId + apiKey), no separator.
    const expected = createHmac('sha256', sandbox.credentials.trader.apiSecret)
      .update(`${nonce}${sandbox.credentials.trader.userId}${sandbox.credentials.trader.apiKey}`)
      .digest('hex');
    expect(signature).toBe(expected);
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
        ...freshTrader(),
        apiSecret: 'wrong-secret-0123456789',
        baseURL: sandbox.baseURL,
      }),
      settings(),
    );
    const error = await thrown(() => client.request(positions()));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).message).toMatch(/Invalid signature/);
  });

  it('an unknown key carries the exchange message', async () => {
    const client = createClient(
      kiiex({ ...sandbox.credentials.trader, apiKey: 'unknownkey123', baseURL: sandbox.baseURL }),
      settings(),
    );
    const error = await thrown(() => client.request(positions()));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).exchangeCode).toBe('User api key not found');
  });

  it('a locked account: AuthenticationError with code locked, never retried', async () => {
    const client = createClient(
      kiiex({ ...sandbox.credentials.locked, baseURL: sandbox.baseURL }),
      settings(),
    );
    const before = sandbox.stats().loginAttempts;
    const error = await thrown(() => client.request(positions()));
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
    const credentials = freshTrader();
    const client = createClient(kiiex({ ...credentials, baseURL: sandbox.baseURL }), settings());
    const before = logins();
    const identity = await client.authenticate();
    expect(identity.userId).toBe(Number(credentials.userId));
    await client.request(positions(credentials));
    expect(logins()).toBe(before + 1);
  });

  it('the login goes through the user’s own axios instance', async () => {
    const instance = axios.create({ adapter: 'http' });
    const seen: string[] = [];
    instance.interceptors.request.use((config) => {
      seen.push(new URL(String(config.url)).pathname);
      return config;
    });
    const credentials = freshTrader();
    const client = createClient(kiiex({ ...credentials, baseURL: sandbox.baseURL }), {
      ...settings(),
      axios: instance,
    });
    await client.request(positions(credentials));
    expect(seen).toEqual(['/ap/AuthenticateUser', '/ap/GetAccountPositions']);
  });

  it('a configurable login path and method (NDAX, notbank)', async () => {
    const client = createClient(
      ndax({ ...sandbox.credentials.trader, baseURL: sandbox.baseURL }),
      settings(),
    );
    await client.request(positions());
    const viaGet = createClient(
      alphapoint({
        ...sandbox.credentials.trader,
        baseURL: sandbox.baseURL,
        login: { method: 'GET', path: '/AuthenticateUser' },
      }),
      settings(),
    );
    const before = sandbox.log.length;
    await viaGet.request(positions());
    expect(sandbox.log.slice(before).map((entry) => `${entry.method} ${entry.path}`)).toContain(
      'GET /ap/AuthenticateUser',
    );
    expect(sandbox.log.some((entry) => entry.path === '/ap/Authenticate')).toBe(true);
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
    const ticket = { ...AP_TICKET, ...sandbox.accountIds(key) };
    await client.call('CreateWithdrawTicket', { body: { ...ticket, Amount: 10 } });
    expect(Number(sandbox.balances(key).USDT)).toBe(before - 10);
    sandbox.dropNext();
    const error = await thrown(() => client.call('CreateWithdrawTicket', { body: { ...ticket, Amount: 5 } }));
    expect(error).toMatchObject({ name: 'TransportError', outcome: 'unknown' });
    expect(Number(sandbox.balances(key).USDT)).toBe(before - 15);
  });
});

describe('two-factor authentication', () => {
  it('with a callback: the code completes the login', async () => {
    const client = createClient(
      kiiex({ ...sandbox.credentials.twoFactor, baseURL: sandbox.baseURL }),
      settings(),
    );
    expect((await client.request(positions(sandbox.credentials.twoFactor))).status).toBe(200);
    expect(sandbox.log.some((entry) => entry.path === '/ap/Authenticate2FA')).toBe(true);
  });

  it('without a callback: TwoFactorRequiredError naming the type', async () => {
    const { twoFactor: _callback, ...credentials } = freshTwoFactor();
    const client = createClient(kiiex({ ...credentials, baseURL: sandbox.baseURL }), settings());
    const error = await thrown(() => client.request(positions()));
    expect(error).toBeInstanceOf(TwoFactorRequiredError);
    expect((error as TwoFactorRequiredError).twoFactorType).toBe('Google');
  });

  it('a callback that returns something other than 6 digits is a ConfigurationError', async () => {
    const client = createClient(
      kiiex({ ...freshTwoFactor(), twoFactor: () => '12345', baseURL: sandbox.baseURL }),
      settings(),
    );
    const error = await thrown(() => client.request(positions()));
    expect(error).toMatchObject({ name: 'ConfigurationError', field: 'twoFactor' });
    expect(error).toBeInstanceOf(ConfigurationError);
  });

  it('a wrong code is refused by the exchange', async () => {
    const client = createClient(
      kiiex({ ...freshTwoFactor(), twoFactor: () => '000000', baseURL: sandbox.baseURL }),
      settings(),
    );
    expect(await thrown(() => client.request(positions()))).toBeInstanceOf(AuthenticationError);
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
    expect(await thrown(() => client.request(positions()))).toBeInstanceOf(ConfigurationError);
  });

  it('close() without a session sends nothing', async () => {
    const client = trader();
    const before = sandbox.log.length;
    await client.close();
    expect(sandbox.log.length).toBe(before);
  });
});
