import { afterEach, describe, expect, it } from 'vitest';
import { bitex, createClient, TransportError } from '../../src/index.js';
import { RateLimiter } from '../../src/pipeline/rate-limiter.js';
import { TestClock } from '../support/clock.js';
import { thrown } from '../support/leaks.js';
import { bitexClient, closeServers, flush, KEY, scriptedServer } from './support.js';

/** Starts `count` acquires at once; `done` lists, in order, the ones that were let through. */
function acquireMany(limiter: RateLimiter, count: number, signal?: AbortSignal) {
  const done: number[] = [];
  const all = Array.from({ length: count }, (_, i) => limiter.acquire(signal).then(() => done.push(i + 1)));
  return { done, all };
}

afterEach(closeServers);

describe('the rate limiter, on a clock the test drives', () => {
  it('with 2 per second the first 2 go at once and the 3rd waits until the window ends', async () => {
    const clock = new TestClock({ auto: false });
    const start = clock.now();
    const { done } = acquireMany(new RateLimiter(2, clock), 3);

    await flush();
    expect(done).toEqual([1, 2]);
    expect(clock.sleeps).toEqual([1_000]);
    expect(clock.waiting).toBe(1);

    await clock.advance(999);
    expect(done).toEqual([1, 2]);

    await clock.advance(1);
    expect(done).toEqual([1, 2, 3]);
    expect(clock.now()).toBe(start + 1_000);
    expect(clock.waiting).toBe(0);
  });

  it('a longer burst is paced one window per slot, in arrival order: waits of 0, 0, 1000, 1000, 2000 ms', async () => {
    const clock = new TestClock({ auto: false });
    const { done } = acquireMany(new RateLimiter(2, clock), 5);

    await flush();
    expect(done).toEqual([1, 2]);
    expect(clock.sleeps).toEqual([1_000, 1_000, 2_000]);

    await clock.advance(1_000);
    expect(done).toEqual([1, 2, 3, 4]);
    await clock.advance(999);
    expect(done).toEqual([1, 2, 3, 4]);
    await clock.advance(1);
    expect(done).toEqual([1, 2, 3, 4, 5]);
  });

  it('once a window has passed the next caller goes at once', async () => {
    const clock = new TestClock({ auto: false });
    const limiter = new RateLimiter(2, clock);
    await Promise.all([limiter.acquire(), limiter.acquire()]);
    await clock.advance(1_000);

    await limiter.acquire();

    expect(clock.sleeps).toEqual([]);
  });

  it('0.5 per second lets one request through every 2000 ms', async () => {
    const clock = new TestClock({ auto: false });
    const { done } = acquireMany(new RateLimiter(0.5, clock), 3);

    await flush();
    expect(done).toEqual([1]);
    expect(clock.sleeps).toEqual([2_000, 4_000]);

    await clock.advance(1_999);
    expect(done).toEqual([1]);
    await clock.advance(1);
    expect(done).toEqual([1, 2]);
    await clock.advance(1_999);
    expect(done).toEqual([1, 2]);
    await clock.advance(1);
    expect(done).toEqual([1, 2, 3]);
  });

  it('2.5 per second is a burst of 3 and then one window of 1200 ms (3 per 1.2 s)', async () => {
    const clock = new TestClock({ auto: false });
    const { done } = acquireMany(new RateLimiter(2.5, clock), 4);

    await flush();
    expect(done).toEqual([1, 2, 3]);
    expect(clock.sleeps).toEqual([1_200]);

    await clock.advance(1_199);
    expect(done).toEqual([1, 2, 3]);
    await clock.advance(1);
    expect(done).toEqual([1, 2, 3, 4]);
  });

  it('an abort while waiting rejects at once with the signal’s reason, without the clock moving', async () => {
    const clock = new TestClock({ auto: false });
    const limiter = new RateLimiter(2, clock);
    await Promise.all([limiter.acquire(), limiter.acquire()]);
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    const before = clock.now();
    const reason = new Error('caller gave up');

    controller.abort(reason);

    await expect(waiting).rejects.toBe(reason);
    expect(clock.now()).toBe(before);
  });
});

describe('the client-side rate limit in the pipeline', () => {
  it('with rateLimit 2, two requests reach the server at once and the third one window later', async () => {
    const clock = new TestClock({ auto: false });
    const start = clock.now();
    const arrivals: number[] = [];
    const tickers = () => {
      arrivals.push(clock.now() - start);
      return { status: 200, body: { data: [] } };
    };
    const server = await scriptedServer(tickers, tickers, tickers);
    const { client } = bitexClient(server.origin, { rateLimit: 2, retry: false, clock });

    const calls = [client.call('tickers.list'), client.call('tickers.list'), client.call('tickers.list')];
    await Promise.all(calls.slice(0, 2));
    expect(server.log).toHaveLength(2);
    expect(clock.sleeps).toEqual([1_000]);
    expect(clock.waiting).toBe(1);

    await clock.advance(1_000);
    await calls[2];
    expect(server.log).toHaveLength(3);
    expect(arrivals).toEqual([0, 0, 1_000]);
  });

  it('Bitex’s default of 5 per second holds the 6th and 7th of a burst for one second', async () => {
    const clock = new TestClock({ auto: false });
    const tickers = { status: 200, body: { data: [] } };
    const server = await scriptedServer(...Array(7).fill(tickers));
    const client = createClient(bitex({ apiKey: KEY, baseURL: `${server.origin}/api` }), {
      retry: false,
      clock,
    });

    const calls = Array.from({ length: 7 }, () => client.call('tickers.list'));
    await Promise.all(calls.slice(0, 5));
    expect(server.log).toHaveLength(5);
    expect(clock.sleeps).toEqual([1_000, 1_000]);

    await clock.advance(1_000);
    await Promise.all(calls);
    expect(server.log).toHaveLength(7);
  });

  it('a request aborted while it waits for the limit fails as not-sent and never reaches the server', async () => {
    const clock = new TestClock({ auto: false });
    const server = await scriptedServer({ status: 200, body: { data: [] } }, { status: 200, body: {} });
    const { client } = bitexClient(server.origin, { rateLimit: 1, retry: false, clock });
    await client.call('tickers.list');
    const controller = new AbortController();

    const waiting = client.call('tickers.list', { signal: controller.signal });
    await flush();
    expect(clock.waiting).toBe(1);
    controller.abort();
    const error = await thrown(() => waiting);

    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).outcome).toBe('not-sent');
    expect((error as TransportError).networkCode).toBe('ERR_CANCELED');
    await clock.advance(1_000);
    await flush();
    expect(server.log).toHaveLength(1);
  });
});
