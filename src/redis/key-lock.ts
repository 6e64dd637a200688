import { z } from 'zod';
import { keyRegistry, sequenceId } from '../core/registry.js';
import {
  type Connection,
  connect,
  connectionShape,
  evalScript,
  integer,
  parseRedisOptions,
  unexpectedReply,
} from './connection.js';
import { checkKey, type KeyNames } from './keys.js';
import { type HeldLease, holdLease } from './lease.js';
import { MAX_NONCE_AHEAD_MS, nonceFloor, noteNonce } from './nonce.js';
import { Notifier } from './notify.js';
import { REPLICATE_EFFECTS, script } from './scripts.js';
import type { RedisConnectionOptions, RedisLike } from './types.js';
import { LocalLine, leaseNow } from './wait.js';

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
 * Takes a key's turn for ARGV[1] when the lock is free, was handed to it, or is still its own (a process that
 * goes on with the key's next request): [1, fence, nonce, processes waiting], the nonce (with ARGV[4] = '1'; else
 * '') being max(stored + 1, the process's last + 1, now), or 'ahead', nothing written, when the stored one is
 * more than ARGV[7] ahead of now. Else it queues ARGV[1] (oldest first, by Redis TIME) and answers
 * [0, milliseconds left on the holder's lease].
 * KEYS: lock, fence, queue, nonce. ARGV: owner, lease ms, '1' when queued before, '1' to take a nonce, the
 * process's last nonce, now (ms), how far ahead a stored nonce may be, how long the queue lasts unused (ms).
 */
const TAKE_TURN = script(`
local holder = redis.call('GET', KEYS[1])
if holder and holder ~= ARGV[1] then
  ${REPLICATE_EFFECTS}
  local time = redis.call('TIME')
  local arrived = string.format('%.0f', tonumber(time[1]) * 1000000 + tonumber(time[2]))
  redis.call('ZADD', KEYS[3], 'NX', arrived, ARGV[1])
  redis.call('PEXPIRE', KEYS[3], ARGV[8])
  return {0, redis.call('PTTL', KEYS[1])}
end
local nonce = ''
if ARGV[4] == '1' then
  local stored = tonumber(redis.call('GET', KEYS[4])) or 0
  local now = tonumber(ARGV[6])
  if now > 0 and stored > now + tonumber(ARGV[7]) then
    nonce = 'ahead'
  else
    nonce = string.format('%.0f', math.max(stored + 1, tonumber(ARGV[5]) + 1, now))
    redis.call('SET', KEYS[4], nonce)
  end
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
if ARGV[3] == '1' then redis.call('ZREM', KEYS[3], ARGV[1]) end
return {1, redis.call('INCR', KEYS[2]), nonce, redis.call('ZCARD', KEYS[3])}`);

/**
 * Ends ARGV[1]'s turn, or its wait: it leaves the queue and, if it holds the lock, the lock goes to the oldest
 * waiting process (held for ARGV[2] ms until that process takes it up; its id is published on its channel,
 * ARGV[3] followed by the part of the id before the dot) or, with nobody waiting, is deleted.
 * KEYS: lock, queue.
 */
const END_TURN = script(`
redis.call('ZREM', KEYS[2], ARGV[1])
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
local next = redis.call('ZRANGE', KEYS[2], 0, 0)[1]
if not next then
  redis.call('DEL', KEYS[1])
  return 1
end
redis.call('ZREM', KEYS[2], next)
redis.call('SET', KEYS[1], next, 'PX', ARGV[2])
local token = string.match(next, '^(%x+)%.')
if token then redis.call('PUBLISH', ARGV[3] .. token, next) end
return 2`);

/** What a key's turn holds: the lease, the nonce taken with it ('ahead' when the stored one was refused). */
interface Turn {
  readonly lease: HeldLease;
  readonly nonce: string | undefined;
  /** How many processes wait for the key in Redis. */
  readonly waiting: number;
}

/** The reply of {@link TAKE_TURN}. */
type TakeReply =
  | {
      readonly acquired: true;
      readonly fence: number;
      readonly nonce: string | undefined;
      readonly waiting: number;
    }
  | { readonly acquired: false; readonly heldForMs: number };

function parseTake(reply: unknown, nonces: boolean): TakeReply | undefined {
  if (!Array.isArray(reply)) return undefined;
  const flag = integer(reply[0]);
  const value = integer(reply[1]);
  if (value === undefined) return undefined;
  if (flag === 0 && reply.length === 2) return { acquired: false, heldForMs: value };
  const waiting = integer(reply[3]);
  if (flag !== 1 || reply.length !== 4 || waiting === undefined) return undefined;
  const nonce: unknown = reply[2];
  if (!nonces) return nonce === '' ? { acquired: true, fence: value, nonce: undefined, waiting } : undefined;
  if (nonce === NONCE_AHEAD) return { acquired: true, fence: value, nonce, waiting };
  const digits = integer(nonce);
  if (digits === undefined || digits <= 0) return undefined;
  return { acquired: true, fence: value, nonce: String(digits), waiting };
}

/** The nonce taken with a turn was refused: the stored one is far ahead of the clock. */
export const NONCE_AHEAD = 'ahead';

/** The key lock with what {@link redisCoordination} needs besides: per-call deadlines, and nonces taken with turns. */
export interface TurnLock extends RedisKeyLock {
  /** {@link RedisKeyLock.run}, each Redis call also bounded by `timeoutMs` (what is left of the request's deadline). */
  runWithin<T>(key: string, task: LockedTask<T>, signal?: AbortSignal, timeoutMs?: number): Promise<T>;
  /**
   * The nonce taken with `key`'s turn, which this process holds now; once (the next call gets `undefined`).
   * {@link NONCE_AHEAD} when the stored nonce was refused.
   */
  takeNonce(key: string): string | undefined;
}

/** How the lock waits and how long it holds. */
export interface TurnTuning {
  readonly leaseMs: number;
  readonly pollMs: number;
  /** Take the key's nonce with its turn (one script for both). */
  readonly nonces: boolean;
  /**
   * Keep a turn that ended when another request of the key is queued in this process (the process's own queue of
   * the key, in its registry): that request takes the turn up in its one script, and the turn is handed on to
   * another process only after that, or, while another process waits, once this process has held the key for
   * {@link QUANTUM_MS} or {@link MAX_STREAK} turns in a row.
   */
  readonly keep: boolean;
}

/** How many turns in a row a process takes up while another process waits for the key. */
const MAX_STREAK = 32;
/** How long a process keeps taking a key's turns up, in a row, while another process waits (milliseconds). */
const QUANTUM_MS = 20;

/** True when another request of `key` is queued behind the running one in this process's queue of the key. */
function successorQueued(key: string): boolean {
  return (keyRegistry().orders.get(sequenceId('order', key))?.pending ?? 0) > 1;
}

/**
 * A turn that ended and is kept for the process's next request of the key, which is queued; if that request
 * does not take it up before the event loop turns (it was aborted), the turn is handed on then.
 */
interface Kept {
  readonly owner: string;
  readonly streak: number;
  /** When this process took the turn it keeps taking up (by {@link leaseNow}). */
  readonly since: number;
  readonly cancel: () => void;
}

/**
 * The key lock of a connection. One script takes the turn (and, with `nonces`, the key's nonce with it); the
 * turn ends without the caller waiting for Redis; a process that ends its turn hands the lock to the oldest
 * waiting process and tells it on its channel, so a waiter is woken rather than asking again.
 */
export function turnLock(redis: RedisLike, connection: Connection, tuning: TurnTuning): TurnLock {
  const { leaseMs, pollMs, nonces, keep } = tuning;
  const { clock } = connection;
  const channelPrefix = `${connection.prefix}turn:`;
  const notifier = new Notifier(redis, channelPrefix, clock);
  // A turn handed to a process that died while waiting lapses in this time (it takes the turn up in a round trip).
  const claimMs = Math.min(leaseMs, 1000);
  // While messages arrive, a waiter asks again only this often (a safety net: a lapsed lease sends none).
  const notifiedPollMs = pollMs * 8;
  const queueMs = Math.max(leaseMs, notifiedPollMs) * 3;
  const operation = nonces ? "taking a nonce and the key's turn" : 'taking the key lock';
  const line = new LocalLine();
  /** The nonces taken with the turns this process holds, by key, until used. */
  const held = new Map<string, string>();
  /** The turns that ended and are kept for a next request, by key. */
  const kept = new Map<string, Kept>();

  /** Ends a turn or a wait, without waiting: the lease runs out by itself if this never reaches Redis. */
  const end = (names: KeyNames, owner: string) => {
    evalScript(connection, {
      script: END_TURN,
      keys: names.releaseKeys,
      args: [owner, claimMs, channelPrefix],
      operation: "handing the key's turn on",
    }).then(
      () => undefined,
      () => undefined,
    );
  };

  const acquire = async (
    names: KeyNames,
    signal: AbortSignal | undefined,
    timeoutMs: number | undefined,
    ownTurn: string | undefined,
  ): Promise<Turn> => {
    const waiting = notifier.expect(ownTurn);
    const { owner } = waiting;
    // A kept turn is still this process's in Redis: whatever happens here, it must be ended.
    let queued = ownTurn !== undefined;
    try {
      for (;;) {
        waiting.reset();
        const sentAt = leaseNow(clock);
        const reply = await evalScript(connection, {
          script: TAKE_TURN,
          keys: names.turnKeys,
          args: [
            owner,
            leaseMs,
            queued && ownTurn === undefined ? '1' : '0',
            nonces ? '1' : '0',
            nonces ? nonceFloor(names.nonce) : 0,
            nonces ? Math.max(0, Math.floor(clock.now())) : 0,
            MAX_NONCE_AHEAD_MS,
            queueMs,
          ],
          operation,
          signal,
          requestTimeoutMs: timeoutMs,
          // Answered after the caller gave up: a turn taken is handed on at once, a place in the queue left.
          late: () => end(names, owner),
        });
        const taken = parseTake(reply, nonces);
        if (!taken) throw unexpectedReply(connection, operation);
        if (taken.acquired) {
          if (signal?.aborted) {
            end(names, owner);
            throw signal.reason;
          }
          if (taken.nonce !== undefined && taken.nonce !== NONCE_AHEAD) {
            noteNonce(names.nonce, Number(taken.nonce));
          }
          const lease = holdLease(connection, names.lock, owner, taken.fence, leaseMs, sentAt);
          return { lease, nonce: taken.nonce, waiting: taken.waiting };
        }
        queued = true;
        ownTurn = undefined;
        const most = waiting.notified ? notifiedPollMs : pollMs;
        await waiting.wait(taken.heldForMs > 0 ? Math.min(most, taken.heldForMs) : pollMs, signal);
      }
    } catch (error) {
      if (queued) end(names, owner);
      throw error;
    } finally {
      waiting.done();
    }
  };

  const runWithin = <T>(
    key: string,
    task: LockedTask<T>,
    signal?: AbortSignal,
    timeoutMs?: number,
  ): Promise<T> => {
    const names = connection.names(key);
    return line.run(
      key,
      async () => {
        const previous = kept.get(key);
        if (previous) {
          kept.delete(key);
          previous.cancel();
        }
        const turn = await acquire(names, signal, timeoutMs, previous?.owner);
        const again = previous !== undefined && turn.lease.owner === previous.owner;
        const streak = again ? previous.streak + 1 : 0;
        const since = again ? previous.since : leaseNow(clock);
        if (turn.nonce !== undefined) held.set(key, turn.nonce);
        try {
          return await task(turn.lease.fence, turn.lease.lost);
        } finally {
          held.delete(key);
          turn.lease.stop();
          const { owner } = turn.lease;
          const handOn =
            turn.waiting > 0 && (streak + 1 >= MAX_STREAK || leaseNow(clock) - since >= QUANTUM_MS);
          if (!keep || handOn || !successorQueued(key)) {
            end(names, owner);
          } else {
            const immediate = setImmediate(() => {
              if (kept.get(key)?.owner !== owner) return;
              kept.delete(key);
              end(names, owner);
            });
            kept.set(key, { owner, streak, since, cancel: () => clearImmediate(immediate) });
          }
        }
      },
      signal,
    );
  };

  const lock: TurnLock = {
    run: (key, task, signal) => runWithin(key, task, signal),
    runWithin,
    forKey(key: string): KeyLockOrder {
      checkKey(key);
      return { run: (task, signal) => runWithin(key, task, signal) };
    },
    takeNonce(key) {
      const nonce = held.get(key);
      if (nonce !== undefined) held.delete(key);
      return nonce;
    },
  };
  return lock;
}

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
