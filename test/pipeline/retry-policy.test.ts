import { afterEach, describe, expect, it } from 'vitest';
import { ExchangeError, type Logger } from '../../src/index.js';
import { TestClock } from '../support/clock.js';
import { thrown } from '../support/leaks.js';
import { bitexClient, closeServers, KEY, scriptedServer } from './support.js';

// The documented backoff before retry n (1-based), when the exchange gave no Retry-After:
//   ceiling = min(maxDelayMs, minDelayMs * 2^(n-1)),  delay = round(ceiling/2 + random * ceiling/2).
// Every expected delay below is worked out from that by hand, as literal numbers.

const busy = { status: 503, body: { error: 'busy' } };
const ok = { status: 200, body: { data: [] } };

/** A clock whose random() hands out `values` in order. */
function clockWithRandom(...values: number[]): TestClock {
  let next = 0;
  return new TestClock({
    random: () => {
      const value = values[next];
      next += 1;
      if (value === undefined) throw new Error('the test supplied fewer random values than were used');
      return value;
    },
  });
}

afterEach(closeServers);

describe('exponential backoff with jitter', () => {
  it('retries 1, 2, 3 wait 125, 300 and 525 ms (doubling from 200, capped at 600, jitter from the clock)', async () => {
    // minDelayMs 200, maxDelayMs 600:
    //   retry 1: ceiling 200, random 0.25 -> 100 + 25  = 125
    //   retry 2: ceiling 400, random 0.5  -> 200 + 100 = 300
    //   retry 3: ceiling 600 (800 capped), random 0.75 -> 300 + 225 = 525
    const clock = clockWithRandom(0.25, 0.5, 0.75);
    const server = await scriptedServer(busy, busy, busy, ok);
    const { client } = bitexClient(server.origin, {
      retry: { retries: 3, minDelayMs: 200, maxDelayMs: 600, maxElapsedMs: 60_000 },
      clock,
    });

    expect((await client.call('orders.list')).status).toBe(200);
    expect(server.log).toHaveLength(4);
    expect(clock.sleeps).toEqual([125, 300, 525]);
  });

  it('with random 0 each wait is half its ceiling: 50, 100, 200, 400, 800 ms from minDelayMs 100', async () => {
    const clock = new TestClock({ random: () => 0 });
    const server = await scriptedServer(busy, busy, busy, busy, busy, ok);
    const { client } = bitexClient(server.origin, {
      retry: { retries: 5, minDelayMs: 100, maxDelayMs: 100_000, maxElapsedMs: 600_000 },
      clock,
    });

    expect((await client.call('orders.list')).status).toBe(200);
    expect(server.log).toHaveLength(6);
    expect(clock.sleeps).toEqual([50, 100, 200, 400, 800]);
  });

  it('with random 0.999 each wait is (rounded) its whole ceiling: 200, 400, 600, 600 ms', async () => {
    // 200 * 0.9995 = 199.9 -> 200; 400 * 0.9995 = 399.8 -> 400; 600 * 0.9995 = 599.7 -> 600 (twice: capped).
    const clock = new TestClock({ random: () => 0.999 });
    const server = await scriptedServer(busy, busy, busy, busy, ok);
    const { client } = bitexClient(server.origin, {
      retry: { retries: 4, minDelayMs: 200, maxDelayMs: 600, maxElapsedMs: 60_000 },
      clock,
    });

    expect((await client.call('orders.list')).status).toBe(200);
    expect(server.log).toHaveLength(5);
    expect(clock.sleeps).toEqual([200, 400, 600, 600]);
  });

  it('a 429 without Retry-After backs off like a 5xx', async () => {
    const clock = new TestClock();
    const server = await scriptedServer({ status: 429, body: { error: 'Too many requests' } }, ok);
    const { client } = bitexClient(server.origin, {
      retry: { retries: 2, minDelayMs: 1_000, maxDelayMs: 5_000, maxElapsedMs: 60_000 },
      clock,
    });

    expect((await client.call('orders.list')).status).toBe(200);
    expect(server.log).toHaveLength(2);
    // retry 1: ceiling 1000, random 0.5 -> 500 + 250 = 750
    expect(clock.sleeps).toEqual([750]);
  });
});

