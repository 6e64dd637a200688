import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type BitexSandbox, startBitexSandbox } from '../src/testing/bitex/index.js';
import { totp, verifyTotp } from '../src/testing/totp.js';

const open: BitexSandbox[] = [];

async function sandbox(options: { rateLimit?: boolean } = {}): Promise<BitexSandbox> {
  const started = await startBitexSandbox(options);
  open.push(started);
  return started;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((started) => started.close()));
});

interface CallOptions {
  key?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** One request with the headers the Bitex provider sends; the answer read whole. */
async function call(exchange: BitexSandbox, method: string, path: string, options: CallOptions = {}) {
  const headers: Record<string, string> = { Version: '2.1', Accept: 'application/vnd.api+json' };
  if (options.key !== undefined) headers.Authorization = options.key;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  Object.assign(headers, options.headers);
  for (const [name, value] of Object.entries(headers)) if (value === '') delete headers[name];
  const init: RequestInit = { method, headers };
  if (options.body !== undefined) {
    init.body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  const response = await fetch(`${exchange.baseURL}${path}`, init);
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: text ? JSON.parse(text) : undefined,
  };
}

const coinWithdrawal = (amount: string) => ({
  data: {
    type: 'coin_withdrawals',
    attributes: {
      amount,
      currency: 'btc',
      to_addresses: 'mszEUK9E6E7n4SNcrjYH8Fr7ZTGP9n3dRb',
      label: 'cold',
    },
  },
});

const bid = (attributes: Record<string, unknown>) => ({ data: { type: 'bids', attributes } });

describe('TOTP (RFC 6238, HMAC-SHA1)', () => {
  const secret = '12345678901234567890';

  it('matches the RFC 6238 SHA1 test vectors', () => {
    expect(totp(secret, 59_000, { digits: 8 })).toBe('94287082');
    expect(totp(secret, 59_000)).toBe('287082');
    expect(totp(secret, 1_111_111_109_000, { digits: 8 })).toBe('07081804');
    expect(totp(secret, 1_111_111_111_000, { digits: 8 })).toBe('14050471');
    expect(totp(secret, 1_234_567_890_000, { digits: 8 })).toBe('89005924');
    expect(totp(secret, 2_000_000_000_000, { digits: 8 })).toBe('69279037');
    expect(totp(secret, 20_000_000_000_000, { digits: 8 })).toBe('65353130');
    expect(totp(Buffer.from(secret), 59_000)).toBe('287082');
  });

  it('verifies one step either side and no further', () => {
    const code = totp(secret, 59_000);
    expect(verifyTotp(secret, code, 59_000)).toBe(true);
    expect(verifyTotp(secret, code, 59_000 + 30_000)).toBe(true);
    expect(verifyTotp(secret, code, 59_000 - 30_000)).toBe(true);
    expect(verifyTotp(secret, code, 59_000 + 60_000)).toBe(false);
    expect(verifyTotp(secret, '000000', 59_000)).toBe(false);
    expect(verifyTotp(secret, totp(secret, 0), 10_000)).toBe(true);
    expect(() => totp(secret, -1)).toThrow(RangeError);
  });
});

describe('Bitex sandbox: public market data', () => {
  it('answers without a key, in JSON:API shape', async () => {
    const exchange = await sandbox();
    const tickers = await call(exchange, 'GET', '/tickers');
    expect(tickers.status).toBe(200);
    expect(tickers.json.data.map((ticker: { id: string }) => ticker.id)).toContain('btc_usd');

    const ticker = await call(exchange, 'GET', '/tickers/btc_ars');
    expect(ticker.json.data).toMatchObject({ id: 'btc_ars', type: 'tickers' });
    expect(Number(ticker.json.data.attributes.ask)).toBeGreaterThan(Number(ticker.json.data.attributes.bid));

    const market = await call(exchange, 'GET', '/markets/btc_usd?include=asks,bids');
    expect(market.json.data).toMatchObject({ id: 'btc_usd', type: 'markets' });
    expect(market.json.data.relationships.asks.data.length).toBeGreaterThan(0);
    expect(market.json.included[0]).toMatchObject({ type: 'order_groups' });

    for (const path of ['/orderbooks', '/transactions', '/candles', '/transactions?orderbook_code=bch_usd']) {
      const answer = await call(exchange, 'GET', path);
      expect(answer.status, path).toBe(200);
      expect(Array.isArray(answer.json.data), path).toBe(true);
    }
    expect((await call(exchange, 'GET', '/tickers/doge_usd')).status).toBe(404);
  });

  it('logs every request with its raw headers under lower-case names', async () => {
    const exchange = await sandbox();
    await call(exchange, 'GET', '/tickers?x=1', { key: 'abc' });
    expect(exchange.log).toHaveLength(1);
    expect(exchange.log[0]).toMatchObject({
      method: 'GET',
      path: '/api/tickers',
      query: { x: '1' },
      body: '',
      headers: { version: '2.1', authorization: 'abc' },
    });
    expect(exchange.stats()).toEqual({ requests: 1, executions: { 'GET /api/tickers': 1 } });
  });
});

describe('Bitex sandbox: keys and permissions', () => {
  it('answers a wrong, missing or malformed key with exactly {"error":"Invalid Api Key"}', async () => {
    const exchange = await sandbox();
    const key = exchange.credentials.user.apiKey;
    for (const header of [
      'wrong-key',
      '',
      `${key};user=600`,
      `${key}; user=`,
      `Bearer ${key}`,
      `${key}; user=6 0`,
    ]) {
      const answer = await call(exchange, 'GET', '/users/me', { key: header });
      expect(answer.status, header).toBe(401);
      expect(answer.text, header).toBe('{"error":"Invalid Api Key"}');
    }
    expect(exchange.stats().executions).toEqual({});
  });

  it('serves the key owner with the right flags', async () => {
    const exchange = await sandbox();
    const me = await call(exchange, 'GET', '/users/me', { key: exchange.credentials.user.apiKey });
    expect(me.status).toBe(200);
    expect(me.json.data).toMatchObject({ id: String(exchange.users.user), type: 'users' });
    const wallets = await call(exchange, 'GET', '/coin_wallets', {
      key: exchange.credentials.readOnly.apiKey,
    });
    expect(wallets.status).toBe(200);
    expect(
      wallets.json.data.find((w: { attributes: { currency: string } }) => w.attributes.currency === 'btc'),
    ).toMatchObject({ type: 'coin_wallets', attributes: { balance: '2', available: '2' } });
  });

  it('answers a key lacking the flag with exactly {"error":"Not enough permissions"}', async () => {
    const exchange = await sandbox();
    const readOnly = exchange.credentials.readOnly.apiKey;
    const refused = [
      ['POST', '/bids', bid({ orderbook_code: 'btc_usd', amount: 3, price: 150 })],
      ['GET', '/orders', undefined],
      ['POST', '/coin_withdrawals', coinWithdrawal('0.1')],
      ['GET', '/api_keys', undefined],
    ] as const;
    for (const [method, path, body] of refused) {
      const answer = await call(exchange, method, path, { key: readOnly, ...(body ? { body } : {}) });
      expect(answer.status, path).toBe(401);
      expect(answer.text, path).toBe('{"error":"Not enough permissions"}');
    }
    expect((await call(exchange, 'GET', '/coin_withdrawals', { key: readOnly })).status).toBe(200);
    const users = await call(exchange, 'GET', '/users', { key: exchange.credentials.user.apiKey });
    expect(users.text).toBe('{"error":"Not enough permissions"}');
    expect(exchange.balances(exchange.users.user).usd).toEqual({
      available: '10000',
      reserved: '0',
      total: '10000',
    });
  });

  it('lets a master act for the users it manages, and only for them', async () => {
    const exchange = await sandbox();
    const { master, user } = exchange.credentials;
    const as = async (key: string, id: number) =>
      call(exchange, 'GET', '/users/me', { key: `${key}; user=${id}` });

    expect((await as(master.apiKey, exchange.users.managed)).json.data.id).toBe(
      String(exchange.users.managed),
    );
    expect((await as(master.apiKey, exchange.users.master)).json.data.id).toBe(String(exchange.users.master));
    for (const answer of [
      await as(master.apiKey, exchange.users.user),
      await as(master.apiKey, 999_999),
      await as(user.apiKey, exchange.users.user),
      await as(user.apiKey, exchange.users.managed),
    ]) {
      expect(answer.status).toBe(401);
      expect(answer.text).toBe('{"error":"Not enough permissions"}');
    }

    const listed = await call(exchange, 'GET', '/users', { key: master.apiKey });
    expect(listed.json.data.map((u: { id: string }) => u.id).sort()).toEqual(['500', '600']);

    const created = await call(exchange, 'POST', '/users', {
      key: master.apiKey,
      headers: { 'Content-Type': 'application/vnd.api+json' },
      body: { data: { type: 'users', attributes: { email: 'new@example.com' } } },
    });
    expect(created.status).toBe(201);
    expect(created.json.data).toMatchObject({ type: 'users', attributes: { email: 'new@example.com' } });
    const wallets = await call(exchange, 'GET', '/cash_wallets', {
      key: `${master.apiKey}; user=${created.json.data.id}`,
    });
    expect(wallets.status).toBe(200);

    const direct = exchange.createManagedUser();
    expect((await as(master.apiKey, direct)).json.data.id).toBe(String(direct));
  });

  it('insists on Version: 2.1', async () => {
    const exchange = await sandbox();
    const body = '{"error":"This sandbox serves API version 2.1 only: send the header Version: 2.1"}';
    for (const version of ['', '2.0']) {
      const answer = await call(exchange, 'GET', '/tickers', { headers: { Version: version } });
      expect(answer.status).toBe(400);
      expect(answer.text).toBe(body);
    }
    const keyed = await call(exchange, 'GET', '/users/me', {
      key: exchange.credentials.user.apiKey,
      headers: { Version: '' },
    });
    expect(keyed.text).toBe(body);
  });
});

describe('Bitex sandbox: withdrawals behind a one-time password', () => {
  it('refuses a missing or wrong code and lowers the balance exactly once with the right one', async () => {
    const exchange = await sandbox();
    const { apiKey, otp } = exchange.credentials.user;
    const missing = await call(exchange, 'POST', '/coin_withdrawals', {
      key: apiKey,
      body: coinWithdrawal('0.5'),
    });
    expect(missing.status).toBe(401);
    expect(missing.text).toBe('{"error":"Invalid One-Time-Password"}');
    const code = await otp();
    const wrong = await call(exchange, 'POST', '/coin_withdrawals', {
      key: apiKey,
      body: coinWithdrawal('0.5'),
      headers: { 'One-Time-Password': code === '000000' ? '111111' : '000000' },
    });
    expect(wrong.text).toBe('{"error":"Invalid One-Time-Password"}');
    expect(exchange.balances(exchange.users.user).btc?.available).toBe('2');

    const done = await call(exchange, 'POST', '/coin_withdrawals', {
      key: apiKey,
      body: coinWithdrawal('0.5'),
      headers: { 'One-Time-Password': code },
    });
    expect(done.status).toBe(201);
    expect(done.json.data).toMatchObject({
      type: 'coin_withdrawals',
      attributes: { amount: '0.5', currency: 'btc', status: 'received' },
    });
    expect(exchange.balances(exchange.users.user).btc).toEqual({
      available: '1.5',
      reserved: '0',
      total: '1.5',
    });
    expect(exchange.stats().executions['POST /api/coin_withdrawals']).toBe(1);

    const listed = await call(exchange, 'GET', '/coin_withdrawals', { key: apiKey });
    expect(listed.json.data).toHaveLength(1);
  });

  it("accepts the previous window's code and refuses a code from a skewed clock", async () => {
    const exchange = await sandbox();
    const { apiKey } = exchange.credentials.user;
    const headers = { 'One-Time-Password': exchange.otp(exchange.users.user, Date.now() - 30_000) };
    const cash = { data: { type: 'cash_withdrawals', attributes: { amount: 100, currency: 'usd' } } };
    expect(
      (await call(exchange, 'POST', '/cash_withdrawals', { key: apiKey, body: cash, headers })).status,
    ).toBe(201);

    exchange.shiftClock(10 * 60_000);
    const skewed = { 'One-Time-Password': await exchange.credentials.user.otp() };
    const refused = await call(exchange, 'POST', '/cash_withdrawals', {
      key: apiKey,
      body: cash,
      headers: skewed,
    });
    expect(refused.status).toBe(401);
    expect(exchange.balances(exchange.users.user).usd?.available).toBe('9900');
  });

  it("takes the master's own code when it withdraws for a managed user", async () => {
    const exchange = await sandbox();
    const { master } = exchange.credentials;
    const answer = await call(exchange, 'POST', '/coin_withdrawals', {
      key: `${master.apiKey}; user=${exchange.users.managed}`,
      body: coinWithdrawal('0.2'),
      headers: { 'One-Time-Password': await master.otp() },
    });
    expect(answer.status).toBe(201);
    expect(exchange.balances(exchange.users.managed).btc?.available).toBe('0.3');
    expect(exchange.balances(exchange.users.master).btc?.available).toBe('1');
  });

  it('refuses more than the balance with a 422 and moves nothing', async () => {
    const exchange = await sandbox();
    const { apiKey, otp } = exchange.credentials.user;
    const answer = await call(exchange, 'POST', '/coin_withdrawals', {
      key: apiKey,
      body: coinWithdrawal('2.00000001'),
      headers: { 'One-Time-Password': await otp() },
    });
    expect(answer.status).toBe(422);
    expect(answer.json.errors[0]).toMatchObject({ status: 422, code: 'insufficient_funds' });
    expect(exchange.balances(exchange.users.user).btc?.available).toBe('2');
    expect(exchange.stats().executions).toEqual({});
  });
});

describe('Bitex sandbox: orders', () => {
  it('answers invalid orders with 422 in JSON:API errors shape', async () => {
    const exchange = await sandbox();
    const key = exchange.credentials.user.apiKey;
    const cases = [
      [{ orderbook_code: 'doge_usd', amount: 3, price: 150 }, '/data/attributes/orderbook_code'],
      [{ orderbook_code: 'btc_usd', amount: -3, price: 150 }, '/data/attributes/amount'],
      [{ orderbook_code: 'btc_usd', amount: 3, price: 0 }, '/data/attributes/price'],
      [{ orderbook_code: 'btc_usd', amount: 10_001, price: 150 }, '/data/attributes/amount'],
    ] as const;
    for (const [attributes, pointer] of cases) {
      const answer = await call(exchange, 'POST', '/bids', { key, body: bid(attributes) });
      expect(answer.status, pointer).toBe(422);
      expect(answer.json).toEqual({
        errors: [
          {
            status: 422,
            title: expect.any(String),
            detail: expect.any(String),
            code: expect.any(String),
            source: { pointer },
          },
        ],
      });
    }
    expect(exchange.balances(exchange.users.user).usd?.available).toBe('10000');
  });

  it('reserves quote currency for a bid and base coin for an ask, and cancels with 204', async () => {
    const exchange = await sandbox();
    const key = exchange.credentials.user.apiKey;
    const placed = await call(exchange, 'POST', '/bids', {
      key,
      body: bid({ orderbook_code: 'btc_usd', amount: 3, price: 150 }),
    });
    expect(placed.status).toBe(201);
    expect(placed.json.data).toMatchObject({
      type: 'bids',
      attributes: { amount: '3', status: 'executing' },
    });
    expect(exchange.balances(exchange.users.user).usd).toEqual({
      available: '9997',
      reserved: '3',
      total: '10000',
    });

    const ask = await call(exchange, 'POST', '/asks', {
      key,
      body: {
        data: { type: 'asks', attributes: { orderbook_code: 'btc_usd', amount: '0.25', price: '90000' } },
      },
    });
    expect(ask.status).toBe(201);
    expect(exchange.balances(exchange.users.user).btc).toEqual({
      available: '1.75',
      reserved: '0.25',
      total: '2',
    });
    expect((await call(exchange, 'GET', '/orders', { key })).json.data).toHaveLength(2);

    const cancelled = await call(exchange, 'POST', `/bids/${placed.json.data.id}/cancel`, { key });
    expect(cancelled.status).toBe(204);
    expect(cancelled.text).toBe('');
    expect(exchange.balances(exchange.users.user).usd?.reserved).toBe('0');
    expect((await call(exchange, 'POST', '/orders/cancel', { key })).status).toBe(204);
    expect(exchange.balances(exchange.users.user).btc?.reserved).toBe('0');
    expect((await call(exchange, 'GET', '/orders', { key })).json.data).toHaveLength(0);
  });

  it('matches a crossing bid against the resting asks', async () => {
    const exchange = await sandbox();
    const key = exchange.credentials.user.apiKey;
    const before = Number(exchange.balances(exchange.users.user).btc?.available);
    const placed = await call(exchange, 'POST', '/bids', {
      key,
      body: bid({ orderbook_code: 'btc_usd', amount: 3000, price: 40000 }),
    });
    expect(placed.json.data.attributes.status).toBe('completed');
    const trades = await call(exchange, 'GET', '/trades', { key });
    expect(trades.json.data[0]).toMatchObject({ type: 'buys', attributes: { orderbook_code: 'btc_usd' } });
    expect(Number(exchange.balances(exchange.users.user).btc?.available)).toBeGreaterThan(before);
    expect(exchange.balances(exchange.users.user).usd?.reserved).toBe('0');
  });

  it('accepts application/vnd.api+json bodies and refuses other media types', async () => {
    const exchange = await sandbox();
    const key = exchange.credentials.user.apiKey;
    const body = bid({ orderbook_code: 'btc_usd', amount: 3, price: 150 });
    const jsonApi = { 'Content-Type': 'application/vnd.api+json' };
    expect((await call(exchange, 'POST', '/bids', { key, body, headers: jsonApi })).status).toBe(201);
    const text = { 'Content-Type': 'text/plain' };
    expect((await call(exchange, 'POST', '/bids', { key, body, headers: text })).status).toBe(415);
  });
});

describe('Bitex sandbox: not found and rate limit', () => {
  it('answers an unknown private route with exactly {"errors":[{"code":null,"detail":null}]}', async () => {
    const exchange = await sandbox();
    const key = exchange.credentials.user.apiKey;
    for (const [method, path] of [
      ['GET', '/nope'],
      ['DELETE', '/bids'],
      ['POST', '/bids/123456/cancel'],
    ] as const) {
      const answer = await call(exchange, method, path, { key });
      expect(answer.status, path).toBe(404);
      expect(answer.text, path).toBe('{"errors":[{"code":null,"detail":null}]}');
    }
    expect((await call(exchange, 'GET', '/nope')).text).toBe('{"error":"Invalid Api Key"}');
  });

  it('answers the sixth request within a second with 429 and Retry-After: 1', async () => {
    const exchange = await sandbox({ rateLimit: true });
    const key = exchange.credentials.user.apiKey;
    for (let i = 0; i < 5; i += 1)
      expect((await call(exchange, 'GET', '/users/me', { key })).status).toBe(200);
    const limited = await call(exchange, 'GET', '/users/me', { key });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.text).toBe('{"error":"Too many requests"}');

    const other = await call(exchange, 'GET', '/users/me', { key: exchange.credentials.master.apiKey });
    expect(other.status).toBe(200);
    exchange.shiftClock(1000);
    expect((await call(exchange, 'GET', '/users/me', { key })).status).toBe(200);
  });

  it('does not limit without rateLimit', async () => {
    const exchange = await sandbox();
    const key = exchange.credentials.user.apiKey;
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => call(exchange, 'GET', '/users/me', { key })),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(200));
  });
});

