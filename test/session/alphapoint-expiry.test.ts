import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthenticationError, alphapoint, type ClientOptions, createClient, kiiex } from '../../src/index.js';
import { type AlphaPointSandbox, startAlphaPointSandbox } from '../../src/testing/index.js';
import { TestClock } from '../support/clock.js';
import { AP_ORDER } from '../support/documented.js';
import { thrown } from '../support/leaks.js';
import { startGate } from './gate.js';

// Every test gets its own exchange: logins and executions are counted where they happen, at the exchange.
let sandbox: AlphaPointSandbox;
beforeEach(async () => {
  sandbox = await startAlphaPointSandbox();
});
afterEach(() => sandbox.close());

const settings = { rateLimit: false, retry: false } as const;
/** `{OMSId, AccountId}` of the trader's own account: the sandbox refuses any other. */
const ids = () => sandbox.accountIds(sandbox.credentials.trader.apiKey);
const positions = () => ({ method: 'POST', path: '/GetAccountPositions', body: ids() }) as const;
const order = () => ({ ...AP_ORDER, ...ids() });
const trader = (baseURL = sandbox.baseURL, options: ClientOptions = {}) =>
  createClient(kiiex({ ...sandbox.credentials.trader, baseURL }), { ...settings, ...options });
const logins = () => sandbox.stats().logins ?? 0;
const callsTo = (name: string) => sandbox.log.filter((entry) => entry.path === `/ap/${name}`);

describe('errorcode 20: the session is renewed once and the refused request sent once more', () => {
  it('a refused SendOrder: exactly one new login, sent again with the new token, executed once', async () => {
    const client = trader();
    await client.authenticate();
    sandbox.expireAllSessions();
    const response = await client.call('SendOrder', { body: order() });
    expect(response.status).toBe(200);
    expect(logins()).toBe(2);
    expect(sandbox.stats().executions.SendOrder).toBe(1);
    expect(sandbox.orders()).toHaveLength(1);
    const [refused, resent] = callsTo('SendOrder');
    expect(callsTo('SendOrder')).toHaveLength(2);
    expect(resent?.headers.aptoken).not.toBe(refused?.headers.aptoken);
  });

  for (const status of [200, 400, 401] as const) {
    it(`errorcode 20 with HTTP ${status}: the session is renewed and the request sent once more`, async () => {
      sandbox.setStyle({ notAuthorizedStatus: status });
      const client = trader();
      await client.authenticate();
      sandbox.expireAllSessions();
      const response = await client.request(positions());
      expect(response.status).toBe(200);
      expect(logins()).toBe(2);
      expect(callsTo('GetAccountPositions')).toHaveLength(2);
    });
  }

  it('a plain 401 (no AlphaPoint body) also renews the session once', async () => {
    const client = trader();
    await client.authenticate();
    sandbox.failNext(1, { status: 401, body: '' });
    const response = await client.request(positions());
    expect(response.status).toBe(200);
    expect(logins()).toBe(2);
  });

  it('a fresh session refused too fails with AuthenticationError, no loop', async () => {
    // An exchange whose sessions end at once: every private call is refused, even right after a login.
    const refusing = await startAlphaPointSandbox({ sessionIdleMs: 0 });
    try {
      const client = createClient(
        kiiex({ ...refusing.credentials.trader, baseURL: refusing.baseURL }),
        settings,
      );
      const error = await thrown(() => client.request(positions()));
      expect(error).toBeInstanceOf(AuthenticationError);
      expect((error as AuthenticationError).message).toMatch(/again after renewing them/);
      expect(refusing.stats().logins).toBe(2);
      expect(refusing.log.filter((entry) => entry.path === '/ap/GetAccountPositions')).toHaveLength(2);
    } finally {
      await refusing.close();
    }
  });
});