describe('how many retries', () => {
  it('a GET that meets 503 twice is retried, and authorised afresh each time', async () => {
    const clock = new TestClock();
    const server = await scriptedServer(busy, busy, ok);
    const { client, counter } = bitexClient(server.origin, {
      retry: { retries: 2, minDelayMs: 10, maxDelayMs: 1_000, maxElapsedMs: 60_000 },
      clock,
    });

    const response = await client.call('coinWallets.list');

    expect(response.data).toEqual({ data: [] });
    expect(server.log).toHaveLength(3);
    expect(counter.authorizations).toBe(3);
    expect(server.log.map((request) => request.headers.authorization)).toEqual([KEY, KEY, KEY]);
    expect(server.log.map((request) => request.path)).toEqual(Array(3).fill('/api/coin_wallets'));
  });

  it('gives up after the configured number of retries, with the last answer', async () => {
    const clock = new TestClock();
    const badGateway = { status: 502, body: { error: 'bad gateway' } };
    const server = await scriptedServer(badGateway, badGateway, badGateway, ok);
    const { client } = bitexClient(server.origin, {
      retry: { retries: 2, minDelayMs: 10, maxDelayMs: 1_000, maxElapsedMs: 60_000 },
      clock,
    });

    const error = await thrown(() => client.call('orders.list'));

    expect(error).toBeInstanceOf(ExchangeError);
    expect((error as ExchangeError).status).toBe(502);
    expect(server.log).toHaveLength(3);
    expect(clock.sleeps).toHaveLength(2);
  });

  it('retry: false sends once', async () => {
    const clock = new TestClock();
    const server = await scriptedServer(busy, ok);
    const { client } = bitexClient(server.origin, { retry: false, clock });

    expect(await thrown(() => client.call('orders.list'))).toBeInstanceOf(ExchangeError);
    expect(server.log).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });
});

describe('maxElapsedMs', () => {
  it('no retry starts when answer time plus the next wait would pass maxElapsedMs', async () => {
    // Each answer takes 1000 ms on the clock; each backoff is 50 ms (minDelayMs = maxDelayMs = 100, random 0).
    //   attempt 1 answers at 1000; 1000 + 50 <= 2500 -> wait, retry at 1050
    //   attempt 2 answers at 2050; 2050 + 50 <= 2500 -> wait, retry at 2100
    //   attempt 3 answers at 3100; 3100 + 50 >  2500 -> give up, although 7 retries are left.
    const clock = new TestClock({ random: () => 0 });
    const start = clock.now();
    const arrivals: number[] = [];
    const slowBusy = () => {
      arrivals.push(clock.now() - start);
      clock.set(clock.now() + 1_000);
      return busy;
    };
    const server = await scriptedServer(slowBusy, slowBusy, slowBusy, slowBusy, ok);
    const { client } = bitexClient(server.origin, {
      retry: { retries: 10, minDelayMs: 100, maxDelayMs: 100, maxElapsedMs: 2_500 },
      clock,
    });

    const error = await thrown(() => client.call('orders.list'));

    expect(error).toBeInstanceOf(ExchangeError);
    expect((error as ExchangeError).status).toBe(503);
    expect(server.log).toHaveLength(3);
    expect(arrivals).toEqual([0, 1_050, 2_100]);
    expect(clock.sleeps).toEqual([50, 50]);
  });

  it('the same answers within a generous maxElapsedMs are retried until one succeeds', async () => {
    const clock = new TestClock({ random: () => 0 });
    const slowBusy = () => {
      clock.set(clock.now() + 1_000);
      return busy;
    };
    const server = await scriptedServer(slowBusy, slowBusy, slowBusy, ok);
    const { client } = bitexClient(server.origin, {
      retry: { retries: 10, minDelayMs: 100, maxDelayMs: 100, maxElapsedMs: 60_000 },
      clock,
    });

    expect((await client.call('orders.list')).status).toBe(200);
    expect(server.log).toHaveLength(4);
    expect(clock.sleeps).toEqual([50, 50, 50]);
  });
});

describe('the logger', () => {
  it('is told of each retry with its delay, and never sees the key', async () => {
    const lines: string[] = [];
    const record = (message: string, fields?: Record<string, unknown>) =>
      lines.push(`${message} ${JSON.stringify(fields ?? {})}`);
    const logger: Logger = { debug: record, info: record, warn: record, error: record };
    const clock = new TestClock();
    const server = await scriptedServer(busy, ok);
    const { client } = bitexClient(server.origin, {
      retry: { retries: 2, minDelayMs: 100, maxDelayMs: 1_000, maxElapsedMs: 60_000 },
      clock,
      logger,
    });

    await client.call('orders.list');

    expect(server.log).toHaveLength(2);
    expect(server.log[0]?.headers.authorization).toBe(KEY);
    const retryLines = lines.filter((line) => line.includes('retry 1'));
    expect(retryLines).toHaveLength(1);
    expect(retryLines[0]).toContain('"delayMs":75');
    expect(lines.join('\n')).not.toContain(KEY);
  });
});
