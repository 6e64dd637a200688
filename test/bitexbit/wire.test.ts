import { describe, expect, it } from 'vitest';
import type { NonceSource } from '../../src/index.js';
import { checked } from '../support/checked.js';
import { TestClock } from '../support/clock.js';
import { bench, fast, hmac, ORDER, ROUTES, WITHDRAWAL } from './support.js';

// The published vectors of ../shared/reference/bitexbit.md: key ak_demo, secret sk_demo, nonce 1700000000000,
// gateway X-Timeout 1700000000500. The sandbox recomputes every signature itself as well.
const DEMO = { accessKey: 'ak_demo', privateKey: 'sk_demo' };
const VECTOR_NONCE = '1700000000000';
const VECTORS = {
  balance: '33cc487de2488db16d4b1034e48cea2f951b12169ac79dc358f6da4d2c0ce220',
  order: '78abc20e3948178c02e84124d754043a59c7bc7e77bd93d7a823a5a5f77ec13d',
  withdrawal: 'fcc6f50a361f0d531897b3c62357936f766073993584b5dd51edf4f67175124b',
};
/** The reference's order body, in its key order: the bytes signed are the bytes sent. */
const VECTOR_ORDER = { symbol: 'BTC_USD', price: '30000', amount: '0.001', type: 'buy-limit' } as const;
const vectorNonce: NonceSource = { next: () => VECTOR_NONCE };

describe('the published vectors, on the wire and accepted by an exchange that checks them', () => {
  it('v2 GET /api/v2/private/balance: X-Signature = HMAC(path + nonce)', async () => {
    const { sandbox, client } = await bench();
    const demo = sandbox.addKey({ ...DEMO, access: 'read' });
    const response = await client(demo, { nonceSource: vectorNonce }).call('balance.get');
    expect(response.status).toBe(200);
    const [sent] = sandbox.log;
    expect(sent?.headers['x-api-key']).toBe('ak_demo');
    expect(sent?.headers['x-nonce']).toBe(VECTOR_NONCE);
    expect(sent?.headers['x-signature']).toBe(VECTORS.balance);
  });

  it('v2 POST /api/v2/private/order/create: X-Signature = HMAC(path + nonce + body)', async () => {
    const { sandbox, client } = await bench();
    const demo = sandbox.addKey({ ...DEMO, access: 'trade' });
    const response = await client(demo, { nonceSource: vectorNonce }).call('orders.create', {
      body: VECTOR_ORDER,
    });
    expect(response.status).toBe(200);
    const [sent] = sandbox.log;
    expect(sent?.body).toBe(JSON.stringify(VECTOR_ORDER));
    expect(sent?.headers['x-signature']).toBe(VECTORS.order);
    expect(sandbox.executions(ROUTES.create)).toBe(1);
  });

  it('gateway POST /api/gateway/withdraw/create: X-Sign = HMAC(key + path + X-Timeout + body)', async () => {
    // X-Timeout is the client's clock + 500: 1700000000000 + 500, the vector's deadline.
    const { sandbox, client } = await bench({}, new TestClock({ start: 1_700_000_000_000 }));
    const demo = sandbox.addKey({ ...DEMO, access: 'withdraw' });
    const response = await client(demo).call('withdrawals.create', { body: WITHDRAWAL });
    expect(response.status).toBe(200);
    const [sent] = sandbox.log;
    expect(sent?.headers['x-key']).toBe('ak_demo');
    expect(sent?.headers['x-timeout']).toBe('1700000000500');
    expect(sent?.headers['x-sign']).toBe(VECTORS.withdrawal);
    expect(sandbox.executions(ROUTES.withdraw)).toBe(1);
  });
});

