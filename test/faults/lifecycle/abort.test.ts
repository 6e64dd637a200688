import { createServer } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import {
  bitex,
  bitexbit,
  createClient,
  ExchangeAuthError,
  ExchangeError,
  kiiex,
  TransportError,
} from '../../../src/index.js';
import {
  startAlphaPointSandbox,
  startBitexbitSandbox,
  startBitexSandbox,
} from '../../../src/testing/index.js';
import { TestClock } from '../../support/clock.js';
import { AP_ORDER } from '../../support/documented.js';
import { startFront } from '../shared/front.js';
import { rejection, turns, turnsUntil, type Watched, watch } from '../shared/waits.js';

// Each wait is aborted on a manual clock with nothing released or advanced: the call must settle at once, as a
// library error, and what it was waiting to send must never reach the exchange afterwards.

const BID = {
  data: { type: 'bids', attributes: { orderbook_code: 'btc_usd', amount: '0.01', price: '100' } },
} as const;
const ORDER = { symbol: 'BTC_USD', type: 'buy-limit', price: '100', amount: '0.01' } as const;

/** What each aborted wait left behind: the category's zero. */
const tally: { wait: string; rawDomException: boolean; sentAfterAbort: number }[] = [];

/** Aborts, then checks the call settled before anything was released or advanced. */
async function abortNow(controller: AbortController, call: Watched<unknown>): Promise<unknown> {
  expect(call.settled).toBe(false);
  controller.abort();
  await turns(2);
  expect(call.settled).toBe(true);
  const error = await rejection(call.promise);
  expect(error).toBeInstanceOf(ExchangeAuthError);
  expect(error).not.toBeInstanceOf(DOMException);
  return error;
}

function expectNotSent(error: unknown): void {
  expect(error).toBeInstanceOf(TransportError);
  expect(error).toMatchObject({ outcome: 'not-sent', networkCode: 'ERR_CANCELED' });
}

