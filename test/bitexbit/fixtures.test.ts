import { describe, expect, it } from 'vitest';
import type { BitexbitSandbox, SandboxCredentials } from '../../src/testing/bitexbit/index.js';
import { emptyWhereDocumented, expectSameShape, fixture, shapeDifferences } from '../fixtures/shape.js';
import { bench, hmac } from './support.js';

// Each example answer of bitexbit's docs in test/fixtures/bitexbit/ (sources in its README.md:
// bitexbit/api-docs-v2 and bitexbit/api-docs-gateway) against the sandbox's answer in the same situation: same
// field names, case and JSON types, nothing missing or extra. Requests are signed here with node:crypto, as the
// docs' sample clients sign them, and sent over plain HTTP: neither the client nor its catalog schemas stand
// between the sandbox and the comparison. The docs show no body for 401, 403 or 429, so there is none to compare.

type Keys = SandboxCredentials;

/** Sends one request the way the docs' sample clients do; v2 or gateway signing by the path. */
function sender(sandbox: BitexbitSandbox) {
  let nonce = 1_800_000_000_000;
  return async (method: 'GET' | 'POST', target: string, keys?: Keys, body?: unknown) => {
    const path = target.split('?')[0] ?? target;
    const text = method === 'POST' ? JSON.stringify(body ?? {}) : '';
    const headers: Record<string, string> = {
      'Content-Type': 'application/json; charset=utf-8',
      Accept: 'application/json',
    };
    if (keys && path.startsWith('/api/gateway/')) {
      const timeout = String(sandbox.now() + 500);
      headers['X-Key'] = keys.accessKey;
      headers['X-Timeout'] = timeout;
      headers['X-Sign'] = hmac(keys.privateKey, `${keys.accessKey}${path}${timeout}${text}`);
    } else if (keys) {
      nonce += 1;
      headers['X-API-Key'] = keys.accessKey;
      headers['X-Nonce'] = String(nonce);
      headers['X-Signature'] = hmac(keys.privateKey, `${path}${nonce}${text}`);
    }
    const init: RequestInit = method === 'POST' ? { method, headers, body: text } : { method, headers };
    const response = await fetch(`${sandbox.baseURL}${target}`, init);
    return { status: response.status, json: (await response.json()) as unknown };
  };
}

const documented = (name: string) => fixture(`bitexbit/${name}.json`);

/** The docs' own order body (api-docs-v2 "Create Order"), resting below the market. */
const RESTING = { symbol: 'BTC_USD', type: 'buy-limit', price: '1000', amount: '0.0015' };
/** A buy above the sandbox market maker's best ask: it matches on placing. */
const CROSSING = { symbol: 'BTC_USD', type: 'buy-limit', price: '31000', amount: '0.001' };

describe('the shape check these tests rely on', () => {
  it('a tuple (primitives of several types) is compared position by position', () => {
    const candle = [[1477958400, '715.0', '720.2']];
    expect(shapeDifferences([[1, '2', '3']], candle)).toEqual([]);
    expect(shapeDifferences([['1', 2, '3']], candle)).toEqual([
      '$[0][0]: expected number, got string',
      '$[0][1]: expected string, got number',
    ]);
    expect(shapeDifferences([[1, '2']], candle)).toEqual(['$[0]: expected 3 elements, got 2']);
  });

  it('a list of several kinds (JSON:API included) matches each element with its kind', () => {
    const included = [
      { type: 'candles', attributes: { open: 1 } },
      { type: 'order_groups', attributes: { price: 1 } },
    ];
    expect(shapeDifferences([{ type: 'x', attributes: { price: 2 } }], included)).toEqual([]);
    expect(shapeDifferences([{ type: 'x', attributes: { price: '2' } }], included)).toEqual([
      '$[0].attributes.price: expected number, got string',
    ]);
  });

  it('an empty list where the fixture shows elements proves nothing, and fails', () => {
    expect(emptyWhereDocumented({ data: [] }, { data: [{ id: 1 }] })).toEqual([
      '$.data: expected elements, got none',
    ]);
    expect(() => expectSameShape({ data: [] }, { data: [{ id: 1 }] })).toThrow();
    expect(() => expectSameShape({ a: 1, b: 2 }, { a: 1 })).toThrow();
  });
});

