import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthenticationError, createClient, ExchangeError, kiiex, TransportError } from '../../src/index.js';
import { type AlphaPointSandbox, startAlphaPointSandbox } from '../../src/testing/index.js';
import { TestClock } from '../support/clock.js';
import { thrown } from '../support/leaks.js';
import { startGate } from './gate.js';

// Every test gets its own exchange: logins are counted where they happen, at the exchange.
let sandbox: AlphaPointSandbox;
beforeEach(async () => {
  sandbox = await startAlphaPointSandbox();
});
afterEach(() => sandbox.close());

// A driven clock: deadlines fire only when a test moves it, so a loaded machine cannot end a request early.
const settings = { rateLimit: false, retry: false, clock: new TestClock() } as const;
/** GetAccountPositions of the trader's own account (the sandbox refuses any other). */
const positions = () =>
  ({
    method: 'POST',
    path: '/GetAccountPositions',
    body: sandbox.accountIds(sandbox.credentials.trader.apiKey),
  }) as const;
const trader = (baseURL = sandbox.baseURL) =>
  createClient(kiiex({ ...sandbox.credentials.trader, baseURL }), settings);
const logins = () => sandbox.stats().logins ?? 0;
const callsTo = (name: string) => sandbox.log.filter((entry) => entry.path === `/ap/${name}`);
/** One turn of the event loop: every promise that can settle without I/O or time has settled. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('concurrent requests share one login', () => {
  it('1,000 concurrent requests on a fresh client: exactly one login, all succeed, each carries the token', async () => {
    const client = trader();
    const responses = await Promise.all(Array.from({ length: 1_000 }, () => client.request(positions())));
    expect(responses.every((response) => response.status === 200)).toBe(true);
    expect(logins()).toBe(1);
    expect(callsTo('AuthenticateUser')).toHaveLength(1);
    const calls = callsTo('GetAccountPositions');
    expect(calls).toHaveLength(1_000);
    expect(new Set(calls.map((entry) => entry.headers.aptoken)).size).toBe(1);
  });

  it('a wrong secret: 100 concurrent requests make exactly one login attempt, and the next request tries again', async () => {
    const client = createClient(
      kiiex({ ...sandbox.credentials.trader, apiSecret: 'wrong-secret-abcdef', baseURL: sandbox.baseURL }),
      settings,
    );
    const errors = await Promise.all(
      Array.from({ length: 100 }, () => thrown(() => client.request(positions()))),
    );
    expect(errors.every((error) => error instanceof AuthenticationError)).toBe(true);
    expect(sandbox.stats().loginAttempts).toBe(1);
    await thrown(() => client.request(positions()));
    expect(sandbox.stats().loginAttempts).toBe(2);
    expect(callsTo('GetAccountPositions')).toHaveLength(0);
  });
});

describe('a failed login is not kept', () => {
  it('a login the exchange fails (503): every waiter gets the error; the next request logs in again and succeeds', async () => {
    const client = trader();
    sandbox.failNext(1, { status: 503, body: 'maintenance' });
    const errors = await Promise.all(
      Array.from({ length: 5 }, () => thrown(() => client.request(positions()))),
    );
    expect(errors.every((error) => error instanceof ExchangeError)).toBe(true);
    expect(callsTo('AuthenticateUser')).toHaveLength(1);
    expect(logins()).toBe(0);

    const response = await client.request(positions());
    expect(response.status).toBe(200);
    expect(callsTo('AuthenticateUser')).toHaveLength(2);
    expect(logins()).toBe(1);
    expect(callsTo('GetAccountPositions')).toHaveLength(1);
  });
});

describe('an abort while a login is under way', () => {
  it('the aborted request settles at once, not-sent; the login goes on and the other requests get its session', async () => {
    const gate = await startGate(sandbox.baseURL);
    const login = gate.hold('AuthenticateUser');
    try {
      const client = trader(gate.baseURL);
      const controller = new AbortController();
      const aborted = client.request({ ...positions(), signal: controller.signal });
      let settled = false;
      aborted.then(
        () => {
          settled = true;
        },
        () => {
          settled = true;
        },
      );
      const others = [client.request(positions()), client.request(positions())];
      await login.arrived(1);

      controller.abort();
      await turn();
      // Settled while the exchange still holds the login answer.
      expect(settled).toBe(true);
      expect(login.released).toBe(false);
      expect(logins()).toBe(0);
      const error = await thrown(() => aborted);
      expect(error).toBeInstanceOf(TransportError);
      expect(error).toMatchObject({ outcome: 'not-sent' });

      login.release();
      const responses = await Promise.all(others);
      expect(responses.map((response) => response.status)).toEqual([200, 200]);
      expect(logins()).toBe(1);
      expect(gate.log.filter((entry) => entry.path === '/ap/AuthenticateUser')).toHaveLength(1);
      // The aborted request never reached the exchange; the two others did, with the shared session.
      const calls = callsTo('GetAccountPositions');
      expect(calls).toHaveLength(2);
      expect(new Set(calls.map((entry) => entry.headers.aptoken)).size).toBe(1);
    } finally {
      await gate.close();
    }
  });

  it('a request aborted before it starts sends nothing and starts no login', async () => {
    const client = trader();
    const controller = new AbortController();
    controller.abort();
    const error = await thrown(() => client.request({ ...positions(), signal: controller.signal }));
    expect(error).toMatchObject({ name: 'TransportError', outcome: 'not-sent' });
    expect(sandbox.log).toHaveLength(0);
  });
});
