import { afterEach, describe, expect, it } from 'vitest';
import { RateLimitError } from '../../src/index.js';
import { TestClock } from '../support/clock.js';
import { bitexOrder } from '../support/documented.js';
import { thrown } from '../support/leaks.js';
import { bitexClient, closeServers, scriptedServer } from './support.js';

// Backoff alone would wait 75 ms before retry 1 (minDelayMs 100, random 0.5: 100/2 + 0.5*100/2), so any
// other delay below comes from Retry-After.
const policy = { retries: 2, minDelayMs: 100, maxDelayMs: 5_000, maxElapsedMs: 60_000 };
const ok = { status: 200, body: { data: [] } };
const tooMany = (retryAfter: string) => ({
  status: 429,
  headers: { 'Retry-After': retryAfter },
  body: { error: 'Too many requests' },
});

afterEach(closeServers);

describe('Retry-After in seconds', () => {
  it('a GET answered 429 with Retry-After: 3 waits exactly 3000 ms on the clock, then is sent once more', async () => {
    const clock = new TestClock();
    const start = clock.now();
    const arrivals: number[] = [];
    const server = await scriptedServer(
      () => {
        arrivals.push(clock.now());
        return tooMany('3');
      },
      () => {
        arrivals.push(clock.now());
        return ok;
      },
    );
    const { client } = bitexClient(server.origin, { retry: policy, clock });

    const response = await client.call('bids.list');

    expect(response.status).toBe(200);
    expect(server.log).toHaveLength(2);
    expect(clock.sleeps).toEqual([3_000]);
    expect(arrivals).toEqual([start, start + 3_000]);
  });

  it('each 429 is waited out by its own Retry-After (2 s, then 1 s)', async () => {
    const clock = new TestClock();
    const server = await scriptedServer(tooMany('2'), tooMany('1'), ok);
    const { client } = bitexClient(server.origin, { retry: policy, clock });

    expect((await client.call('orders.list')).status).toBe(200);
    expect(server.log).toHaveLength(3);
    expect(clock.sleeps).toEqual([2_000, 1_000]);
  });

  it('a Retry-After equal to maxDelayMs is still waited out', async () => {
    const clock = new TestClock();
    const server = await scriptedServer(tooMany('5'), ok);
    const { client } = bitexClient(server.origin, { retry: policy, clock });

    expect((await client.call('orders.list')).status).toBe(200);
    expect(server.log).toHaveLength(2);
    expect(clock.sleeps).toEqual([5_000]);
  });

  it('a Retry-After longer than maxDelayMs ends the retries instead of sending early', async () => {
    const clock = new TestClock();
    const server = await scriptedServer(tooMany('60'), ok);
    const { client } = bitexClient(server.origin, { retry: policy, clock });

    const error = await thrown(() => client.call('orders.list'));

    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(60_000);
    expect(server.log).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('a Retry-After that would end after maxElapsedMs is not waited for', async () => {
    const clock = new TestClock();
    const server = await scriptedServer(tooMany('3'), ok);
    const { client } = bitexClient(server.origin, { retry: { ...policy, maxElapsedMs: 2_000 }, clock });

    expect(await thrown(() => client.call('orders.list'))).toBeInstanceOf(RateLimitError);
    expect(server.log).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('a POST answered 429 is not repeated, whatever Retry-After says', async () => {
    const clock = new TestClock();
    const server = await scriptedServer(tooMany('1'), { status: 201, body: { data: {} } });
    const { client } = bitexClient(server.origin, { retry: policy, clock });

    const error = await thrown(() => client.call('bids.create', { body: bitexOrder() }));

    expect(error).toBeInstanceOf(RateLimitError);
    expect(server.log).toHaveLength(1);
    expect(server.log[0]?.method).toBe('POST');
    expect(clock.sleeps).toEqual([]);
  });
});

describe('Retry-After as an HTTP date', () => {
  it('is read against the injected clock: a date 4 s after its now() means a 4000 ms wait', async () => {
    // Start on a whole second: an HTTP date has no milliseconds.
    const clock = new TestClock({ start: Date.UTC(2030, 0, 2, 3, 4, 5) });
    const start = clock.now();
    const arrivals: number[] = [];
    const server = await scriptedServer(
      () => {
        arrivals.push(clock.now());
        return tooMany(new Date(clock.now() + 4_000).toUTCString());
      },
      () => {
        arrivals.push(clock.now());
        return ok;
      },
    );
    const { client } = bitexClient(server.origin, { retry: policy, clock });

    expect((await client.call('orders.list')).status).toBe(200);
    expect(server.log[0]?.method).toBe('GET');
    expect(server.log).toHaveLength(2);
    expect(clock.sleeps).toEqual([4_000]);
    expect(arrivals).toEqual([start, start + 4_000]);
  });

  it('a date further ahead than maxDelayMs ends the retries', async () => {
    const clock = new TestClock({ start: Date.UTC(2030, 0, 2, 3, 4, 5) });
    const server = await scriptedServer(() => tooMany(new Date(clock.now() + 90_000).toUTCString()), ok);
    const { client } = bitexClient(server.origin, { retry: policy, clock });

    const error = await thrown(() => client.call('orders.list'));

    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(90_000);
    expect(server.log).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('a date already past means no wait at all, not a negative one', async () => {
    const clock = new TestClock({ start: Date.UTC(2030, 0, 2, 3, 4, 5) });
    const server = await scriptedServer(() => tooMany(new Date(clock.now() - 10_000).toUTCString()), ok);
    const { client } = bitexClient(server.origin, { retry: policy, clock });

    expect((await client.call('orders.list')).status).toBe(200);
    expect(server.log).toHaveLength(2);
    expect(clock.sleeps).toEqual([0]);
  });
});
