import { fork, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { bitexbit, createClient } from '../dist/index.js';
import { redisCoordination } from '../dist/redis/index.js';
import { startLoopback } from './loopback.mjs';
import { row } from './measure.mjs';

const SECTION = '7 fleet';
const REQUESTS = 3_000;
/** Rounds the multi-process fleets run before the measured ones. */
const WARM_ROUNDS = 8;
const CHILD = new URL('fleet-child.mjs', import.meta.url).pathname;

/** The p-th percentile (0..1) of sorted numbers. */
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
const ms = (value) => `${value.toFixed(3)} ms`;

/**
 * Milliseconds of each of `total` sequential requests of each client (after a warm-up), the clients taking
 * turns `block` requests at a time (back to back inside a block), so that a slow spell of the machine falls on
 * both alike. With `block` 1 the other client's request runs between two of one client's: the event loop turns
 * between them.
 */
async function latencies(clients, total, block = 1) {
  for (let i = 0; i < 200; i += 1) for (const client of clients) await client.call('balance.get');
  const times = clients.map(() => []);
  for (let done = 0; done < total; done += block) {
    for (const [index, client] of clients.entries()) {
      for (let i = 0; i < block; i += 1) {
        const started = performance.now();
        await client.call('balance.get');
        times[index].push(performance.now() - started);
      }
    }
  }
  return times.map((list) => list.sort((a, b) => a - b));
}

/** A free TCP port on loopback. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A redis-server of the benchmark's own (loopback, no persistence), when REDIS_URL names none; else undefined. */
async function ownRedis() {
  if (spawnSync('redis-server', ['--version']).error) return undefined;
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  await new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('Ready to accept connections')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited at start (code ${code})`)));
  });
  child.stdout.resume();
  return { url: `redis://127.0.0.1:${port}`, stop: () => child.kill('SIGKILL') };
}

/** The calls of each Redis command so far, from `INFO commandstats` (server-wide). */
async function commandCalls(redis) {
  const calls = {};
  for (const line of (await redis.info('commandstats')).split('\n')) {
    const match = /^cmdstat_([a-z|]+):calls=(\d+)/.exec(line.trim());
    if (match) calls[match[1]] = Number(match[2]);
  }
  return calls;
}

/** True for the script that takes a key's turn with its nonce (by the keys it names: lock, fence, queue, nonce). */
const takesTurn = (keys) => keys.length === 4 && keys[0].endsWith(':lock') && keys[3].endsWith(':nonce');

/**
 * `redis` as the library's RedisLike, counting the scripts sent while request number `current()` is under way,
 * and of those, the ones that take the key's turn: the only script a request waits for (the scripts that keep a
 * turn, with a nonce or at a request's end, are sent without waiting, which test/fleet/round-trips.test.ts pins
 * by holding their answers).
 */
function countingRedis(redis, current) {
  const sent = new Map();
  const turns = new Map();
  const count = (numKeys, rest, reply) => {
    const request = current();
    sent.set(request, (sent.get(request) ?? 0) + 1);
    if (takesTurn(rest.slice(0, numKeys))) turns.set(request, (turns.get(request) ?? 0) + 1);
    return reply;
  };
  return {
    redis: {
      eval: (script, numKeys, ...rest) => count(numKeys, rest, redis.eval(script, numKeys, ...rest)),
      evalsha: (sha, numKeys, ...rest) => count(numKeys, rest, redis.evalsha(sha, numKeys, ...rest)),
    },
    perRequest(requests) {
      let scripts = 0;
      let waited = 0;
      for (const request of requests) {
        scripts += sent.get(request) ?? 0;
        waited += turns.get(request) ?? 0;
      }
      return { scripts: scripts / requests.length, waited: waited / requests.length };
    },
  };
}

/**
 * `n` warmed-up processes on one bitexbit key (rate limit off, `concurrency` at a time in each), or each on a
 * key of its own (`apart`); each call of `round()` has them send `total` requests in all and resolves to the
 * requests per second.
 */
async function fleetOf(n, { url, baseURL, total, concurrency, apart = false }) {
  const shared = `bench:${randomUUID()}:`;
  // `apart`: each process under a prefix of its own, so each has a key of its own (nothing shared in Redis).
  const members = Array.from({ length: n }, () => {
    const prefix = apart ? `bench:${randomUUID()}:` : shared;
    return fork(
      CHILD,
      [
        JSON.stringify({
          redisUrl: url,
          prefix,
          provider: 'bitexbit',
          baseURL,
          count: total / n,
          mode: 'throughput',
          concurrency,
        }),
      ],
      { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
    );
  });
  const next = (child) =>
    new Promise((resolve, reject) => {
      const onExit = (code) => reject(new Error(`a fleet child exited (code ${code}) without a report`));
      // A child that died between rounds would never report nor exit again: fail now instead of waiting forever.
      if (child.exitCode !== null || child.signalCode !== null)
        return onExit(child.exitCode ?? child.signalCode);
      child.once('exit', onExit);
      child.once('message', (message) => {
        child.off('exit', onExit);
        resolve(message);
      });
    });
  await Promise.all(members.map(next));
  return {
    async round() {
      const reports = members.map(next);
      const started = performance.now();
      for (const child of members) child.send('go');
      const done = await Promise.all(reports);
      const ok = done.reduce((sum, report) => sum + report.ok, 0);
      return { perSecond: ok / ((performance.now() - started) / 1000), ok };
    },
    /**
     * The members one after another, each sending its share in one go once the one before has reported: taking
     * turns, handed on by the bench, one turn each per round.
     */
    async relay() {
      let ok = 0;
      const started = performance.now();
      for (const child of members) {
        const report = next(child);
        child.send('go');
        ok += (await report).ok;
      }
      return { perSecond: ok / ((performance.now() - started) / 1000), ok };
    },
    /** Resolves once every member has exited, so that none still runs when the next section is measured. */
    close: () =>
      Promise.all(
        members.map((child) => {
          if (child.exitCode !== null || child.signalCode !== null) return undefined;
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.send('exit');
          return exited;
        }),
      ),
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

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
 * 7. Fleet: what coordinating through Redis costs per request (bitexbit: one script takes the turn and the
 * nonce; the turn's end is sent without waiting), counted and timed against the process's own coordination, on
 * loopback Redis; what 8 processes on one key deliver against one; the rate a fleet on one bitexbit key reaches
 * against the documented 2 per second; logins for a cold start of 8 Kiiex processes. Runs on REDIS_URL, or on a
 * redis-server of its own.
 */
export async function fleetRows() {
  // An empty REDIS_URL (as `REDIS_URL=$(...)` leaves when the command prints nothing) counts as not set.
  const own = process.env.REDIS_URL ? undefined : await ownRedis();
  const url = process.env.REDIS_URL || own?.url;
  if (!url) {
    console.error('benchmark section fleet: skipped, REDIS_URL is not set and redis-server is not installed');
    return [
      row(
        SECTION,
        'skipped: REDIS_URL is not set and redis-server is not installed',
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
    // The floor of any coordination that waits for one round trip: the same in-process request with one bare
    // script (an INCR) to the same Redis awaited before it. What this machine adds to a round trip that follows an
    // HTTP exchange shows here, whatever the library does.
    const floorKey = `bench:${randomUUID()}:floor`;
    const floorScript = await redis.script('LOAD', "return redis.call('INCR', KEYS[1])");
    const floor = {
      call: async (name) => {
        await redis.evalsha(floorScript, 1, floorKey);
        return local.call(name);
      },
    };
    const rows = [];
    for (const [block, how] of [
      [1, 'taking turns request by request'],
      [50, 'in blocks of 50 taking turns'],
    ]) {
      const [ownTimes, fleetTimes, floorTimes] = await latencies([local, shared, floor], REQUESTS, block);
      const added = percentile(fleetTimes, 0.99) - percentile(ownTimes, 0.99);
      const floorAdded = percentile(floorTimes, 0.99) - percentile(ownTimes, 0.99);
      rows.push(
        row(
          SECTION,
          `bitexbit request, Redis coordination vs in-process, concurrency 1, 3,000 each ${how}: p50`,
          ms(percentile(fleetTimes, 0.5)),
          ms(percentile(ownTimes, 0.5)),
          percentile(fleetTimes, 0.5) / percentile(ownTimes, 0.5),
          'info',
          true,
        ),
        row(
          SECTION,
          `the same: p99 (target: Redis adds at most 1 ms; added ${added.toFixed(3)} ms)`,
          ms(percentile(fleetTimes, 0.99)),
          ms(percentile(ownTimes, 0.99)),
          percentile(fleetTimes, 0.99) / percentile(ownTimes, 0.99),
          block === 1 ? '+ ≤ 1 ms' : 'info',
          block !== 1 || added <= 1,
        ),
        row(
          SECTION,
          `the floor, ${how}: the in-process request after one bare EVALSHA to the same Redis, p99 (adds ${floorAdded.toFixed(3)} ms; the coordination adds ${(added - floorAdded).toFixed(3)} ms over it)`,
          ms(percentile(floorTimes, 0.99)),
          ms(percentile(ownTimes, 0.99)),
          percentile(floorTimes, 0.99) / percentile(ownTimes, 0.99),
          'info',
          true,
        ),
      );
    }

    // Counted: the scripts each of 1,000 sequential requests sends, and the turn scripts among them (the one kind
    // a request waits for), back to back and with the event loop turning between requests.
    let current = 0;
    const counting = countingRedis(redis, () => current);
    const counted = createClient(bitexbit({ ...credentials, accessKey: 'bench_counted_key' }), {
      rateLimit: false,
      coordination: redisCoordination(counting.redis, { prefix: `bench:${randomUUID()}:` }),
    });
    await counted.call('balance.get');
    const admin = new Redis(url);
    for (const [together, how] of [
      [1, 'one after another'],
      [4, 'four at a time'],
    ]) {
      const callsBefore = await commandCalls(admin);
      const numbers = [];
      const base = together === 1 ? 0 : 1000;
      for (let i = 1; i <= 1000; i += together) {
        current = base + i;
        numbers.push(current);
        await Promise.all(Array.from({ length: together }, () => counted.call('balance.get')));
        current = 0;
      }
      const callsAfter = await commandCalls(admin);
      const delta = (name) => (callsAfter[name] ?? 0) - (callsBefore[name] ?? 0);
      const perBatch = counting.perRequest(numbers);
      const scripts = perBatch.scripts / together;
      const waited = perBatch.waited / together;
      rows.push(
        row(
          SECTION,
          `round trips a coordinated bitexbit request waits for, ${how} (scripts that take the turn, counted over 1,000 requests; INFO commandstats: ${delta('evalsha')} EVALSHA, ${delta('eval')} EVAL)`,
          waited.toFixed(2),
          '3 before',
          undefined,
          '≤ 1',
          waited <= 1,
        ),
        row(
          SECTION,
          `scripts a coordinated bitexbit request sends, ${how}: the kept turn's lease with the request's nonce, ${together === 1 ? 'and at its end the turn kept a short while' : 'and one end keeping the turn a short while'} (none waited for; the turn taken when it was not kept)`,
          scripts.toFixed(2),
          '3 before',
          undefined,
          'info',
          true,
        ),
      );
    }
    admin.disconnect();

    // Eight processes on one key against one, rate limit off, 4 requests at a time in each, 2,400 in all per
    // round; 5 rounds, one then eight, alternating, so a load that comes and goes on the machine falls on both.
    const shape = { url, baseURL, total: 2400, concurrency: 4 };
    const one = await fleetOf(1, shape);
    const eight = await fleetOf(8, shape);
    const apart = await fleetOf(8, { ...shape, apart: true });
    // Unmeasured rounds first: a child's own warm-up runs on a key of its own, which never waits for another
    // process, so the code that waits, is woken and takes a handed-on turn is still cold in the first rounds
    // (eight processes on one key: 1.7 s, then 1.2 s, settling near 0.6 s from the eighth round on). Measured
    // from the first round, eight processes on keys of their own read 0.45x of one; warmed, about 1.0x.
    for (let round = 0; round < WARM_ROUNDS; round += 1) {
      await one.round();
      await eight.round();
      await apart.round();
      await apart.relay();
    }
    const ones = [];
    const eights = [];
    const aparts = [];
    const relays = [];
    let answered = 0;
    for (let round = 0; round < 5; round += 1) {
      const a = await one.round();
      const b = await eight.round();
      const c = await apart.round();
      const d = await apart.relay();
      ones.push(a.perSecond);
      eights.push(b.perSecond);
      aparts.push(c.perSecond);
      relays.push(d.perSecond);
      answered += a.ok + b.ok;
    }
    await Promise.all([one.close(), eight.close(), apart.close()]);
    const ratios = ones.map((perSecond, i) => (eights[i] ?? 0) / perSecond);
    const ratio = median(ratios);
    rows.push(
      row(
        SECTION,
        `8 processes on one bitexbit key (rate limit off, 4 at a time each) vs 1 process: throughput, median of 5 alternating rounds after ${WARM_ROUNDS} unmeasured (ratios ${ratios.map((r) => r.toFixed(2)).join(', ')}; ${answered} of 24,000 answered)`,
        `${median(eights).toFixed(0)}/s`,
        `${median(ones).toFixed(0)}/s`,
        ratio,
        '≥ 0.8x',
        ratio >= 0.8,
      ),
      row(
        SECTION,
        '8 processes on one key vs the same 8 processes each on a key of its own (nothing shared: what 8 processes get from this machine at all): throughput, median of 5 rounds',
        `${median(eights).toFixed(0)}/s`,
        `${median(aparts).toFixed(0)}/s`,
        median(eights) / median(aparts),
        'info',
        true,
      ),
      row(
        SECTION,
        `8 processes taking turns at their best: the same 8 processes each on a key of its own (never waiting for a turn in Redis), sending their shares one process after another, each once the one before has reported (one turn each per round, handed on by the bench), vs 1 process: median of 5 rounds (ratios ${relays.map((perSecond, i) => (perSecond / (ones[i] ?? 1)).toFixed(2)).join(', ')})`,
        `${median(relays).toFixed(0)}/s`,
        `${median(ones).toFixed(0)}/s`,
        median(relays.map((perSecond, i) => perSecond / (ones[i] ?? 1))),
        'info',
        true,
      ),
      row(
        SECTION,
        '8 processes on one key, coordinated by Redis, vs the same 8 taking turns handed on by the bench: throughput, median of 5 rounds',
        `${median(eights).toFixed(0)}/s`,
        `${median(relays).toFixed(0)}/s`,
        median(eights) / median(relays),
        'info',
        true,
      ),
    );

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
    own?.stop();
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
