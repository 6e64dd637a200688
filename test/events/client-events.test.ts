import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  bitex,
  type ClientEvent,
  createClient,
  kiiex,
  type Logger,
} from '../../src/index.js';
import {
  type AlphaPointSandbox,
  type BitexSandbox,
  startAlphaPointSandbox,
  startBitexSandbox,
} from '../../src/testing/index.js';
import { TestClock } from '../support/clock.js';
import { thrown } from '../support/leaks.js';

// Events are counted against what the exchange counted: logins at the sandbox, attempts in its request log.
let kiiexSandbox: AlphaPointSandbox;
let bitexSandbox: BitexSandbox;
beforeEach(async () => {
  [kiiexSandbox, bitexSandbox] = await Promise.all([startAlphaPointSandbox(), startBitexSandbox()]);
});
afterEach(() => Promise.all([kiiexSandbox.close(), bitexSandbox.close()]));

/** GetAccountPositions of the trader's own account (the sandbox refuses any other). */
const positions = () =>
  ({
    method: 'POST',
    path: '/GetAccountPositions',
    body: kiiexSandbox.accountIds(kiiexSandbox.credentials.trader.apiKey),
  }) as const;
const ofType = <T extends ClientEvent['type']>(events: ClientEvent[], type: T) =>
  events.filter((event): event is Extract<ClientEvent, { type: T }> => event.type === type);

function recorder() {
  const events: ClientEvent[] = [];
  return { events, onEvent: (event: ClientEvent) => events.push(event) };
}

function lines() {
  const seen: { level: string; message: string }[] = [];
  const at =
    (level: string) =>
    (message: string): void => {
      seen.push({ level, message });
    };
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { seen, logger };
}

describe('a login storm', () => {
  it('50 concurrent requests: 1 login started, 1 finished ok, 50 requests finished ok with 1 attempt each', async () => {
    const { events, onEvent } = recorder();
    const { seen, logger } = lines();
    const client = createClient(
      kiiex({ ...kiiexSandbox.credentials.trader, baseURL: kiiexSandbox.baseURL }),
      {
        onEvent,
        logger,
        clock: new TestClock(),
        retry: false,
      },
    );
    await Promise.all(Array.from({ length: 50 }, () => client.request(positions())));
    expect(kiiexSandbox.stats().logins).toBe(1);
    expect(ofType(events, 'login-started')).toEqual([{ type: 'login-started', provider: 'kiiex' }]);
    expect(ofType(events, 'login-finished')).toEqual([
      { type: 'login-finished', provider: 'kiiex', ok: true, durationMs: 0, errorCode: undefined },
    ]);
    const done = ofType(events, 'request-finished');
    expect(done).toHaveLength(50);
    expect(done[0]).toEqual({
      type: 'request-finished',
      provider: 'kiiex',
      method: 'POST',
      path: '/GetAccountPositions',
      endpoint: 'GetAccountPositions',
      status: 200,
      attempts: 1,
      durationMs: 0,
      outcome: 'ok',
    });
    expect(done.every((event) => event.outcome === 'ok' && event.attempts === 1)).toBe(true);
    expect(events).toHaveLength(52);
    expect(
      seen.filter((line) => line.level === 'info' && /logging in|logged in/.test(line.message)),
    ).toHaveLength(2);
  });

  it('a refused login: 1 started, 1 finished not ok with its code; the requests end with attempts 0', async () => {
    const { events, onEvent } = recorder();
    const client = createClient(
      kiiex({
        ...kiiexSandbox.credentials.trader,
        apiSecret: 'wrong-secret-abcdef',
        baseURL: kiiexSandbox.baseURL,
      }),
      { onEvent, retry: false },
    );
    const errors = await Promise.all(
      Array.from({ length: 5 }, () => thrown(() => client.request(positions()))),
    );
    expect(errors.every((error) => error instanceof AuthenticationError)).toBe(true);
    expect(ofType(events, 'login-started')).toHaveLength(1);
    expect(ofType(events, 'login-finished')).toMatchObject([{ ok: false, errorCode: 'authentication' }]);
    const done = ofType(events, 'request-finished');
    expect(done).toHaveLength(5);
    expect(done.every((event) => event.outcome === 'authentication' && event.attempts === 0)).toBe(true);
  });
});

describe('session expiry', () => {
  it('the exchange ends the session: 1 session expired (refused), 1 new login, the request finishes after 2 attempts', async () => {
    const { events, onEvent } = recorder();
    const client = createClient(
      kiiex({ ...kiiexSandbox.credentials.trader, baseURL: kiiexSandbox.baseURL }),
      {
        onEvent,
        retry: false,
      },
    );
    await client.authenticate();
    kiiexSandbox.expireAllSessions();
    events.length = 0;
    await client.request(positions());
    expect(kiiexSandbox.stats().logins).toBe(2);
    expect(events.map((event) => event.type)).toEqual([
      'session-expired',
      'login-started',
      'login-finished',
      'request-finished',
    ]);
    expect(ofType(events, 'session-expired')).toEqual([
      { type: 'session-expired', provider: 'kiiex', reason: 'refused' },
    ]);
    expect(ofType(events, 'request-finished')).toMatchObject([{ attempts: 2, status: 200, outcome: 'ok' }]);
  });

  it('a session idle for its lifetime: 1 session expired (idle), renewed by 1 login before use', async () => {
    const { events, onEvent } = recorder();
    const clock = new TestClock();
    const client = createClient(
      kiiex({ ...kiiexSandbox.credentials.trader, baseURL: kiiexSandbox.baseURL, sessionIdleMs: 60_000 }),
      { onEvent, clock, retry: false },
    );
    await client.request(positions());
    clock.set(clock.now() + 60_000);
    await client.request(positions());
    expect(kiiexSandbox.stats().logins).toBe(2);
    expect(ofType(events, 'session-expired')).toEqual([
      { type: 'session-expired', provider: 'kiiex', reason: 'idle' },
    ]);
    expect(ofType(events, 'login-started')).toHaveLength(2);
    expect(ofType(events, 'request-finished').map((event) => event.attempts)).toEqual([1, 1]);
  });
});

