import { z } from 'zod';
import { connect, connectionShape, parseRedisOptions } from './connection.js';
import { turnLock } from './turn-lock.js';
import type { RedisConnectionOptions, RedisLike } from './types.js';

/** Options of {@link redisKeyLock}. */
export interface RedisKeyLockOptions extends RedisConnectionOptions {
  /**
   * How long the lock stays held by a process that stops renewing it (it crashed, or lost Redis), in
   * milliseconds. A live holder renews every third of it. Default 10000; at least 30.
   */
  leaseMs?: number;
  /**
   * How often a waiter asks again while another process holds the lock, in milliseconds, when it cannot be told
   * of a handoff (its client cannot listen); eight times as long when it can. Default 25.
   */
  pollMs?: number;
}

/**
 * A task run under a key's lock. `fence` is greater than the fence of every earlier holder of the lock, so a
 * downstream that remembers the highest fence it saw can refuse a stale holder. `lost` aborts if the lease ends
 * before the task does: stop before sending anything more.
 */
export type LockedTask<T> = (fence: number, lost: AbortSignal) => Promise<T>;

/** One key's order, shaped like the library's in-process queue (`run(task, signal)`). */
export interface KeyLockOrder {
  /** Runs `task` while holding the key's lock: {@link RedisKeyLock.run} for this key. */
  run<T>(task: LockedTask<T>, signal?: AbortSignal): Promise<T>;
}

/** A lease lock per key, shared by every process on one Redis. */
export interface RedisKeyLock {
  /**
   * Runs `task` while holding `key`'s lock, and frees the lock when the task ends (either way). Callers in this
   * process queue first come, first served; one of them at a time waits for the lock in Redis.
   *
   * Rejects with the signal's reason as soon as it aborts while waiting (the task then never runs), and with a
   * `RedisCoordinationError` when Redis cannot be reached. Once the task runs, the signal no longer matters to
   * the lock: the task has its own.
   */
  run<T>(key: string, task: LockedTask<T>, signal?: AbortSignal): Promise<T>;
  /** The lock of one key, as the library's registry holds a key's order. */
  forKey(key: string): KeyLockOrder;
}

const schema = {
  ...connectionShape,
  leaseMs: z
    .number({ error: 'leaseMs must be a number of milliseconds' })
    .int({ error: 'leaseMs must be a whole number of milliseconds' })
    .min(30, { error: 'leaseMs must be at least 30 (it is renewed every third of it)' })
    .max(24 * 60 * 60 * 1000, { error: 'leaseMs must be at most a day' })
    .optional(),
  pollMs: z
    .number({ error: 'pollMs must be a number of milliseconds' })
    .int({ error: 'pollMs must be a whole number of milliseconds' })
    .min(1, { error: 'pollMs must be at least 1' })
    .max(60_000, { error: 'pollMs must be at most 60000' })
    .optional(),
};

/**
 * Arrival order for a fleet: a lease lock per key with a fencing token (Redis INCR). Take it before signing a
 * request and free it when the request ends, and the requests of one key reach the exchange one at a time, in
 * the order their nonces were taken, from whichever process.
 *
 * Taking the lock is one script (one round trip when it is free). The holder renews its lease every
 * `leaseMs / 3` (compare-and-extend on its random owner id, in Lua) and frees it with a compare-and-delete, so it
 * never frees another holder's lock; a holder that dies frees the lock within `leaseMs`. Freeing does not make
 * the task's caller wait. Processes that find the lock held wait in a queue in Redis, oldest first: the lock is
 * handed to the oldest as it is freed, and that process is told at once (Redis pub/sub on its own channel,
 * `<prefix>turn:<random>`) when its client can listen (an ioredis client, or a {@link RedisLike} with `listen`);
 * otherwise it asks again every `pollMs`. After Redis loses its data the fencing counter starts again from 1.
 */
export function redisKeyLock(redis: RedisLike, options: RedisKeyLockOptions = {}): RedisKeyLock {
  const parsed = parseRedisOptions('redisKeyLock', schema, options);
  const connection = connect('redisKeyLock', redis, parsed);
  const lock = turnLock(redis, connection, {
    leaseMs: parsed.leaseMs ?? 10_000,
    pollMs: parsed.pollMs ?? 25,
    nonces: false,
    keep: false,
  });
  return { run: lock.run, forKey: lock.forKey };
}
