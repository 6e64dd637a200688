import { describe, expect, it, onTestFinished } from 'vitest';
import { type BitexSandbox, startBitexSandbox } from '../../src/testing/bitex/index.js';
import { expectSameShape, fixture } from '../fixtures/shape.js';
import { TestClock } from '../support/clock.js';

// Each documented Bitex answer in test/fixtures/bitex/ (sources in its README.md: the reference's error bodies,
// bitex-sdk-ruby's recorded answers) against the sandbox's answer in the same situation: same field names, case
// and JSON types, nothing missing or extra. Requests go over plain HTTP with the headers the SDK sends, so
// neither the client nor its catalog schemas stand between the sandbox and the comparison.

async function exchange(): Promise<BitexSandbox> {
  const sandbox = await startBitexSandbox({ clock: new TestClock() });
  onTestFinished(() => sandbox.close());
  return sandbox;
}

interface Options {
  key?: string;
  body?: unknown;
  otp?: string;
}

/** One request as bitex-sdk-ruby sends it (JSON:API content type and accept, `Version: 2.1`), read whole. */
async function send(sandbox: BitexSandbox, method: string, path: string, options: Options = {}) {
  const headers: Record<string, string> = { Version: '2.1', Accept: 'application/vnd.api+json' };
  if (options.key !== undefined) headers.Authorization = options.key;
  if (options.otp !== undefined) headers['One-Time-Password'] = options.otp;
  const init: RequestInit = { method, headers };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/vnd.api+json';
    init.body = JSON.stringify(options.body);
  }
  const response = await fetch(`${sandbox.baseURL}${path}`, init);
  const text = await response.text();
  return { status: response.status, text, json: text ? (JSON.parse(text) as unknown) : undefined };
}

const documented = (name: string) => fixture(`bitex/${name}.json`);

const order = (type: 'bids' | 'asks', attributes: Record<string, unknown>) => ({
  data: { type, attributes },
});
/** A bid that rests on the book (below the market maker's asks) and one that crosses them and trades. */
const restingBid = order('bids', { orderbook_code: 'btc_usd', amount: 30, price: 100 });
const crossingBid = order('bids', { orderbook_code: 'btc_usd', amount: 100, price: 31_000 });
const restingAsk = order('asks', { orderbook_code: 'btc_usd', amount: 0.01, price: 90_000 });

describe("the reference's error bodies: the sandbox answers them in the same situations", () => {
  it('an unknown key: 401 {"error":"Invalid Api Key"}', async () => {
    const sandbox = await exchange();
    const answer = await send(sandbox, 'GET', '/users/me', { key: 'not-a-key-0123' });
    expect(answer.status).toBe(401);
    expectSameShape(answer.json, documented('invalid-api-key'));
    expect(answer.json).toEqual(documented('invalid-api-key'));
  });

  it('a key without the flag: 401 {"error":"Not enough permissions"}', async () => {
    const sandbox = await exchange();
    const key = sandbox.credentials.readOnly.apiKey;
    const answer = await send(sandbox, 'POST', '/bids', { key, body: restingBid });
    expect(answer.status).toBe(401);
    expectSameShape(answer.json, documented('not-enough-permissions'));
    expect(answer.json).toEqual(documented('not-enough-permissions'));
  });

  it('a refused order: 422 with JSON:API errors (status, title, detail, code, source.pointer)', async () => {
    const sandbox = await exchange();
    const key = sandbox.credentials.user.apiKey;
    const bad = order('bids', { orderbook_code: 'btc_usd', amount: -1, price: 100 });
    const answer = await send(sandbox, 'POST', '/bids', { key, body: bad });
    expect(answer.status).toBe(422);
    expectSameShape(answer.json, documented('validation-error'));
  });

  it('nothing there: 404 {"errors":[{"code":null,"detail":null}]}', async () => {
    const sandbox = await exchange();
    const answer = await send(sandbox, 'GET', '/nope', { key: sandbox.credentials.user.apiKey });
    expect(answer.status).toBe(404);
    expect(answer.json).toEqual(documented('not-found'));
  });
});

