import { describe, expect, it } from 'vitest';
import { bid, call, sandbox } from './bitex-support.js';

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
      attributes: { amount: 3, status: 'executing' },
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
