import { keyRegistry, sequenceId } from '../core/registry.js';
import { type Connection, evalScript, unexpectedReply } from './connection.js';
import type { KeyLockOrder, LockedTask, RedisKeyLock } from './key-lock.js';
import { checkKey, type KeyNames } from './keys.js';
import { type HeldLease, holdLease } from './lease.js';
import { MAX_NONCE_AHEAD_MS, nonceFloor, noteNonce } from './nonce.js';
import { Notifier } from './notify.js';
import { END_TURN, NONCE_AHEAD, parseTake, RAISE_NONCE, TAKE_TURN } from './turn-scripts.js';
import type { RedisLike } from './types.js';
import { LocalLine, leaseNow } from './wait.js';

/** What a key's turn holds: the lease, the nonce taken with it ('ahead' when the stored one was refused). */
interface Turn {
  readonly lease: HeldLease;
  readonly nonce: string | undefined;
  /** How many processes wait for the key in Redis (as its last answer said). */
  readonly waiting: number;
  /** When Redis last answered for this turn (by {@link leaseNow}). */
  readonly checkedAt: number;
  /** Requests that went on with the turn since then, without a round trip. */
  readonly unchecked: number;
}

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
   * Keep a turn that ended when another request of the key is queued in this process (its own queue of the key,
   * in its registry): that request goes on with it, its lease and its nonce sequence, without a round trip (if it
   * has not started by the time the event loop turns, the turn is handed on), for up to {@link MAX_STREAK} requests or
   * {@link QUANTUM_MS} since Redis last answered (then one script takes the turn up again and says who waits). The
   * turn is handed on to another process only after that, or, while another process waits, once this process has
   * held the key for {@link QUANTUM_MS} or {@link MAX_STREAK} turns in a row.
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
  readonly turn: Turn;
  readonly streak: number;
  /** When this process took the turn it keeps taking up (by {@link leaseNow}). */
  readonly since: number;
  /** The last nonce used on the turn. */
  readonly nonce: string | undefined;
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
          return {
            lease,
            nonce: taken.nonce,
            waiting: taken.waiting,
            checkedAt: leaseNow(clock),
            unchecked: 0,
          };
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

  /** A kept turn that the next request may go on with, without asking Redis. */
  const goesOn = (previous: Kept, signal: AbortSignal | undefined): boolean =>
    !signal?.aborted &&
    !previous.turn.lease.lost.aborted &&
    previous.turn.unchecked + 1 < MAX_STREAK &&
    leaseNow(clock) - previous.turn.checkedAt < QUANTUM_MS &&
    (!nonces || (previous.nonce !== undefined && previous.nonce !== NONCE_AHEAD));

  /** The next nonce on a kept turn: after the turn's last and this process's last, at least now; raised in Redis. */
  const nextOnTurn = (names: KeyNames, last: string): string => {
    const value = Math.max(Number(last) + 1, nonceFloor(names.nonce) + 1, Math.floor(clock.now()));
    noteNonce(names.nonce, value);
    const nonce = String(value);
    evalScript(connection, {
      script: RAISE_NONCE,
      keys: [names.nonce],
      args: [nonce],
      operation: 'raising the stored nonce',
    }).then(
      () => undefined,
      () => undefined,
    );
    return nonce;
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
        let turn: Turn;
        if (previous && goesOn(previous, signal)) {
          const { turn: last } = previous;
          const nonce = nonces && previous.nonce ? nextOnTurn(names, previous.nonce) : undefined;
          turn = { ...last, nonce, unchecked: last.unchecked + 1 };
        } else {
          previous?.turn.lease.stop();
          turn = await acquire(names, signal, timeoutMs, previous?.turn.lease.owner);
        }
        const again = previous !== undefined && turn.lease.owner === previous.turn.lease.owner;
        const streak = again ? previous.streak + 1 : 0;
        const since = again ? previous.since : leaseNow(clock);
        if (turn.nonce !== undefined) held.set(key, turn.nonce);
        try {
          return await task(turn.lease.fence, turn.lease.lost);
        } finally {
          held.delete(key);
          const { owner } = turn.lease;
          const handOn =
            turn.waiting > 0 && (streak + 1 >= MAX_STREAK || leaseNow(clock) - since >= QUANTUM_MS);
          // With no request of the key queued, the end goes out now, before the caller hears back: a process that
          // disconnects or exits right after its last request must not leave the fleet waiting for its lease.
          if (!keep || handOn || turn.lease.lost.aborted || !successorQueued(key)) {
            turn.lease.stop();
            end(names, owner);
          } else {
            const immediate = setImmediate(() => {
              if (kept.get(key)?.turn !== turn) return;
              kept.delete(key);
              turn.lease.stop();
              end(names, owner);
            });
            kept.set(key, {
              turn,
              streak,
              since,
              nonce: turn.nonce,
              cancel: () => clearImmediate(immediate),
            });
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