describe("bitex-sdk-ruby's recorded answers: the sandbox answers with the same shapes", () => {
  /** Situation → the request that puts the sandbox in it, the expected status, the fixture. */
  const cases: Array<[string, number, (sandbox: BitexSandbox) => ReturnType<typeof send>]> = [
    ['accounts', 200, (s) => send(s, 'GET', '/accounts', { key: s.credentials.user.apiKey })],
    ['users-me', 200, (s) => send(s, 'GET', '/users/me', { key: s.credentials.user.apiKey })],
    ['users-list', 200, (s) => send(s, 'GET', '/users', { key: s.credentials.master.apiKey })],
    [
      'users-create',
      201,
      (s) =>
        send(s, 'POST', '/users', {
          key: s.credentials.master.apiKey,
          body: {
            data: { type: 'users', attributes: { email: 'new@sandbox.invalid', password: 'password' } },
          },
        }),
    ],
    ['coin-wallets', 200, (s) => send(s, 'GET', '/coin_wallets', { key: s.credentials.user.apiKey })],
    ['cash-wallets', 200, (s) => send(s, 'GET', '/cash_wallets', { key: s.credentials.user.apiKey })],
    ['api-keys', 200, (s) => send(s, 'GET', '/api_keys', { key: s.credentials.user.apiKey })],
    [
      'bids-create',
      201,
      (s) => send(s, 'POST', '/bids', { key: s.credentials.user.apiKey, body: restingBid }),
    ],
    [
      'asks-create',
      201,
      (s) => send(s, 'POST', '/asks', { key: s.credentials.user.apiKey, body: restingAsk }),
    ],
    ['tickers-list', 200, (s) => send(s, 'GET', '/tickers')],
    ['tickers-get', 200, (s) => send(s, 'GET', '/tickers/btc_usd')],
    ['orderbooks', 200, (s) => send(s, 'GET', '/orderbooks')],
    ['markets-asks-bids', 200, (s) => send(s, 'GET', '/markets/btc_usd?include=asks,bids')],
    ['markets-all', 200, (s) => send(s, 'GET', '/markets/btc_usd')],
    ['transactions-list', 200, (s) => send(s, 'GET', '/transactions')],
    ['candles', 200, (s) => send(s, 'GET', '/candles')],
  ];
  for (const [name, status, situation] of cases) {
    it(name, async () => {
      const answer = await situation(await exchange());
      expect(answer.status).toBe(status);
      expectSameShape(answer.json, documented(name));
    });
  }

  it("bids-list, asks-list, orders-list: the user's resting orders", async () => {
    const sandbox = await exchange();
    const key = sandbox.credentials.user.apiKey;
    await send(sandbox, 'POST', '/bids', { key, body: restingBid });
    await send(sandbox, 'POST', '/asks', { key, body: restingAsk });
    for (const [name, path] of [
      ['bids-list', '/bids'],
      ['asks-list', '/asks'],
      ['orders-list', '/orders'],
    ] as const) {
      const answer = await send(sandbox, 'GET', path, { key });
      expect(answer.status, name).toBe(200);
      expectSameShape(answer.json, documented(name));
    }
  });

  it("trades-list and movements: after a bid that matched the market maker's asks", async () => {
    const sandbox = await exchange();
    const key = sandbox.credentials.user.apiKey;
    const placed = await send(sandbox, 'POST', '/bids', { key, body: crossingBid });
    expect((placed.json as { data: { attributes: { status: string } } }).data.attributes.status).toBe(
      'completed',
    );
    for (const [name, path] of [
      ['trades-list', '/trades'],
      ['movements', '/movements'],
    ] as const) {
      const answer = await send(sandbox, 'GET', path, { key });
      expect(answer.status, name).toBe(200);
      expectSameShape(answer.json, documented(name));
    }
  });

  it("coin-withdrawals-create and coin-withdrawals-list: the SDK's body, with the one-time password", async () => {
    const sandbox = await exchange();
    const key = sandbox.credentials.user.apiKey;
    const body = {
      data: {
        type: 'coin_withdrawals',
        attributes: {
          to_addresses: 'mk2jCye9XhXxVwfp9FyVMRwYDzQxscB5ev',
          label: 'api-test',
          amount: 0.001,
          coin_code: 'btc',
        },
      },
    };
    const otp = sandbox.otp(sandbox.users.user);
    const created = await send(sandbox, 'POST', '/coin_withdrawals', { key, body, otp });
    expect(created.status).toBe(201);
    expectSameShape(created.json, documented('coin-withdrawals-create'));
    const listed = await send(sandbox, 'GET', '/coin_withdrawals', { key });
    expectSameShape(listed.json, documented('coin-withdrawals-list'));
  });

  it("cash-withdrawals-create: the SDK's body, paid by a withdrawal instruction, which comes included", async () => {
    const sandbox = await exchange();
    const key = sandbox.credentials.user.apiKey;
    const body = { data: { type: 'cash_withdrawals', attributes: { amount: 150, fiat_code: 'ars' } } };
    const otp = sandbox.otp(sandbox.users.user);
    const created = await send(sandbox, 'POST', '/cash_withdrawals', { key, body, otp });
    expect(created.status).toBe(201);
    expectSameShape(created.json, documented('cash-withdrawals-create'));
  });

  it('bids.cancel: 204 with no body at all, as recorded (spec/fixtures/bids/cancel.yml)', async () => {
    const sandbox = await exchange();
    const key = sandbox.credentials.user.apiKey;
    const placed = await send(sandbox, 'POST', '/bids', { key, body: restingBid });
    const id = (placed.json as { data: { id: string } }).data.id;
    const cancelled = await send(sandbox, 'POST', `/bids/${id}/cancel`, { key, body: {} });
    expect(cancelled).toMatchObject({ status: 204, text: '' });
  });
});
