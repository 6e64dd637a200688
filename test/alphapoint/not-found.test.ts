import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthenticationError, createClient, ExchangeError, kiiex } from '../../src/index.js';
import { type AlphaPointSandbox, startAlphaPointSandbox } from '../../src/testing/index.js';
import { TestClock } from '../support/clock.js';
import { thrown } from '../support/leaks.js';
import { accepted } from './wire.js';

// HTTP 404 on a private call (docs/providers/alphapoint.md, "HTTP 404"): ccxt reads it as a refused credential,
// but nothing documents that the request did not run, so it is never resent — not even an idempotent read — and
// the session is kept. The 404s are injected in front of the exchange (`failNext`): the request reaches the
// exchange's door, is logged there, and is not executed.
let sandbox: AlphaPointSandbox;
beforeEach(async () => {
  sandbox = await startAlphaPointSandbox();
});
afterEach(() => sandbox.close());

// Retries on: an idempotent request that failed with a 5xx would be sent again; a 404 must not be.
const client = () =>
  createClient(kiiex({ ...sandbox.credentials.trader, baseURL: sandbox.baseURL }), {
    rateLimit: false,
    retry: { retries: 3, minDelayMs: 5 },
    clock: new TestClock(),
  });
const order = {
  InstrumentId: 1,
  Side: 0,
  Quantity: 0.01,
  LimitPrice: 100,
  OrderType: 2,
};
/** `{OMSId, AccountId}` of the trader's own account: the sandbox refuses any other. */
const ids = () => sandbox.accountIds(sandbox.credentials.trader.apiKey);
const sendOrder = () => ({ method: 'POST', path: '/SendOrder', body: { ...order, ...ids() } }) as const;
const positions = () => ({ method: 'POST', path: '/GetAccountPositions', body: ids() }) as const;
const callsTo = (name: string) => sandbox.log.filter((entry) => entry.path === `/ap/${name}`);

describe('HTTP 404 on a private call', () => {
  it('SendOrder: AuthenticationError with status 404, sent once, no new login, nothing executed', async () => {
    const c = client();
    await c.authenticate();
    sandbox.failNext(1, { status: 404, body: 'Not Found' });
    const error = await thrown(() => c.request(sendOrder()));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 404 });
    expect((error as Error).message).toMatch(/not sent again/);
    expect(callsTo('SendOrder')).toHaveLength(1);
    expect(sandbox.stats().logins).toBe(1);
    expect(sandbox.stats().executions.SendOrder).toBeUndefined();
    expect(sandbox.orders()).toHaveLength(0);
  });

  it('an idempotent read is not resent either; the session is kept for the next request', async () => {
    const c = client();
    await c.authenticate();
    sandbox.failNext(1, { status: 404, body: { error: 'Not Found' } });
    expect(await thrown(() => c.request(positions()))).toBeInstanceOf(AuthenticationError);
    expect(callsTo('GetAccountPositions')).toHaveLength(1);

    expect(await accepted(c.request(positions()))).toBe(true);
    expect(sandbox.stats().executions.GetAccountPositions).toBe(1);
    const [refused, next] = callsTo('GetAccountPositions');
    expect(next?.headers.aptoken).toBe(refused?.headers.aptoken);
    expect(sandbox.stats().logins).toBe(1);
  });

  it('a 404 carrying "Not Authorized" (errorcode 20) is not the documented refusal: not resent', async () => {
    const c = client();
    await c.authenticate();
    sandbox.failNext(1, {
      status: 404,
      body: { result: false, errormsg: 'Not Authorized', errorcode: 20, detail: null },
    });
    expect(await thrown(() => c.request(sendOrder()))).toBeInstanceOf(AuthenticationError);
    expect(callsTo('SendOrder')).toHaveLength(1);
    expect(sandbox.stats().logins).toBe(1);
  });

  it('a 404 carrying another AlphaPoint code is that exchange error (104 Resource Not Found)', async () => {
    const c = client();
    await c.authenticate();
    sandbox.failNext(1, {
      status: 404,
      body: { result: false, errormsg: 'Resource Not Found', errorcode: 104, detail: null },
    });
    const error = await thrown(() => c.request(sendOrder()));
    expect(error).toBeInstanceOf(ExchangeError);
    expect(error).toMatchObject({ status: 404, exchangeCode: 104 });
    expect(callsTo('SendOrder')).toHaveLength(1);
  });
});

describe('HTTP 404 on a public call', () => {
  it('carries no credentials, so it is no authentication failure: ExchangeError, no login', async () => {
    const c = client();
    sandbox.failNext(1, { status: 404, body: 'Not Found' });
    const error = await thrown(() =>
      c.request({ method: 'POST', path: '/GetInstruments', body: { OMSId: 1 } }),
    );
    expect(error).toBeInstanceOf(ExchangeError);
    expect(error).toMatchObject({ status: 404 });
    expect(sandbox.stats().loginAttempts).toBe(0);
  });
});

describe('for comparison: the documented refusal is resent once after one new login', () => {
  it('errorcode 20 at HTTP 401 on SendOrder: one new login, sent again, executed once', async () => {
    const c = client();
    await c.authenticate();
    sandbox.failNext(1, {
      status: 401,
      body: { result: false, errormsg: 'Not Authorized', errorcode: 20, detail: null },
    });
    expect(await accepted(c.request(sendOrder()))).toBe(true);
    expect(callsTo('SendOrder')).toHaveLength(2);
    expect(sandbox.stats().logins).toBe(2);
    expect(sandbox.stats().executions.SendOrder).toBe(1);
  });
});