describe('a refusal of an old token never drops the newer session', () => {
  it('request A holds t1; the session is renewed to t2; A is refused: A is resent with t2, no extra login', async () => {
    const gate = await startGate(sandbox.baseURL);
    try {
      const client = trader(gate.baseURL);
      await client.authenticate();
      expect(logins()).toBe(1);
      const held = gate.hold('GetAccountPositions');
      const requestA = client.request(positions());
      const [sentA] = await held.arrived(1);
      const t1 = sentA?.headers.aptoken;

      // The exchange ends t1; request B is refused, renews the session (login 2) and is resent with t2.
      sandbox.expireAllSessions();
      expect((await client.call('GetUserInfo', { body: { OMSId: 1 } })).status).toBe(200);
      expect(logins()).toBe(2);
      const t2 = callsTo('GetUserInfo').at(-1)?.headers.aptoken;
      expect(t2).not.toBe(t1);

      // A now reaches the exchange with t1 and is refused; expiring t1 must leave t2 in place.
      held.release();
      expect((await requestA).status).toBe(200);
      expect(logins()).toBe(2);
      expect(callsTo('GetAccountPositions').map((entry) => entry.headers.aptoken)).toEqual([t1, t2]);
    } finally {
      await gate.close();
    }
  });

  it('the exchange ends every session while 200 requests are in flight: one new login, each order executed once', async () => {
    const gate = await startGate(sandbox.baseURL);
    try {
      const client = trader(gate.baseURL);
      await client.authenticate();
      const held = gate.hold('GetAccountPositions', 'SendOrder');
      const inFlight = Array.from({ length: 200 }, (_, i) =>
        i % 2 === 0 ? client.request(positions()) : client.call('SendOrder', { body: order() }),
      );
      // All 200 were authorised with t1 before the first reached the exchange; the exchange ends every session
      // before it answers any of them, so each of the 200 is refused once.
      const [first] = await held.arrived(1);
      const t1 = first?.headers.aptoken;
      sandbox.expireAllSessions();
      held.release();
      const responses = await Promise.all(inFlight);
      expect(responses.every((response) => response.status === 200)).toBe(true);
      expect(logins()).toBe(2);
      expect(sandbox.stats().executions.SendOrder).toBe(100);
      for (const name of ['SendOrder', 'GetAccountPositions']) {
        const tokens = callsTo(name).map((entry) => entry.headers.aptoken);
        expect(tokens.filter((token) => token === t1)).toHaveLength(100);
        expect(tokens.filter((token) => token !== t1)).toHaveLength(100);
      }
    } finally {
      await gate.close();
    }
  });
});

describe('renewal before the idle lifetime (driven clocks)', () => {
  // Default lifetime one hour on both sides; the client renews once a session is idle for 55 minutes.
  const THRESHOLD = 55 * 60 * 1000;

  it('idle lifetime − margin − 1 ms reuses the session; idle ≥ lifetime − margin logs in again before use', async () => {
    const clock = new TestClock();
    const client = trader(sandbox.baseURL, { clock });
    // Both clocks move together: the exchange's session ages exactly as the client's does.
    const idle = async (ms: number) => {
      await clock.advance(ms);
      sandbox.shiftClock(ms);
    };
    await client.request(positions());
    expect(logins()).toBe(1);

    await idle(THRESHOLD - 1);
    await client.request(positions());
    expect(logins()).toBe(1);

    await idle(THRESHOLD);
    await client.request(positions());
    expect(logins()).toBe(2);

    // Idle for the whole hour: the exchange would refuse the old token, but the client renewed first.
    await idle(60 * 60 * 1000);
    await client.request(positions());
    expect(logins()).toBe(3);

    const tokens = callsTo('GetAccountPositions').map((entry) => entry.headers.aptoken);
    // Four requests, four calls: none was refused and sent again.
    expect(tokens).toHaveLength(4);
    expect(tokens[1]).toBe(tokens[0]);
    expect(new Set(tokens).size).toBe(3);
  });

  it('the lifetime the client is told: sessionIdleMs 1,200 renews at 1,100 ms idle, not at 1,099', async () => {
    const clock = new TestClock();
    const client = createClient(
      alphapoint({ ...sandbox.credentials.trader, baseURL: sandbox.baseURL, sessionIdleMs: 1_200 }),
      { ...settings, clock },
    );
    await client.request(positions());
    await clock.advance(1_099);
    await client.request(positions());
    expect(logins()).toBe(1);
    await clock.advance(1_100);
    await client.request(positions());
    expect(logins()).toBe(2);
  });
});
