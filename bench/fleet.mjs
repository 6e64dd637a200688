import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { bitexbit, createClient } from '../dist/index.js';
import { redisCoordination } from '../dist/redis/index.js';
import { startLoopback } from './loopback.mjs';
import { row } from './measure.mjs';

const SECTION = '7 fleet';
const REQUESTS = 3_000;
const CHILD = new URL('fleet-child.mjs', import.meta.url).pathname;

/** The p-th percentile (0..1) of sorted numbers. */
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
const ms = (value) => `${value.toFixed(3)} ms`;

/** Milliseconds of each of `total` sequential requests of `client` (after a warm-up). */
async function latencies(client, total) {
  for (let i = 0; i < 200; i += 1) await client.call('balance.get');
  const times = [];
  for (let i = 0; i < total; i += 1) {
    const started = performance.now();
    await client.call('balance.get');
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

/** Runs `n` child processes of one config at once; resolves to their reports. */
function children(n, config) {
  return Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise((resolve, reject) => {
          const child = fork(CHILD, [JSON.stringify(config)], {
            stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
          });
          child.once('message', resolve);
          child.once('exit', (code) =>
            reject(new Error(`a fleet child exited (code ${code}) without a report`)),
          );
        }),
    ),
  );
}

/**
 * 7. Fleet: what coordinating through Redis costs per request (bitexbit: a turn, a nonce, the turn released),
 * against the process's own coordination, on loopback Redis; the rate a fleet of processes on one bitexbit key
 * reaches against the documented 2 per second; logins for a cold start of 8 Kiiex processes.
 */
export async function fleetRows() {
  const url = process.env.REDIS_URL;
  if (!url) {
    console.error(
      'benchmark section fleet: skipped, REDIS_URL is not set (start redis-server and set REDIS_URL)',
    );
    return [
      row(
        SECTION,
        'skipped: REDIS_URL is not set (start redis-server, set REDIS_URL)',
        '',
        '',
        undefined,
        'skipped',
        true,
      ),
    ];
  }
  const server = await startLoopback();
  const redis = new Redis(url);
  try {
    const baseURL = server.origin;
    const credentials = { privateKey: 'fleet_bench_private', access: 'read', baseURL };
    const local = createClient(bitexbit({ ...credentials, accessKey: 'bench_local_key' }), {
      rateLimit: false,
    });
    const coordination = redisCoordination(redis, { prefix: `bench:${randomUUID()}:` });
    const shared = createClient(bitexbit({ ...credentials, accessKey: 'bench_fleet_key' }), {
      rateLimit: false,
      coordination,
    });
    const ownTimes = await latencies(local, REQUESTS);
    const fleetTimes = await latencies(shared, REQUESTS);
    const added = percentile(fleetTimes, 0.99) - percentile(ownTimes, 0.99);
    const rows = [
      row(
        SECTION,
        'bitexbit request, Redis coordination vs in-process: p50',
        ms(percentile(fleetTimes, 0.5)),
        ms(percentile(ownTimes, 0.5)),
        percentile(fleetTimes, 0.5) / percentile(ownTimes, 0.5),
        'info',
        true,
      ),
      row(
        SECTION,
        'the same: p99 (target: Redis adds at most about 1 ms)',
        ms(percentile(fleetTimes, 0.99)),
        ms(percentile(ownTimes, 0.99)),
        percentile(fleetTimes, 0.99) / percentile(ownTimes, 0.99),
        '+≤ 1 ms',
        added <= 1,
      ),
    ];

    const prefix = `bench:${randomUUID()}:`;
    const before = server.requests();
    const started = performance.now();
    await children(4, { redisUrl: url, prefix, provider: 'bitexbit', baseURL, count: 3 });
    const seconds = (performance.now() - started) / 1000;
    const arrivals = server.arrivals().slice(before);
    const rate = (arrivals.length - 1) / ((arrivals.at(-1) - arrivals[0]) / 1000);
    const most = mostWithin(arrivals, 1000);
    rows.push(
      row(
        SECTION,
        `4 processes x 3 bitexbit calls on one key, default limit: rate at the exchange (documented 2/s); ${seconds.toFixed(1)} s with start-up`,
        `${rate.toFixed(2)}/s, ≤ ${most} in any 1 s`,
        '2/s',
        rate / 2,
        '≤ 2 in any 1 s',
        most <= 2,
      ),
    );

    const loginsBefore = server.logins();
    await children(8, {
      redisUrl: url,
      prefix: `bench:${randomUUID()}:`,
      provider: 'kiiex',
      baseURL,
      count: 20,
    });
    const logins = server.logins() - loginsBefore;
    rows.push(
      row(
        SECTION,
        '8 Kiiex processes, cold, 20 calls each: logins for the fleet',
        String(logins),
        '',
        undefined,
        '= 1',
        logins === 1,
      ),
    );
    return rows;
  } finally {
    redis.disconnect();
    await server.close();
  }
}

/** The most arrivals (milliseconds, ascending) within any window of `windowMs`. */
function mostWithin(times, windowMs) {
  let most = 0;
  for (let start = 0, end = 0; end < times.length; end += 1) {
    while (times[end] - times[start] >= windowMs) start += 1;
    most = Math.max(most, end - start + 1);
  }
  return most;
}
