import { afterEach, describe, expect, it } from 'vitest';
import { ExchangeAuthError, ExchangeError, TransportError } from '../../src/index.js';
import { fixture } from '../fixtures/shape.js';
import { TestClock } from '../support/clock.js';
import { BITEX_WITHDRAWAL, bitexOrder } from '../support/documented.js';
import { thrown } from '../support/leaks.js';
import {
  bitexClient,
  closedPort,
  closeServers,
  SteppedClock,
  scriptedServer,
  scriptedServerOn,
} from './support.js';

// Generous retries everywhere: a request that is sent only once was not retried by rule, not for lack of them.
const policy = { retries: 3, minDelayMs: 100, maxDelayMs: 1_000, maxElapsedMs: 60_000 };
const ok = { status: 200, body: { data: [] } };
// Bitex's documented answer to a placed bid (bitex-sdk-ruby's recording).
const created = { status: 201, body: fixture('bitex/bids-create.json') };
const BID = bitexOrder();

afterEach(closeServers);

describe('an answered 4xx is final, for GET and HEAD alike', () => {
  it.each([400, 401, 403, 404, 422])('a GET answered %i reaches the server exactly once', async (status) => {
    const clock = new TestClock();
    const server = await scriptedServer({ status, body: { error: 'refused' } }, ok);
    const { client } = bitexClient(server.origin, { retry: policy, clock });

    const error = await thrown(() => client.call('orders.list'));

    expect(error).toBeInstanceOf(ExchangeAuthError);
    expect((error as ExchangeAuthError).status).toBe(status);
    expect(server.log).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it.each([400, 401, 403, 404, 422])('a HEAD answered %i reaches the server exactly once', async (status) => {
    const clock = new TestClock();
    const server = await scriptedServer({ status }, { status: 200 });
    const { client } = bitexClient(server.origin, { retry: policy, clock });

    const error = await thrown(() => client.request({ method: 'HEAD', path: '/orders', permission: 'read' }));

    expect(error).toBeInstanceOf(ExchangeAuthError);
    expect((error as ExchangeAuthError).status).toBe(status);
    expect(server.log).toHaveLength(1);
    expect(server.log[0]?.method).toBe('HEAD');
    expect(clock.sleeps).toEqual([]);
  });

  it.each([500, 502, 503, 504])('whereas a GET answered %i is sent again', async (status) => {
    const clock = new TestClock();
    const server = await scriptedServer({ status, body: { error: 'down' } }, ok);
    const { client } = bitexClient(server.origin, { retry: policy, clock });

    expect((await client.call('orders.list')).status).toBe(200);
    expect(server.log).toHaveLength(2);
    expect(clock.sleeps).toEqual([75]);
  });

  it('and so is a HEAD answered 503', async () => {
    const clock = new TestClock();
    const server = await scriptedServer({ status: 503 }, { status: 200 });
    const { client } = bitexClient(server.origin, { retry: policy, clock });

    const response = await client.request({ method: 'HEAD', path: '/orders', permission: 'read' });

    expect(response.status).toBe(200);
    expect(server.log.map((request) => request.method)).toEqual(['HEAD', 'HEAD']);
  });
});

describe('a POST whose outcome is unknown is never sent again', () => {
  it('connection reset after the server read the request: TransportError, outcome unknown, sent once', async () => {
    const clock = new TestClock();
    const server = await scriptedServer(created, created);
    server.dropNext({ execute: false });
    const { client } = bitexClient(server.origin, { retry: policy, clock });

    const error = await thrown(() => client.call('bids.create', { body: BID }));

    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).outcome).toBe('unknown');
    expect((error as TransportError).networkCode).toBe('ECONNRESET');
    expect(server.log).toHaveLength(1);
    expect(server.log[0]?.method).toBe('POST');
    expect(server.log[0]?.body).toBe(JSON.stringify(BID));
    expect(clock.sleeps).toEqual([]);
  });

  it.each([500, 503])('answered %i: ExchangeError, sent once', async (status) => {
    const clock = new TestClock();
    const server = await scriptedServer({ status, body: { error: 'oops' } }, created);
    const { client } = bitexClient(server.origin, { retry: policy, clock });

    const error = await thrown(() => client.call('coinWithdrawals.create', { body: BITEX_WITHDRAWAL }));

    expect(error).toBeInstanceOf(ExchangeError);
    expect((error as ExchangeError).status).toBe(status);
    expect(server.log).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('whereas an idempotent GET whose connection was reset is sent again', async () => {
    const clock = new TestClock();
    const server = await scriptedServer(ok);
    server.dropNext({ execute: false });
    const { client } = bitexClient(server.origin, { retry: policy, clock });

    expect((await client.call('orders.list')).status).toBe(200);
    expect(server.log).toHaveLength(2);
    expect(clock.sleeps).toEqual([75]);
  });

  it('and so is an idempotent POST (a cancel) whose connection was reset', async () => {
    const clock = new TestClock();
    // Bitex answers a cancel 204, with no body.
    const server = await scriptedServer({ status: 204 });
    server.dropNext({ execute: false });
    const { client } = bitexClient(server.origin, { retry: policy, clock });

    expect((await client.call('bids.cancel', { params: { id: 7 } })).status).toBe(204);
    expect(server.log.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /api/bids/7/cancel',
      'POST /api/bids/7/cancel',
    ]);
  });
});

describe('a POST that was never sent may be tried again', () => {
  it('ECONNREFUSED on a closed port is outcome not-sent, and every retry is attempted', async () => {
    const clock = new TestClock();
    const port = await closedPort();
    const { client, counter } = bitexClient(`http://127.0.0.1:${port}`, {
      retry: { ...policy, retries: 2 },
      clock,
    });

    const error = await thrown(() => client.call('bids.create', { body: BID }));

    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).outcome).toBe('not-sent');
    expect((error as TransportError).networkCode).toBe('ECONNREFUSED');
    // The first attempt and two retries, each signed and each preceded by its backoff.
    expect(counter.authorizations).toBe(3);
    expect(clock.sleeps).toEqual([75, 150]);
  });

  it('the retry reaches a server that came up during the backoff, which sees the POST once', async () => {
    const clock = new SteppedClock({ auto: false });
    const port = await closedPort();
    const { client } = bitexClient(`http://127.0.0.1:${port}`, { retry: policy, clock });

    const backingOff = clock.nextSleep();
    const answer = client.call('bids.create', { body: BID });
    await backingOff;
    expect(clock.sleeps).toEqual([75]);
    const server = await scriptedServerOn(port, created);
    await clock.advance(75);

    expect((await answer).status).toBe(201);
    expect(server.log).toHaveLength(1);
    expect(server.log[0]?.body).toBe(JSON.stringify(BID));
  });
});