describe('api-docs-v2 public examples: the sandbox answers with the same shapes', () => {
  const cases: Array<[string, string]> = [
    ['currencies', '/api/v2/public/currencies'],
    ['pairs', '/api/v2/public/pairs'],
    ['ohlcv', '/api/v2/public/ohlcv?symbol=BTC_USD&timeframe=60'],
    ['tickers', '/api/v2/public/tickers'],
    ['depth', '/api/v2/public/depth?symbol=BTC_USD'],
    ['public-trades', '/api/v2/public/trades?symbol=BTC_USD'],
  ];
  for (const [name, path] of cases) {
    it(name, async () => {
      const { sandbox } = await bench();
      const answer = await sender(sandbox)('GET', path);
      expect(answer.status).toBe(200);
      expectSameShape(answer.json, documented(name));
    });
  }

  it('public-orders: the book holds a resting order', async () => {
    const { sandbox } = await bench();
    const send = sender(sandbox);
    await send('POST', '/api/v2/private/order/create', sandbox.credentials.trade, RESTING);
    const answer = await send('GET', '/api/v2/public/orders?symbol=BTC_USD');
    expectSameShape(answer.json, documented('public-orders'));
  });
});

describe('api-docs-v2 private examples: the sandbox answers with the same shapes', () => {
  it('balance and trading-fees', async () => {
    const { sandbox } = await bench();
    const send = sender(sandbox);
    expectSameShape(
      (await send('GET', '/api/v2/private/balance', sandbox.credentials.read)).json,
      documented('balance'),
    );
    const fees = await send('GET', '/api/v2/private/trading-fees', sandbox.credentials.read);
    expectSameShape(fees.json, documented('trading-fees'));
  });

  it("order-create, then private-orders and order-cancel: the docs' order, resting", async () => {
    const { sandbox } = await bench();
    const send = sender(sandbox);
    const { trade } = sandbox.credentials;
    const created = await send('POST', '/api/v2/private/order/create', trade, RESTING);
    expect(created.status).toBe(200);
    expectSameShape(created.json, documented('order-create'));
    const listed = await send('GET', '/api/v2/private/orders', trade);
    expectSameShape(listed.json, documented('private-orders'));
    const id = (created.json as { order: { id: number } }).order.id;
    const cancelled = await send('POST', `/api/v2/private/order/${id}/cancel`, trade);
    expect(cancelled.status).toBe(200);
    expectSameShape(cancelled.json, documented('order-cancel'));
  });

  it('private-trades: after an order that matched on placing', async () => {
    const { sandbox } = await bench();
    const send = sender(sandbox);
    const created = await send('POST', '/api/v2/private/order/create', sandbox.credentials.trade, CROSSING);
    expect((created.json as { order: { state: string } }).order.state).toBe('filled');
    const trades = await send('GET', '/api/v2/private/trades', sandbox.credentials.read);
    expectSameShape(trades.json, documented('private-trades'));
  });
});

describe('api-docs-gateway examples: the sandbox answers with the same shapes', () => {
  it("withdraw-create and withdraw-history: the docs' own request body", async () => {
    const { sandbox } = await bench();
    const send = sender(sandbox);
    const { withdraw } = sandbox.credentials;
    // The body of "Withdraw Create", as printed (its address is a tron address; the sandbox checks none).
    const body = {
      ticker: 'USDT',
      network: 'tron',
      address: 'TR4d6N2HoC3Annqt2JK6HhQWuNARMNx5pW',
      payment_id: '',
      memo: '',
      comment: 'Call after success',
      destination_tag: '',
      amount: 22,
      client_order_id: 'order_123',
      fee_payer: 1,
      auto_buy_ticker: 'ETH',
      auto_buy_percent: 10,
    };
    const created = await send('POST', '/api/gateway/withdraw/create', withdraw, body);
    expect(created.status).toBe(200);
    expectSameShape(created.json, documented('withdraw-create'));
    // The example is the first page of several: `next` is a URL, `previous` null.
    await send('POST', '/api/gateway/withdraw/create', withdraw, { ...body, client_order_id: 'order_124' });
    const history = await send('GET', '/api/gateway/withdraw/history?limit=1', withdraw);
    expect(history.status).toBe(200);
    expectSameShape(history.json, documented('withdraw-history'));
  });
});
