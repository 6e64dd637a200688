import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthenticationError, alphapoint, createClient, ndax } from '../../src/index.js';
import { type AlphaPointSandbox, startAlphaPointSandbox } from '../../src/testing/index.js';
import { TestClock } from '../support/clock.js';
import { everythingPrintable, thrown } from '../support/leaks.js';
import { accepted, routes, signedWith } from './wire.js';

// `auth: 'signed-headers'`: no login, no session; every private request carries APIKey, Signature, UserId and
// Nonce, signed over its own nonce. The exchange here accepts that (`signedCalls`) and verifies every signature
// with the secret it holds; the test verifies them again with its own HMAC.
let sandbox: AlphaPointSandbox;
beforeEach(async () => {
  sandbox = await startAlphaPointSandbox({ signedCalls: true });
});
afterEach(() => sandbox.close());

const settings = () => ({ rateLimit: false, retry: { minDelayMs: 5 }, clock: new TestClock() }) as const;
const signed = (exchange = sandbox, credentials = exchange.credentials.trader) =>
  createClient(alphapoint({ ...credentials, baseURL: exchange.baseURL, auth: 'signed-headers' }), settings());
/** `{OMSId, AccountId}` of the trader's own account: the sandbox refuses any other. */
const ids = () => sandbox.accountIds(sandbox.credentials.trader.apiKey);
const positions = () => ({ method: 'POST', path: '/GetAccountPositions', body: ids() }) as const;
const order = {
  InstrumentId: 1,
  Side: 0,
  Quantity: 0.01,
  LimitPrice: 100,
  OrderType: 2,
};
const sendOrder = () => ({ method: 'POST', path: '/SendOrder', body: { ...order, ...ids() } }) as const;
const privateCalls = () => sandbox.log.filter((entry) => entry.path !== '/ap/GetInstruments');

describe('every private request signed, no session', () => {
  it('sequential and concurrent requests: each signed anew, verified; no login, no aptoken', async () => {
    const client = signed();
    for (let i = 0; i < 3; i += 1) expect(await accepted(client.request(positions()))).toBe(true);
    const burst = await Promise.all(Array.from({ length: 20 }, () => accepted(client.request(positions()))));
    expect(burst.every(Boolean)).toBe(true);
    expect(sandbox.stats().executions.GetAccountPositions).toBe(23);

    const calls = privateCalls();
    expect(calls).toHaveLength(23);
    expect(routes(calls).every((route) => route === 'POST /ap/GetAccountPositions')).toBe(true);
    expect(calls.every((entry) => signedWith(entry, sandbox.credentials.trader))).toBe(true);
    expect(calls.every((entry) => entry.headers.aptoken === undefined)).toBe(true);
    expect(new Set(calls.map((entry) => entry.headers.nonce)).size).toBe(23);
    expect(new Set(calls.map((entry) => entry.headers.signature)).size).toBe(23);
    expect(sandbox.stats()).toMatchObject({ loginAttempts: 0, logins: 0, liveSessions: 0, signedCalls: 23 });
  });

  it('an order runs once per request', async () => {
    const client = signed();
    await Promise.all(Array.from({ length: 5 }, () => accepted(client.request(sendOrder()))));
    expect(sandbox.stats().executions.SendOrder).toBe(5);
    expect(sandbox.orders()).toHaveLength(5);
  });

  it('public calls carry nothing', async () => {
    // What went on the wire is the point, whatever the catalog makes of the answer.
    await signed()
      .request({ method: 'POST', path: '/GetInstruments', body: { OMSId: 1 } })
      .catch(() => undefined);
    expect(sandbox.log.at(-1)?.path).toBe('/ap/GetInstruments');
    expect(sandbox.log.at(-1)?.headers.signature).toBeUndefined();
    expect(sandbox.log.at(-1)?.headers.apikey).toBeUndefined();
  });

  it('close() sends nothing: there is no session to log out of', async () => {
    const client = signed();
    await accepted(client.request(positions()));
    const before = sandbox.log.length;
    await client.close();
    expect(sandbox.log.length).toBe(before);
  });

  it('authenticate() learns the ids from one signed login and keeps no session', async () => {
    const client = signed();
    const identity = await client.authenticate();
    expect(identity).toMatchObject({ userId: Number(sandbox.credentials.trader.userId), omsId: 1 });
    expect(identity.accountId).toEqual(expect.any(Number));
    expect(routes(sandbox.log)).toEqual(['POST /ap/AuthenticateUser']);
    expect(await accepted(client.request(positions()))).toBe(true);
    expect(sandbox.log.at(-1)?.headers.aptoken).toBeUndefined();
    expect(signedWith(sandbox.log.at(-1), sandbox.credentials.trader)).toBe(true);
  });

  it('ndax() offers it too', async () => {
    const client = createClient(
      ndax({ ...sandbox.credentials.trader, baseURL: sandbox.baseURL, auth: 'signed-headers' }),
      settings(),
    );
    expect(await accepted(client.request(positions()))).toBe(true);
    expect(sandbox.stats().logins).toBe(0);
  });
});

describe('refusals are final: nothing to renew', () => {
  it('a wrong secret: errorcode 20, AuthenticationError, the order sent once and not executed', async () => {
    const wrong = { ...sandbox.credentials.trader, apiSecret: 'wrong-secret-0123456789' };
    const error = await thrown(() => signed(sandbox, wrong).request(sendOrder()));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(everythingPrintable(error)).not.toContain(privateCalls()[0]?.headers.signature);
    expect(privateCalls()).toHaveLength(1);
    expect(sandbox.stats().executions.SendOrder).toBeUndefined();
    expect(sandbox.stats().loginAttempts).toBe(0);
  });

  it('an exchange that wants a session answers errorcode 20: AuthenticationError, sent once', async () => {
    const sessionsOnly = await startAlphaPointSandbox();
    try {
      const error = await thrown(() => signed(sessionsOnly).request(sendOrder()));
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(sessionsOnly.log.filter((entry) => entry.path === '/ap/SendOrder')).toHaveLength(1);
      expect(sessionsOnly.stats().executions.SendOrder).toBeUndefined();
      expect(sessionsOnly.stats().loginAttempts).toBe(0);
    } finally {
      await sessionsOnly.close();
    }
  });
});
