import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { TransportError } from '../../src/index.js';
import { redisKeyLock, redisKeys } from '../../src/redis/index.js';
import { inRedisOrder, strictlyIncreasing, watchEvals } from './monitor.js';
import { deferred, settles, uniqueKey, uniquePrefix, useRedis } from './support.js';

// Real processes (child_process.fork) running the built package: `npm run build` first (`npm test` does it).
const ESM = new URL('../../dist/redis/index.js', import.meta.url);
const CJS = new URL('../../dist/redis/index.cjs', import.meta.url);
if (!existsSync(ESM) || !existsSync(CJS)) {
  throw new Error('test/redis/multi-process.test.ts runs the built package: run `npm run build` first');
}
const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

const redis = useRedis();
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function start(name: string, args: readonly (string | number)[]): ChildProcess {
  const child = fork(fixture(name), args.map(String), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.push(child);
  return child;
}

/** The next IPC message of `child` (rejects if it exits first). */
function message<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`the fixture exited (code ${code}) before answering`));
    child.once('exit', onExit);
    child.once('message', (value) => {
      child.off('exit', onExit);
      resolve(value as T);
    });
  });
}

describe('a fleet of processes on one Redis', () => {
  it('8 processes x 50 nonces on one key: all distinct and strictly increasing in Redis issue order', async () => {
    const prefix = uniquePrefix();
    const key = uniqueKey();
    const order = await watchEvals(redis.connect(), redisKeys(key, prefix).nonce);
    // Half load the ESM build, half the CJS one: every copy keeps the one sequence.
    const fleet = Array.from({ length: 8 }, (_, i) =>
      start('nonces.mjs', [redis.url(), prefix, key, 50, i % 2 ? 'cjs' : 'esm']),
    );
    await Promise.all(fleet.map((child) => message(child)));
    const results = fleet.map((child) => message<{ source: string; received: number[] }>(child));
    for (const child of fleet) child.send('go');
    const replies = new Map((await Promise.all(results)).map((r) => [r.source, r.received] as const));
    expect(replies.size).toBe(8);
    const all = [...replies.values()].flat();
    expect(all).toHaveLength(400);
    expect(new Set(all).size).toBe(400);
    const issued = inRedisOrder(await order.collect(400), replies);
    expect(issued).toHaveLength(400);
    expect(strictlyIncreasing(issued)).toBe(true);
  }, 120_000);

  it('a holder killed with SIGKILL frees the lock within its lease: the next holder gets a greater fence', async () => {
    const client = redis.connect();
    const prefix = uniquePrefix();
    const key = uniqueKey();
    const holder = start('hold-lock.mjs', [redis.url(), prefix, key, 300]);
    const { fence } = await message<{ fence: number }>(holder);
    expect(await client.exists(redisKeys(key, prefix).lock)).toBe(1);
    const events: string[] = [];
    const exited = deferred();
    holder.once('exit', () => {
      events.push('holder died');
      exited.resolve();
    });
    holder.kill('SIGKILL');
    await exited.promise;
    const next = await redisKeyLock(client, { prefix, leaseMs: 300, pollMs: 10 }).run(
      key,
      async (nextFence) => {
        events.push('next holder');
        return nextFence;
      },
    );
    expect(events).toEqual(['holder died', 'next holder']);
    expect(next).toBe(fence + 1);
  }, 60_000);

  it('while a live process holds the lock (renewing), another waits: the lock outlives several leases', async () => {
    const client = redis.connect();
    const prefix = uniquePrefix();
    const key = uniqueKey();
    const name = redisKeys(key, prefix).lock;
    // A renewal is a one-key EVAL on the lock (taking it names the fencing counter too): Redis tells us of each.
    const renewals = await watchEvals(redis.connect(), name, 1);
    const holder = start('hold-lock.mjs', [redis.url(), prefix, key, 1000]);
    await message(holder);
    const owner = await client.get(name);
    const controller = new AbortController();
    let acquired = false;
    const got = deferred();
    const waiting = redisKeyLock(client, { prefix, leaseMs: 1000, pollMs: 10 })
      .run(
        key,
        async () => {
          acquired = true;
          got.resolve();
        },
        controller.signal,
      )
      .catch(() => undefined);
    // Three leases go by (the holder renews every third of one): only its renewals keep its lock alive.
    await renewals.seen(9);
    renewals.stop();
    expect(acquired).toBe(false);
    expect(await client.get(name)).toBe(owner);
    holder.kill('SIGKILL');
    await settles(got.promise, 'the waiter to get the lock');
    expect(acquired).toBe(true);
    controller.abort();
    await waiting;
  }, 60_000);
});

describe('a process killed while it waits in the queue', () => {
  it('the turn handed to it lapses unclaimed: the next waiter takes it with the next fence, the queue empties', async () => {
    const client = redis.connect();
    const prefix = uniquePrefix();
    const key = uniqueKey();
    const names = redisKeys(key, prefix);
    // Taking a turn names four keys, the lock first: Redis tells us of each try.
    const tries = await watchEvals(redis.connect(), names.lock, 4);
    const holder = redisKeyLock(redis.connect(), { prefix, leaseMs: 5000 });
    const held = deferred<number>();
    const finish = deferred();
    const holding = holder.run(key, async (fence) => {
      held.resolve(fence);
      await finish.promise;
    });
    const fence = await held.promise;
    // A process queues for the lock, and dies there.
    const dying = start('wait-lock.mjs', [redis.url(), prefix, key, 5000]);
    await tries.seen(2);
    expect(await client.zcard(names.queue)).toBe(1);
    const exited = deferred();
    dying.once('exit', () => exited.resolve());
    dying.kill('SIGKILL');
    await exited.promise;
    tries.stop();
    // Another queues behind it; the holder ends and hands the lock to the oldest waiter: the dead one.
    const next = redisKeyLock(client, { prefix, leaseMs: 5000, pollMs: 10 }).run(
      key,
      async (nextFence) => nextFence,
    );
    finish.resolve();
    await holding;
    expect(await settles(next, 'the next waiter to take the lapsed turn')).toBe(fence + 1);
    expect(await client.zcard(names.queue)).toBe(0);
  }, 60_000);
});

describe('the built entry exchange-auth/redis', () => {
  it('loads as ESM and CJS, and their errors are each other`s (and the main entry`s TransportError)', async () => {
    const esm = (await import(ESM.href)) as typeof import('../../src/redis/index.js');
    const cjs = createRequire(import.meta.url)(CJS.pathname) as typeof import('../../src/redis/index.js');
    expect(Object.keys(esm).sort()).toEqual(Object.keys(cjs).sort());
    const failing = { eval: () => Promise.reject(Object.assign(new Error('x'), { code: 'ECONNREFUSED' })) };
    const fromCjs = await cjs
      .redisNonceSource(failing)
      .next('k', 1)
      .catch((e: unknown) => e);
    const fromEsm = await esm
      .redisNonceSource(failing)
      .next('k', 1)
      .catch((e: unknown) => e);
    expect(fromCjs).toBeInstanceOf(esm.RedisCoordinationError);
    expect(fromEsm).toBeInstanceOf(cjs.RedisCoordinationError);
    expect(fromCjs).toBeInstanceOf(TransportError);
    expect(new TransportError('x', { provider: 'p', outcome: 'unknown' })).not.toBeInstanceOf(
      cjs.RedisCoordinationError,
    );
  });
});