describe('retries and rate-limit waits', () => {
  const user = (options: Parameters<typeof createClient>[1]) =>
    createClient(bitex({ ...bitexSandbox.credentials.user, baseURL: bitexSandbox.baseURL }), options);

  it('a 429 with Retry-After: 1 retry scheduled (attempt 2, 1,000 ms, rate-limited); finished after 2 attempts in 1,000 ms', async () => {
    const { events, onEvent } = recorder();
    const client = user({ onEvent, clock: new TestClock(), rateLimit: false });
    bitexSandbox.failNext(1, { status: 429, retryAfterSeconds: 1 });
    await client.call('coinWallets.list');
    expect(bitexSandbox.log.filter((entry) => entry.path === '/api/coin_wallets')).toHaveLength(2);
    expect(ofType(events, 'retry-scheduled')).toEqual([
      {
        type: 'retry-scheduled',
        provider: 'bitex',
        method: 'GET',
        path: '/coin_wallets',
        endpoint: 'coinWallets.list',
        attempt: 2,
        delayMs: 1_000,
        reason: 'rate-limited',
        status: 429,
      },
    ]);
    expect(ofType(events, 'request-finished')).toMatchObject([
      { endpoint: 'coinWallets.list', status: 200, attempts: 2, durationMs: 1_000, outcome: 'ok' },
    ]);
  });

  it('a 503 on a non-idempotent request: no retry scheduled; finished with outcome exchange and status 503', async () => {
    const { events, onEvent } = recorder();
    const client = user({ onEvent, clock: new TestClock(), rateLimit: false });
    bitexSandbox.failNext(1, { status: 503 });
    await thrown(() =>
      client.request({ method: 'POST', path: '/orders/cancel', permission: 'trade', idempotent: false }),
    );
    expect(ofType(events, 'retry-scheduled')).toHaveLength(0);
    expect(ofType(events, 'request-finished')).toMatchObject([
      { status: 503, attempts: 1, outcome: 'exchange' },
    ]);
  });

  it('the client-side rate limit: 3 requests in a row at 1/s make 2 waits of 1,000 ms, as the clock slept', async () => {
    const { events, onEvent } = recorder();
    const clock = new TestClock();
    const client = user({ onEvent, clock, rateLimit: 1 });
    for (const _ of [1, 2, 3]) await client.call('coinWallets.list');
    expect(ofType(events, 'rate-limit-wait')).toMatchObject([
      { endpoint: 'coinWallets.list', waitMs: 1_000 },
      { endpoint: 'coinWallets.list', waitMs: 1_000 },
    ]);
    expect(clock.sleeps).toEqual([1_000, 1_000]);
  });
});

describe('events hold no secret, and a listener cannot break a request', () => {
  it('no key, secret, signature or session token in any event, even one in the path', async () => {
    const { events, onEvent } = recorder();
    const { apiKey, apiSecret } = kiiexSandbox.credentials.trader;
    const client = createClient(
      kiiex({ ...kiiexSandbox.credentials.trader, baseURL: kiiexSandbox.baseURL }),
      {
        onEvent,
        retry: false,
      },
    );
    await client.request(positions());
    kiiexSandbox.expireAllSessions();
    await client.request(positions());
    await thrown(() => client.request({ method: 'POST', path: `/Nope/${apiKey}`, permission: 'read' }));
    const bitexClient = createClient(
      bitex({ ...bitexSandbox.credentials.user, baseURL: bitexSandbox.baseURL }),
      {
        onEvent,
        retry: false,
      },
    );
    await thrown(() =>
      bitexClient.request({
        method: 'GET',
        path: `/users/${bitexSandbox.credentials.user.apiKey}`,
        permission: 'read',
      }),
    );

    const tokens = kiiexSandbox.log
      .map((entry) => entry.headers.aptoken)
      .filter((token) => token !== undefined);
    const signatures = kiiexSandbox.log
      .map((entry) => entry.headers.signature)
      .filter((value) => value !== undefined);
    expect(tokens.length).toBeGreaterThan(1);
    expect(signatures).toHaveLength(2);
    const printed = JSON.stringify(events);
    for (const secret of [
      apiKey,
      apiSecret,
      bitexSandbox.credentials.user.apiKey,
      ...tokens,
      ...signatures,
    ]) {
      expect(printed).not.toContain(secret);
    }
    expect(printed).toContain('/Nope/[redacted]');
    expect(printed).toContain('/users/[redacted]');
  });

  it('a listener that throws: every request succeeds, and one warning is logged', async () => {
    const { seen, logger } = lines();
    let calls = 0;
    const client = createClient(
      kiiex({ ...kiiexSandbox.credentials.trader, baseURL: kiiexSandbox.baseURL }),
      {
        onEvent: () => {
          calls += 1;
          throw new Error('metrics backend down');
        },
        logger,
        retry: false,
      },
    );
    const responses = await Promise.all([1, 2, 3].map(() => client.request(positions())));
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(calls).toBe(5);
    expect(
      seen.filter((line) => line.level === 'warn' && /onEvent listener threw/.test(line.message)),
    ).toHaveLength(1);
  });

  it('onEvent must be a function', () => {
    expect(() =>
      createClient(bitex({ apiKey: 'a-long-enough-key', environment: 'sandbox' }), {
        onEvent: 'log' as never,
      }),
    ).toThrow(/onEvent must be a function/);
  });
});
