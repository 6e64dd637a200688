import { describe, expect, it } from 'vitest';
import { ConfigurationError, TransportError } from '../../src/index.js';
import { RedisCoordinationError, redisKeyLock, redisKeys } from '../../src/redis/index.js';
import {
  abortReason,
  counter,
  DrivenClock,
  deferred,
  type SeenEval,
  settles,
  uniqueKey,
  uniquePrefix,
  useRedis,
  watched,
} from './support.js';

const redis = useRedis();

describe('redisKeyLock: one holder at a time, with increasing fencing tokens', () => {
  it('8 connections x 10 tasks: never two inside at once, fences strictly increasing in run order', async () => {
    const prefix = uniquePrefix();
    const key = uniqueKey();
    // One lock object per connection, as 8 processes would each have.
    const clients = redis.connections(8);
    let inside = 0;
    let most = 0;
    const fences: number[] = [];
    await Promise.all(
      clients.flatMap((client) => {
        const lock = redisKeyLock(client, { prefix, leaseMs: 5000, pollMs: 5 });
        return Array.from({ length: 10 }, () =>
          lock.run(key, async (fence) => {
            inside += 1;
            most = Math.max(most, inside);
            fences.push(fence);
            // A round trip to Redis while inside: the other connections' tries reach Redis meanwhile.
            await client.ping();
            inside -= 1;
          }),
        );
      }),
    );
    expect(most).toBe(1);
    expect(fences).toHaveLength(80);
    expect(fences.every((fence, i) => i === 0 || fence > (fences[i - 1] ?? Number.POSITIVE_INFINITY))).toBe(
      true,
    );
    expect(new Set(fences).size).toBe(80);
  });

  it('returns what the task returns, rejects with what it throws, and frees the lock either way', async () => {
    const prefix = uniquePrefix();
    const key = uniqueKey();
    const client = redis.connect();
    const lock = redisKeyLock(client, { prefix });
    await expect(lock.run(key, async (fence) => `fence ${fence}`)).resolves.toBe('fence 1');
    const failure = new Error('the task failed');
    await expect(
      lock.run(key, async () => {
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await client.exists(redisKeys(key, prefix).lock)).toBe(0);
    await expect(lock.forKey(key).run(async (fence) => fence)).resolves.toBe(3);
  });

  it('keys are apart: two keys are held at once', async () => {
    const lock = redisKeyLock(redis.connect(), { prefix: uniquePrefix() });
    const both = deferred();
    let started = 0;
    const task = async () => {
      started += 1;
      if (started === 2) both.resolve();
      await both.promise;
    };
    await Promise.all([lock.run(uniqueKey(), task), lock.run(uniqueKey(), task)]);
    expect(started).toBe(2);
  });

  it('a live holder renews its lease: a task longer than several leases keeps the lock', async () => {
    const prefix = uniquePrefix();
    const key = uniqueKey();
    const lockName = redisKeys(key, prefix).lock;
    // Redis's answers tell the test what happens: a's renewals (one key, the lock), b's refused tries.
    const renewed = counter<SeenEval>(
      ({ keys, reply }) => keys.length === 1 && keys[0] === lockName && reply === 1,
    );
    const refused = counter<SeenEval>(
      ({ keys, reply }) => keys[0] === lockName && Array.isArray(reply) && reply[0] === 0,
    );
    const [a, b] = redis.each(2, (client) =>
      redisKeyLock(
        watched(client, (seen) => {
          renewed.seen(seen);
          refused.seen(seen);
        }),
        { prefix, leaseMs: 1000, pollMs: 10 },
      ),
    );
    const events: string[] = [];
    const holding = deferred();
    let lost: AbortSignal | undefined;
    let refusedWhileHeld = 0;
    const first = a.run(key, async (_fence, signal) => {
      lost = signal;
      events.push('a start');
      holding.resolve();
      // Three leases: a renews every third of one. b asks all along and is refused.
      await settles(renewed.reached(9), '9 renewals of the lease');
      refusedWhileHeld = refused.count();
      events.push('a end');
    });
    await holding.promise;
    await b.run(key, async () => {
      events.push('b start');
    });
    await first;
    expect(events).toEqual(['a start', 'a end', 'b start']);
    expect(refusedWhileHeld).toBeGreaterThan(0);
    expect(lost?.aborted).toBe(false);
  }, 30_000);
});

describe('redisKeyLock: a holder that stops renewing', () => {
  it('frees the lock within the lease: the next holder gets a greater fence while the first task still runs', async () => {
    const prefix = uniquePrefix();
    const key = uniqueKey();
    const [dying, other] = redis.connections(2);
    // The first holder's timers run on a clock the test drives; Redis lets the lock go by its own time.
    const clock = new DrivenClock();
    const first = redisKeyLock(dying, { prefix, leaseMs: 200, clock });
    const second = redisKeyLock(other, { prefix, leaseMs: 200, pollMs: 10 });
    const held = deferred<{ fence: number; lost: AbortSignal }>();
    const finish = deferred();
    let firstEnded = false;
    const running = first.run(key, async (fence, lost) => {
      held.resolve({ fence, lost });
      await finish.promise;
      firstEnded = true;
    });
    const { fence, lost } = await held.promise;
    // The holder loses Redis: it can renew no more (as if its process died).
    dying.disconnect();
    const next = await second.run(key, async (nextFence) => ({ nextFence, firstEnded }));
    expect(next.nextFence).toBeGreaterThan(fence);
    expect(next.firstEnded).toBe(false);
    // The first holder is told its lease ended once the lease has run out by its clock (not a moment earlier),
    // with a typed reason, before the task ended.
    await clock.advance(199);
    expect(lost.aborted).toBe(false);
    await clock.advance(1);
    expect(lost.aborted).toBe(true);
    expect(lost.reason).toBeInstanceOf(RedisCoordinationError);
    expect((lost.reason as RedisCoordinationError).reason).toBe('lease-lost');
    finish.resolve();
    await expect(running).resolves.toBeUndefined();
  });

  it('its late release never frees the next holder (compare-and-delete on the owner id)', async () => {
    const prefix = uniquePrefix();
    const key = uniqueKey();
    const client = redis.connect();
    const names = redisKeys(key, prefix);
    const clock = new DrivenClock();
    const lock = redisKeyLock(client, { prefix, leaseMs: 300, clock });
    const taken = deferred<AbortSignal>();
    const finish = deferred();
    const running = lock.run(key, async (_fence, lost) => {
      taken.resolve(lost);
      await finish.promise;
    });
    const lost = await taken.promise;
    // Another process holds the lock now (the first one's lease ran out while it stalled, say).
    await client.set(names.lock, 'another-owner', 'PX', 10_000);
    // A third of the lease later it renews, and Redis answers that the lock is not its own any more.
    await clock.advance(100);
    const reason = await settles(abortReason(lost), 'the lost signal');
    expect(String((reason as Error).message)).toContain('another process took the lock');
    finish.resolve();
    await running;
    expect(await client.get(names.lock)).toBe('another-owner');
  });
});

describe('redisKeyLock: waiting is bounded by the signal', () => {
  it('an abort while waiting for another process settles at once: the task never runs, no fence is used', async () => {
    const prefix = uniquePrefix();
    const key = uniqueKey();
    // b waits on a clock the test drives: once it asks to sleep, Redis has refused it and it is waiting.
    const clock = new DrivenClock();
    const a = redisKeyLock(redis.connect(), { prefix, leaseMs: 5000 });
    const b = redisKeyLock(redis.connect(), { prefix, leaseMs: 5000, clock });
    const held = deferred<number>();
    const finish = deferred();
    const holder = a.run(key, async (fence) => {
      held.resolve(fence);
      await finish.promise;
    });
    const fence = await held.promise;
    const controller = new AbortController();
    let ran = false;
    const waiting = b.run(
      key,
      async () => {
        ran = true;
      },
      controller.signal,
    );
    await settles(clock.sleepsAsked(1), 'the waiter to be refused and wait');
    const reason = new Error('the caller gave up');
    controller.abort(reason);
    // The holder only ends when the test says so, and the waiter's clock never moves: it must settle on its
    // own, rejected with the reason.
    const outcome = await settles(
      Promise.race([
        waiting.then(
          () => 'ran',
          (error: unknown) => (error === reason ? 'rejected with the reason' : 'rejected otherwise'),
        ),
        holder.then(() => 'the holder ended first'),
      ]),
      'the aborted waiter to settle',
    );
    expect(outcome).toBe('rejected with the reason');
    finish.resolve();
    await holder;
    expect(ran).toBe(false);
    await expect(b.run(key, async (next) => next)).resolves.toBe(fence + 1);
  });

  it('an abort while queued behind this process`s own task settles at once', async () => {
    const lock = redisKeyLock(redis.connect(), { prefix: uniquePrefix() });
    const key = uniqueKey();
    const finish = deferred();
    const started = deferred();
    const holder = lock.run(key, async () => {
      started.resolve();
      await finish.promise;
    });
    await started.promise;
    const controller = new AbortController();
    const queued = lock.run(key, async () => 'ran', controller.signal);
    const after = lock.run(key, async () => 'after');
    const reason = new Error('gave up');
    controller.abort(reason);
    await expect(queued).rejects.toBe(reason);
    finish.resolve();
    await holder;
    await expect(after).resolves.toBe('after');
  });

  it('a signal that already aborted runs nothing', async () => {
    const lock = redisKeyLock(redis.connect(), { prefix: uniquePrefix() });
    const reason = new Error('already');
    await expect(lock.run(uniqueKey(), async () => 1, AbortSignal.abort(reason))).rejects.toBe(reason);
  });
});

describe('redisKeyLock: options', () => {
  it('refuses a lease too short to renew, and unknown options', () => {
    const client = redis.connect({ lazyConnect: true });
    expect(() => redisKeyLock(client, { leaseMs: 10 })).toThrow(ConfigurationError);
    expect(() => redisKeyLock(client, { leaseMs: 1.5 })).toThrow(/leaseMs/);
    expect(() => redisKeyLock(client, { lease: 100 } as never)).toThrow(/"lease" is not an option/);
    expect(() => redisKeyLock(client, { clock: { now: () => 1 } as never })).toThrow(
      /clock must have now, sleep, random and setTimer/,
    );
  });

  it('a Redis error is a TransportError that was not sent', async () => {
    const lock = redisKeyLock({
      eval: () => Promise.reject(Object.assign(new Error('x'), { code: 'ECONNREFUSED' })),
    });
    const error = await lock.run(uniqueKey(), async () => 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).outcome).toBe('not-sent');
  });
});
