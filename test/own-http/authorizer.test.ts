import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AuthorizedRequest,
  bitex,
  bitexbit,
  type ClientEvent,
  ConfigurationError,
  createAuthorizer,
  createClient,
  kiiex,
  type OutgoingRequest,
  PermissionDeniedError,
  TransportError,
} from '../../src/index.js';
import { type Sandbox, startSandbox } from '../../src/testing/index.js';
import { TestClock } from '../support/clock.js';
import { everythingPrintable, thrown } from '../support/leaks.js';

// Requests authorised by createAuthorizer and sent with native fetch: the sandboxes recompute every signature and
// count every login, so an accepted request and a login count are the proof.
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

/** Sends an authorised request with native fetch, as a user would, and always calls done(). */
async function send(request: AuthorizedRequest) {
  try {
    const answer = await fetch(request.url, request);
    return { status: answer.status, text: await answer.text() };
  } finally {
    request.done();
  }
}
const viaFetch = ({ url, ...init }: OutgoingRequest) => fetch(url, init);
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('requests you send yourself, verified by the sandboxes', () => {
  it('bitex: the static key and Version header are accepted', async () => {
    const authorizer = createAuthorizer(
      bitex({ ...sandbox.bitex.credentials.user, baseURL: sandbox.bitex.baseURL }),
    );
    const request = await authorizer.authorize({ method: 'GET', path: '/users/me' });
    expect(request.headers).toMatchObject({
      Version: '2.1',
      Authorization: sandbox.bitex.credentials.user.apiKey,
    });
    expect(request.body).toBeNull();
    const answer = await send(request);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text).data.id).toBe(String(sandbox.bitex.users.user));
  });

  it('bitexbit: the signed body is the exact body sent, and the exchange executes it once', async () => {
    const authorizer = createAuthorizer(
      bitexbit({ ...sandbox.bitexbit.credentials.trade, baseURL: sandbox.bitexbit.baseURL }),
    );
    const before = sandbox.bitexbit.executions('POST /api/v2/private/order/create');
    const body = { symbol: 'BTC_USD', type: 'buy-limit', price: '1000', amount: '0.001' };
    const request = await authorizer.authorize({
      method: 'POST',
      path: '/api/v2/private/order/create',
      body,
    });
    expect(request.body).toBe(JSON.stringify(body));
    expect(request.headers['X-Signature']).toMatch(/^[0-9a-f]{64}$/);
    const answer = await send(request);
    expect(answer.status).toBe(200);
    expect(sandbox.bitexbit.executions('POST /api/v2/private/order/create')).toBe(before + 1);
    const balance = await send(
      await authorizer.authorize({ method: 'GET', path: '/api/v2/private/balance' }),
    );
    expect(balance.status).toBe(200);
  });

  it('kiiex: 20 concurrent authorize calls share one login sent through `send`; every request is accepted', async () => {
    const credentials = sandbox.kiiex.addAccount({ permissions: ['Trading'] });
    const events: ClientEvent[] = [];
    const authorizer = createAuthorizer(kiiex({ ...credentials, baseURL: sandbox.kiiex.baseURL }), {
      send: viaFetch,
      onEvent: (event) => events.push(event),
    });
    const loginsBefore = sandbox.kiiex.stats().logins ?? 0;
    const requests = await Promise.all(
      Array.from({ length: 20 }, () =>
        authorizer.authorize({
          method: 'POST',
          path: '/GetAccountPositions',
          body: sandbox.kiiex.accountIds(credentials.apiKey),
        }),
      ),
    );
    expect((sandbox.kiiex.stats().logins ?? 0) - loginsBefore).toBe(1);
    expect(new Set(requests.map((request) => request.headers.aptoken)).size).toBe(1);
    expect(events.map((event) => event.type)).toEqual(['login-started', 'login-finished']);
    const answers = await Promise.all(requests.map(send));
    expect(answers.every((answer) => answer.status === 200 && !answer.text.includes('errorcode'))).toBe(true);
    await authorizer.close();
    expect(sandbox.kiiex.stats().logouts).toBeGreaterThan(0);
  });

  it('kiiex: after the exchange ends the session, expire() drops it and the next authorize logs in once more', async () => {
    const credentials = sandbox.kiiex.addAccount({});
    const authorizer = createAuthorizer(kiiex({ ...credentials, baseURL: sandbox.kiiex.baseURL }), {
      send: viaFetch,
    });
    const logins = () => sandbox.kiiex.stats().logins ?? 0;
    const positions = {
      method: 'POST',
      path: '/GetAccountPositions',
      body: sandbox.kiiex.accountIds(credentials.apiKey),
    } as const;
    const first = await authorizer.authorize(positions);
    const start = logins();
    sandbox.kiiex.expireAllSessions();
    const refused = await send(first);
    expect(refused.text).toContain('Not Authorized');
    expect(await authorizer.expire(first)).toBe(true);
    const again = await authorizer.authorize(positions);
    expect(logins()).toBe(start + 1);
    expect(again.headers.aptoken).not.toBe(first.headers.aptoken);
    expect((await send(again)).text).not.toContain('Not Authorized');
  });
});