describe('an abort during a wait settles at once, as a library error', () => {
  it('the rate-limit wait (Bitex, 1 per second): TransportError not-sent; the bid never reaches the exchange', async () => {
    const clock = new TestClock({ auto: false });
    const exchange = await startBitexSandbox();
    onTestFinished(() => exchange.close());
    const client = createClient(bitex({ ...exchange.credentials.user, baseURL: exchange.baseURL }), {
      rateLimit: 1,
      retry: false,
      clock,
    });
    await client.call('bids.list');
    const controller = new AbortController();
    const bid = watch(client.call('bids.create', { body: BID, signal: controller.signal }));
    await turnsUntil(() => clock.waiting === 1);

    const error = await abortNow(controller, bid);
    expectNotSent(error);
    await clock.advance(5_000);
    await turns(20);
    const sent = exchange.log.filter((entry) => entry.method === 'POST').length;
    expect(sent).toBe(0);
    tally.push({ wait: 'rate limit', rawDomException: error instanceof DOMException, sentAfterAbort: sent });
  });

  it('the per-key queue (bitexbit, behind a held order): TransportError not-sent; executed 1×, not 2×', async () => {
    const clock = new TestClock({ auto: false, start: Date.now() });
    const exchange = await startBitexbitSandbox();
    const front = await startFront(exchange.baseURL);
    onTestFinished(async () => {
      await front.close();
      await exchange.close();
    });
    const client = createClient(bitexbit({ ...exchange.credentials.trade, baseURL: front.baseURL }), {
      rateLimit: false,
      retry: false,
      clock,
    });
    const held = front.hold('/order/create');
    const first = watch(client.call('orders.create', { body: ORDER }));
    await held.arrived(1);
    const controller = new AbortController();
    const second = watch(client.call('orders.create', { body: ORDER, signal: controller.signal }));
    await turns(50);
    // Queued behind the first, which the exchange has not answered.
    expect(front.log).toHaveLength(1);

    const error = await abortNow(controller, second);
    expect(held.released).toBe(false);
    expectNotSent(error);
    held.release();
    expect((await first.promise).status).toBe(200);
    await turns(50);
    const sent = exchange.log.length - 1;
    expect(exchange.executions('POST /api/v2/private/order/create')).toBe(1);
    expect(front.log).toHaveLength(1);
    tally.push({
      wait: 'per-key queue',
      rawDomException: error instanceof DOMException,
      sentAfterAbort: sent,
    });
  });

  it('the login wait (AlphaPoint, login held): TransportError not-sent; the login goes on, SendOrder is never sent', async () => {
    const clock = new TestClock({ auto: false, start: Date.now() });
    const exchange = await startAlphaPointSandbox();
    const front = await startFront(exchange.baseURL);
    onTestFinished(async () => {
      await front.close();
      await exchange.close();
    });
    const client = createClient(kiiex({ ...exchange.credentials.trader, baseURL: front.baseURL }), {
      rateLimit: false,
      retry: false,
      clock,
    });
    const login = front.hold('/AuthenticateUser');
    const controller = new AbortController();
    const body = { ...AP_ORDER, ...exchange.accountIds(exchange.credentials.trader.apiKey) };
    const order = watch(client.call('SendOrder', { body, signal: controller.signal }));
    await login.arrived(1);

    const error = await abortNow(controller, order);
    expect(login.released).toBe(false);
    expectNotSent(error);
    login.release();
    await turnsUntil(() => exchange.stats().logins === 1);
    await turns(50);
    const sent = exchange.log.filter((entry) => entry.path === '/ap/SendOrder').length;
    expect(sent).toBe(0);
    expect(exchange.stats().executions.SendOrder ?? 0).toBe(0);
    await client.close();
    expect(exchange.stats()).toMatchObject({ logins: 1, logouts: 1, liveSessions: 0 });
    tally.push({ wait: 'login', rawDomException: error instanceof DOMException, sentAfterAbort: sent });
  });

  it('the backoff wait after a 503 (Bitex GET): the 503 ExchangeError, not a DOMException; no second request', async () => {
    const clock = new TestClock({ auto: false });
    const exchange = await startBitexSandbox();
    onTestFinished(() => exchange.close());
    const client = createClient(bitex({ ...exchange.credentials.user, baseURL: exchange.baseURL }), {
      rateLimit: false,
      retry: { retries: 3, minDelayMs: 100, maxDelayMs: 1_000, maxElapsedMs: 60_000 },
      clock,
    });
    exchange.failNext(1, { status: 503 });
    const controller = new AbortController();
    const list = watch(client.call('bids.list', { signal: controller.signal }));
    await turnsUntil(() => clock.waiting === 1);
    expect(exchange.log).toHaveLength(1);

    // The attempt that was sent got an answer: the caller gets that answer's error.
    const error = await abortNow(controller, list);
    expect(error).toBeInstanceOf(ExchangeError);
    expect(error).toMatchObject({ status: 503 });
    await clock.advance(60_000);
    await turns(20);
    const sent = exchange.log.length - 1;
    expect(sent).toBe(0);
    tally.push({
      wait: 'backoff after 503',
      rawDomException: error instanceof DOMException,
      sentAfterAbort: sent,
    });
  });

  it('the backoff wait after a refused connection (Bitex POST): TransportError not-sent; nothing sent once a server listens', async () => {
    const clock = new TestClock({ auto: false });
    const port = await freePort();
    const client = createClient(
      bitex({ apiKey: 'key_abort_1', baseURL: `http://127.0.0.1:${port}/api`, otp: () => '123456' }),
      {
        rateLimit: false,
        retry: { retries: 3, minDelayMs: 100, maxDelayMs: 1_000, maxElapsedMs: 60_000 },
        clock,
      },
    );
    const controller = new AbortController();
    const bid = watch(client.call('bids.create', { body: BID, signal: controller.signal }));
    // The first attempt found nothing listening (never connected): not-sent, so even a bid may be retried.
    await turnsUntil(() => clock.waiting === 1);

    const error = await abortNow(controller, bid);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ outcome: 'not-sent', networkCode: 'ECONNREFUSED' });
    // Now an exchange listens where the retry would go: it must see nothing.
    const exchange = await startBitexSandbox({ port });
    onTestFinished(() => exchange.close());
    await clock.advance(60_000);
    await turns(50);
    const sent = exchange.log.length;
    expect(sent).toBe(0);
    tally.push({
      wait: 'backoff after not-sent',
      rawDomException: error instanceof DOMException,
      sentAfterAbort: sent,
    });
  });

  it('0 raw DOMExceptions and 0 requests sent after the abort over 5 aborted waits', () => {
    expect(tally.map((entry) => entry.wait)).toHaveLength(5);
    expect(tally.filter((entry) => entry.rawDomException || entry.sentAfterAbort !== 0)).toEqual([]);
  });
});

/** A loopback port nothing listens on now: taken from the system, then freed. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
