import { describe, expect, it, onTestFinished } from 'vitest';
import { bitex, createClient } from '../../src/index.js';
import { type BitexSandbox, startBitexSandbox } from '../../src/testing/bitex/index.js';
import { checked } from '../support/checked.js';
import { TestClock } from '../support/clock.js';

// What bitex-sdk-ruby sends for a POST with nothing to say (spec/fixtures/bids/cancel.yml, asks/cancel.yml):
//   body: "{}"   Content-Type: application/vnd.api+json   Accept: application/vnd.api+json   Version: 2.1
// The expectations below are those recorded bytes, compared with what the loopback exchange received.

const SDK_BODY = '{}';
const SDK_CONTENT_TYPE = 'application/vnd.api+json';

async function setup() {
  const sandbox: BitexSandbox = await startBitexSandbox({ clock: new TestClock() });
  onTestFinished(() => sandbox.close());
  const client = createClient(bitex({ ...sandbox.credentials.user, baseURL: sandbox.baseURL }), {
    rateLimit: false,
    clock: new TestClock(),
  });
  const bid = {
    data: { type: 'bids', attributes: { orderbook_code: 'btc_usd', amount: 30, price: 100 } },
  } as const;
  const ask = {
    data: { type: 'asks', attributes: { orderbook_code: 'btc_usd', amount: 0.01, price: 90_000 } },
  } as const;
  const placed = {
    bid: checked(await client.call('bids.create', { body: bid })).data.data.id,
    ask: checked(await client.call('asks.create', { body: ask })).data.data.id,
  };
  return { sandbox, client, placed, sent: () => sandbox.log.slice(2) };
}

/** The request as the exchange received it: the SDK's bytes and headers, nothing of a form. */
function expectAsTheSdkSends(request: BitexSandbox['log'][number] | undefined) {
  expect(request?.body).toBe(SDK_BODY);
  expect(request?.headers['content-type']).toBe(SDK_CONTENT_TYPE);
  expect(request?.headers['content-length']).toBe('2');
  expect(request?.headers.accept).toBe('application/vnd.api+json');
  expect(request?.headers.version).toBe('2.1');
}

describe('Bitex empty-body POSTs go out as the official SDK sends them', () => {
  it('bids.cancel: {} as application/vnd.api+json, and the exchange cancels (204)', async () => {
    const { sandbox, client, placed, sent } = await setup();
    const response = await client.call('bids.cancel', { params: { id: placed.bid } });
    expect(response.status).toBe(204);
    const [cancel] = sent();
    expect(cancel?.path).toBe(`/api/bids/${placed.bid}/cancel`);
    expectAsTheSdkSends(cancel);
    expect(sandbox.stats().executions['POST /api/bids/:id/cancel']).toBe(1);
    expect(sandbox.balances(sandbox.users.user).usd?.reserved).toBe('0');
  });

  it('asks.cancel and orders.cancelAll: the same bytes', async () => {
    const { sandbox, client, placed, sent } = await setup();
    await client.call('asks.cancel', { params: { id: placed.ask } });
    await client.call('orders.cancelAll');
    const [ask, all] = sent();
    expect(ask?.path).toBe(`/api/asks/${placed.ask}/cancel`);
    expect(all?.path).toBe('/api/orders/cancel');
    expectAsTheSdkSends(ask);
    expectAsTheSdkSends(all);
    expect(sandbox.stats().executions['POST /api/orders/cancel']).toBe(1);
    expect(sandbox.balances(sandbox.users.user).btc?.reserved).toBe('0');
  });

  it('any POST, PUT or PATCH without a body through client.request: {} as application/vnd.api+json', async () => {
    const { client, sent } = await setup();
    await client.request({ method: 'POST', path: '/orders/cancel' });
    for (const method of ['PUT', 'PATCH'] as const) {
      await client.request({ method, path: '/users/me', permission: 'read' }).catch(() => undefined);
    }
    const requests = sent();
    expect(requests.map((request) => request.method)).toEqual(['POST', 'PUT', 'PATCH']);
    for (const request of requests) expectAsTheSdkSends(request);
  });

  it('while a GET has no body and no Content-Type, and a body keeps its own bytes and type', async () => {
    const { client, sent } = await setup();
    await client.call('orders.list');
    const bid = {
      data: { type: 'bids', attributes: { orderbook_code: 'btc_usd', amount: 31, price: 100 } },
    } as const;
    await client.call('bids.create', { body: bid });
    const [list, create] = sent();
    expect(list?.body).toBe('');
    expect(list?.headers).not.toHaveProperty('content-type');
    expect(create?.body).toBe(JSON.stringify(bid));
    expect(create?.headers['content-type']).toBe('application/json');
  });
});