describe('what goes on the wire', () => {
  it('a v2 private GET carries X-API-Key, X-Nonce and the signature of path + nonce', async () => {
    const { sandbox, client } = await bench();
    const { trade } = sandbox.credentials;
    const response = await client(trade).call('balance.get');
    expect(response.status).toBe(200);
    const [sent] = sandbox.log;
    expect(sent?.path).toBe('/api/v2/private/balance');
    expect(sent?.headers['x-api-key']).toBe(trade.accessKey);
    expect(sent?.headers['x-nonce']).toMatch(/^[0-9]{13,}$/);
    expect(sent?.headers['x-signature']).toBe(
      hmac(trade.privateKey, `/api/v2/private/balance${sent?.headers['x-nonce']}`),
    );
    expect(sent?.body).toBe('');
    expect(sent?.headers).not.toHaveProperty('x-key');
  });

  it('a gateway call carries X-Key, X-Timeout = the client clock + 500 exactly, and no nonce', async () => {
    const { sandbox, client, clock } = await bench();
    const { withdraw } = sandbox.credentials;
    const deadline = clock.now() + 500;
    const response = await client(withdraw).call('withdrawals.create', {
      body: { ...WITHDRAWAL, client_order_id: 'w-1' },
    });
    expect(response.status).toBe(200);
    const [sent] = sandbox.log;
    expect(sent?.headers['x-timeout']).toBe(String(deadline));
    expect(sent?.headers['x-key']).toBe(withdraw.accessKey);
    const body = JSON.stringify({ ...WITHDRAWAL, client_order_id: 'w-1' });
    expect(sent?.body).toBe(body);
    expect(sent?.headers['x-sign']).toBe(
      hmac(withdraw.privateKey, `${withdraw.accessKey}/api/gateway/withdraw/create${deadline}${body}`),
    );
    expect(sent?.headers).not.toHaveProperty('x-nonce');
    expect(sent?.headers).not.toHaveProperty('x-api-key');
  });

  it('the deadline follows the clock: 2 seconds later, X-Timeout is 2 seconds later', async () => {
    const { sandbox, client, clock } = await bench();
    const reader = client(sandbox.credentials.withdraw);
    await reader.call('withdrawals.list');
    clock.set(clock.now() + 2_000);
    await reader.call('withdrawals.list');
    const [first, second] = sandbox.log.map((request) => Number(request.headers['x-timeout']));
    expect(second).toBe((first ?? 0) + 2_000);
    expect(second).toBe(clock.now() + 500);
  });

  it('a public call carries no credentials', async () => {
    const { sandbox, client } = await bench();
    const response = await client(sandbox.credentials.read).call('public.tickers');
    expect(Array.isArray(response.data)).toBe(true);
    const [sent] = sandbox.log;
    expect(Object.keys(sent?.headers ?? {}).filter((name) => name.startsWith('x-'))).toEqual([]);
  });

  it('an empty POST sends and signs {}', async () => {
    const { sandbox, client } = await bench();
    const trader = client(sandbox.credentials.trade);
    const created = checked(await trader.call('orders.create', { body: ORDER }));
    const id = created.data.order.id;
    await trader.call('orders.cancel', { params: { id } });
    const sent = sandbox.log[1];
    expect(sent?.body).toBe('{}');
    expect(sent?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(sent?.headers['x-signature']).toBe(
      hmac(
        sandbox.credentials.trade.privateKey,
        `/api/v2/private/order/${id}/cancel${sent?.headers['x-nonce']}{}`,
      ),
    );
    expect(sandbox.executions(ROUTES.cancel)).toBe(1);
  });

  it("Accept: application/json on every call; a body as application/json; charset=utf-8, as the docs' samples", async () => {
    const { sandbox, client } = await bench();
    const withdrawer = client(sandbox.credentials.withdraw);
    await withdrawer.call('public.pairs');
    await withdrawer.call('balance.get');
    const created = checked(await withdrawer.call('orders.create', { body: ORDER }));
    await withdrawer.call('orders.cancel', { params: { id: created.data.order.id } });
    await withdrawer.call('withdrawals.create', { body: WITHDRAWAL });
    await withdrawer.call('withdrawals.list');
    const seen = sandbox.log.map((request) => [
      `${request.method} ${request.path}`,
      request.headers.accept,
      request.headers['content-type'],
    ]);
    const sample = 'application/json; charset=utf-8';
    expect(seen).toEqual([
      ['GET /api/v2/public/pairs', 'application/json', undefined],
      ['GET /api/v2/private/balance', 'application/json', undefined],
      ['POST /api/v2/private/order/create', 'application/json', sample],
      [`POST /api/v2/private/order/${created.data.order.id}/cancel`, 'application/json', sample],
      ['POST /api/gateway/withdraw/create', 'application/json', sample],
      ['GET /api/gateway/withdraw/history', 'application/json', undefined],
    ]);
  });

  it('query strings are sent but not signed', async () => {
    const { sandbox, client } = await bench();
    const response = await client(sandbox.credentials.read).call('balance.get', {
      query: { symbols: 'BTC,USD' },
    });
    expect(response.data.map((holding) => holding.symbol)).toEqual(['BTC', 'USD']);
    const [sent] = sandbox.log;
    expect(sent?.url).toBe('/api/v2/private/balance?symbols=BTC%2CUSD');
    expect(sent?.headers['x-signature']).toBe(
      hmac(sandbox.credentials.read.privateKey, `/api/v2/private/balance${sent?.headers['x-nonce']}`),
    );
  });

  it('a base URL with a path prefix signs the path as sent, prefix included', async () => {
    const { sandbox, client } = await bench({ basePath: '/prefix' });
    const { withdraw } = sandbox.credentials;
    const reader = client(withdraw, {}, fast);
    const balance = await reader.call('balance.get');
    expect(balance.status).toBe(200);
    const history = await reader.call('withdrawals.list');
    expect(history.data.results).toEqual([]);
    const [v2, gateway] = sandbox.log;
    expect(v2?.path).toBe('/prefix/api/v2/private/balance');
    expect(v2?.headers['x-signature']).toBe(
      hmac(withdraw.privateKey, `/prefix/api/v2/private/balance${v2?.headers['x-nonce']}`),
    );
    expect(gateway?.path).toBe('/prefix/api/gateway/withdraw/history');
    expect(gateway?.headers['x-sign']).toBe(
      hmac(
        withdraw.privateKey,
        `${withdraw.accessKey}/prefix/api/gateway/withdraw/history${gateway?.headers['x-timeout']}`,
      ),
    );
    expect(sandbox.executions(ROUTES.balance)).toBe(1);
  });
});