describe('Bitex sandbox: fault controls', () => {
  it('dropNext executes the request, then the client sees a socket error', async () => {
    const exchange = await sandbox();
    const { apiKey, otp } = exchange.credentials.user;
    exchange.dropNext();
    const attempt = call(exchange, 'POST', '/coin_withdrawals', {
      key: apiKey,
      body: coinWithdrawal('0.5'),
      headers: { 'One-Time-Password': await otp() },
    });
    await expect(attempt).rejects.toThrow(TypeError);
    expect(exchange.stats().executions['POST /api/coin_withdrawals']).toBe(1);
    expect(exchange.balances(exchange.users.user).btc?.available).toBe('1.5');
    expect(exchange.log).toHaveLength(1);

    expect((await call(exchange, 'GET', '/users/me', { key: apiKey })).status).toBe(200);
  });

  it('dropNext({ execute: false }) drops the request without running it', async () => {
    const exchange = await sandbox();
    const { apiKey, otp } = exchange.credentials.user;
    exchange.dropNext({ execute: false });
    const attempt = call(exchange, 'POST', '/coin_withdrawals', {
      key: apiKey,
      body: coinWithdrawal('0.5'),
      headers: { 'One-Time-Password': await otp() },
    });
    await expect(attempt).rejects.toThrow(TypeError);
    expect(exchange.stats().executions).toEqual({});
    expect(exchange.balances(exchange.users.user).btc?.available).toBe('2');
  });

  it('failNext answers the next requests with the status and Retry-After, without running them', async () => {
    const exchange = await sandbox();
    const key = exchange.credentials.user.apiKey;
    exchange.failNext(2, { status: 503, retryAfterSeconds: 7 });
    for (let i = 0; i < 2; i += 1) {
      const failed = await call(exchange, 'GET', '/users/me', { key });
      expect(failed.status).toBe(503);
      expect(failed.headers.get('retry-after')).toBe('7');
    }
    expect((await call(exchange, 'GET', '/users/me', { key })).status).toBe(200);
    expect(exchange.stats()).toEqual({ requests: 3, executions: { 'GET /api/users/me': 1 } });

    exchange.failNext(1, { status: 429 });
    const limited = await call(exchange, 'GET', '/tickers');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeNull();
  });

  it('addLatency delays answers', async () => {
    const exchange = await sandbox();
    exchange.addLatency(150);
    const started = Date.now();
    expect((await call(exchange, 'GET', '/tickers')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('close frees the port, idle keep-alive connections included', async () => {
    const exchange = await sandbox();
    expect((await call(exchange, 'GET', '/tickers')).status).toBe(200);
    const port = Number(new URL(exchange.baseURL).port);
    await exchange.close();
    await expect(fetch(`${exchange.baseURL}/tickers`)).rejects.toThrow(TypeError);
    const reuse = createServer();
    await new Promise<void>((resolve, reject) => {
      reuse.once('error', reject);
      reuse.listen(port, '127.0.0.1', () => resolve());
    });
    await new Promise<void>((resolve) => reuse.close(() => resolve()));
  });
});