describe('one key, one order: a nonce scheme holds the next request until done()', () => {
  const make = (clock = new TestClock({ auto: false })) => {
    const key = sandbox.bitexbit.addKey({ access: 'read' });
    return {
      clock,
      authorizer: createAuthorizer(bitexbit({ ...key, baseURL: sandbox.bitexbit.baseURL }), {
        clock,
        holdMs: 5_000,
      }),
    };
  };
  const balance = { method: 'GET', path: '/api/v2/private/balance' } as const;

  it('the second request is signed only after the first is done, with a greater nonce; both are accepted', async () => {
    const { authorizer } = make();
    const first = await authorizer.authorize(balance);
    let second: AuthorizedRequest | undefined;
    const pending = authorizer.authorize(balance).then((request) => {
      second = request;
      return request;
    });
    await turn();
    await turn();
    expect(second).toBeUndefined();
    expect((await send(first)).status).toBe(200);
    const next = await pending;
    expect(BigInt(next.headers['X-Nonce'] ?? '0')).toBeGreaterThan(BigInt(first.headers['X-Nonce'] ?? '0'));
    expect((await send(next)).status).toBe(200);
  });

  it('a forgotten done() holds the key for holdMs, on the injected clock, then the next request goes', async () => {
    const { authorizer, clock } = make();
    await authorizer.authorize(balance);
    let second: AuthorizedRequest | undefined;
    void authorizer.authorize(balance).then((request) => {
      second = request;
    });
    await clock.advance(4_999);
    await turn();
    expect(second).toBeUndefined();
    await clock.advance(1);
    await turn();
    await turn();
    expect(second).toBeDefined();
    second?.done();
  });

  it('a request aborted while it waits its turn is never signed, and does not hold the key', async () => {
    const { authorizer } = make();
    const first = await authorizer.authorize(balance);
    const controller = new AbortController();
    const aborted = authorizer.authorize({ ...balance, signal: controller.signal });
    controller.abort();
    const error = await thrown(() => aborted);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ outcome: 'not-sent' });
    first.done();
    const third = await authorizer.authorize(balance);
    expect(BigInt(third.headers['X-Nonce'] ?? '0')).toBe(BigInt(first.headers['X-Nonce'] ?? '0') + 1n);
    third.done();
  });
});

describe('input is checked as client.request checks it', () => {
  const read = () =>
    createAuthorizer(bitexbit({ ...sandbox.bitexbit.credentials.read, baseURL: sandbox.bitexbit.baseURL }));

  it('the permission gate refuses before anything is signed', async () => {
    const error = await thrown(() =>
      read().authorize({ method: 'POST', path: '/api/v2/private/order/create', body: {} }),
    );
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error).toMatchObject({ required: 'trade', source: 'local' });
  });

  it('fields a sent request would need, unknown fields and a bad path name the field', async () => {
    const cases: [unknown, string][] = [
      [{ method: 'GET', path: '/api/v2/private/balance', idempotent: true }, 'idempotent'],
      [{ method: 'GET', path: '/api/v2/private/balance', timeout: 5 }, 'timeout'],
      [{ method: 'GET', path: '/api/v2/private/balance', bogus: 1 }, 'bogus'],
      [{ method: 'GET', path: 'no-slash' }, 'path'],
      [{ method: 'GET', path: '/x' }, 'permission'],
      [
        { method: 'GET', path: '/api/v2/private/balance', headers: { 'X-Signature': 'x' } },
        'headers.X-Signature',
      ],
    ];
    for (const [input, field] of cases) {
      const error = await thrown(() => read().authorize(input as never));
      expect(error, field).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).field).toBe(field);
    }
  });

  it('bad options name the option; a session scheme without send says to pass one', async () => {
    const provider = kiiex({ ...sandbox.kiiex.credentials.trader, baseURL: sandbox.kiiex.baseURL });
    expect(() => createAuthorizer(provider, { holdMs: -1 })).toThrow(/holdMs/);
    expect(() => createAuthorizer(provider, { send: 'fetch' as never })).toThrow(/send must be a function/);
    const error = await thrown(() =>
      createAuthorizer(provider).authorize({ method: 'POST', path: '/GetAccountPositions' }),
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).field).toBe('send');
  });

  it('a send that throws with the secret in its message: a TransportError, not-sent, the secret masked', async () => {
    const { apiSecret, apiKey } = sandbox.kiiex.addAccount({});
    const authorizer = createAuthorizer(
      kiiex({ apiKey, apiSecret, userId: '1', baseURL: sandbox.kiiex.baseURL }),
      {
        send: async (request) => {
          throw Object.assign(new Error(`proxy refused ${request.headers.Signature} for ${apiSecret}`), {
            code: 'ECONNREFUSED',
          });
        },
      },
    );
    const error = await thrown(() => authorizer.authorize({ method: 'POST', path: '/GetAccountPositions' }));
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ outcome: 'not-sent' });
    const printed = everythingPrintable(error);
    expect(printed).not.toContain(apiSecret);
    expect(error).toMatchObject({ networkCode: 'ECONNREFUSED' });
    expect((error as Error).message).toContain('ECONNREFUSED');
  });

  it('a client and an authorizer made from one provider share its session', async () => {
    const provider = kiiex({ ...sandbox.kiiex.addAccount({}), baseURL: sandbox.kiiex.baseURL });
    const before = sandbox.kiiex.stats().logins ?? 0;
    await createClient(provider, { retry: false }).authenticate();
    const request = await createAuthorizer(provider, { send: viaFetch }).authorize({
      method: 'POST',
      path: '/GetAccountPositions',
    });
    expect((await send(request)).status).toBe(200);
    expect((sandbox.kiiex.stats().logins ?? 0) - before).toBe(1);
  });
});
