import { systemClock } from '../core/clock.js';
import { type Connection, evalScript, unexpectedReply } from './connection.js';
import {
  endTurn,
  IDLE_AT_MOST_MS,
  IDLE_MS,
  type Idle,
  type Kept,
  keepTurn,
  LINGER_MS,
  successorQueued,
  type Turn,
} from './kept-turn.js';
import type { KeyLockOrder, LockedTask, RedisKeyLock } from './key-lock.js';
import { checkKey, type KeyNames } from './keys.js';
import { holdLease } from './lease.js';
import { MAX_NONCE_AHEAD_MS, nonceFloor, noteNonce } from './nonce.js';
import { Notifier } from './notify.js';
import { NONCE_AHEAD, parseTake, TAKE_TURN } from './turn-scripts.js';
import type { RedisLike } from './types.js';
import { backgroundTimer, LocalLine, leaseNow } from './wait.js';

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
   * Keep a turn that ended for the process's next request of the key, which goes on with it, its lease and its
   * nonce sequence, without waiting for Redis: one script it does not wait for raises the stored nonce, extends
   * the lock and says who waits. Kept when that request is queued already (if it has not started by the time the
   * event loop turns, the turn is handed on), or, with nothing queued and nobody waiting, for {@link IDLE_MS}
   * (Redis keeps the lock for {@link LINGER_MS} only, so a process that goes away leaves no more than that). A
   * turn goes on while Redis answered for it in the last {@link QUANTUM_MS} and fewer than {@link MAX_STREAK}
   * of its scripts are unanswered; else one script takes it again. While another process waits, the turn is
   * handed on at the end of a request that nothing queued follows, or once this process has held the key for
   * {@link QUANTUM_MS} or {@link MAX_STREAK} turns in a row.
   */
  readonly keep: boolean;
}

/** How many turns in a row a process takes up while another process waits for the key. */
const MAX_STREAK = 32;
/** How long a process keeps taking a key's turns up, in a row, while another process waits (milliseconds). */
const QUANTUM_MS = 20;
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

  const end = (names: KeyNames, owner: string) => endTurn(connection, names, owner, claimMs, channelPrefix);

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
          const state = {
            waiting: taken.waiting,
            checkedAt: sentAt,
            unanswered: 0,
            held: true,
            idleArmed: false,
          };
          return { lease, nonce: taken.nonce, state };
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

  /** A kept turn that the next request may go on with, without waiting for Redis. */
  const goesOn = (previous: Kept, signal: AbortSignal | undefined): boolean => {
    const { lease, state } = previous.turn;
    const now = leaseNow(clock);
    return (
      !signal?.aborted &&
      !lease.lost.aborted &&
      state.held &&
      state.unanswered + 1 < MAX_STREAK &&
      now - state.checkedAt < QUANTUM_MS &&
      (!nonces || (previous.nonce !== undefined && previous.nonce !== NONCE_AHEAD)) &&
      (previous.idle === undefined ||
        (now - previous.idle.sentAt < IDLE_MS &&
          performance.now() - previous.idle.sentAtReally < IDLE_AT_MOST_MS))
    );
  };

  /** The next nonce on a kept turn: after the turn's last and this process's last, at least now. */
  const nextOnTurn = (names: KeyNames, last: string): string => {
    const value = Math.max(Number(last) + 1, nonceFloor(names.nonce) + 1, Math.floor(clock.now()));
    noteNonce(names.nonce, value);
    return String(value);
  };

  /** Hands a turn kept with nothing to send on, once it has been idle for {@link IDLE_MS}; one timer a turn. */
  const watchIdle = (key: string, names: KeyNames, turn: Turn, after = IDLE_MS) => {
    if (turn.state.idleArmed) return;
    turn.state.idleArmed = true;
    backgroundTimer(clock, after, () => {
      turn.state.idleArmed = false;
      const idle = kept.get(key);
      // Taken up again (its next end watches it again), or already gone.
      if (idle?.turn.state !== turn.state || !idle.idle) return;
      const left = idle.idle.sentAt + IDLE_MS - leaseNow(clock);
      if (left > 0) {
        watchIdle(key, names, idle.turn, left);
        return;
      }
      handOnIdle(key, names, turn);
    });
  };

  /** On a clock of the caller's (which may never move), also after {@link IDLE_AT_MOST_MS} of real time. */
  const handOnReally = (key: string, names: KeyNames, turn: Turn, idle: Idle) => {
    const timer = setTimeout(() => {
      if (kept.get(key)?.idle === idle) handOnIdle(key, names, turn);
    }, IDLE_AT_MOST_MS);
    timer.unref();
  };

  /** Hands a turn kept with nothing to send on now, if it is still kept so. */
  const handOnIdle = (key: string, names: KeyNames, turn: Turn) => {
    const idle = kept.get(key);
    if (idle?.turn.state !== turn.state || !idle.idle) return;
    kept.delete(key);
    turn.lease.stop();
    end(names, turn.lease.owner);
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
          turn = previous.turn;
          const nonce = nonces && previous.nonce ? nextOnTurn(names, previous.nonce) : undefined;
          keepTurn(connection, names, turn, { ms: leaseMs, lease: true, nonce });
          turn = nonce === undefined ? turn : { ...turn, nonce };
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
          keepOrEnd(key, names, turn, streak, since);
        }
      },
      signal,
    );
  };

  /** At the end of a request: the turn kept for the next one, or handed on. */
  const keepOrEnd = (key: string, names: KeyNames, turn: Turn, streak: number, since: number) => {
    const { lease, state } = turn;
    const handOn = state.waiting > 0 && (streak + 1 >= MAX_STREAK || leaseNow(clock) - since >= QUANTUM_MS);
    const queued = successorQueued(key);
    if (!keep || handOn || lease.lost.aborted || !state.held || (!queued && state.waiting > 0)) {
      lease.stop();
      end(names, lease.owner);
      return;
    }
    const base = { turn, streak, since, nonce: turn.nonce };
    if (!queued) {
      // Sent now, before the caller hears back: a process that goes away right after its last request leaves the
      // fleet a lock of LINGER_MS, not a lease. Redis never hands the turn on for it, so the next request need
      // not wait for its answer; an answer that someone waits hands the turn on if it is still idle.
      const idle = { sentAt: leaseNow(clock), sentAtReally: performance.now() };
      keepTurn(connection, names, turn, {
        ms: Math.min(LINGER_MS, leaseMs),
        lease: false,
        onWaiting: () => handOnIdle(key, names, turn),
      });
      kept.set(key, { ...base, idle, cancel: () => undefined });
      watchIdle(key, names, turn);
      if (clock !== systemClock) handOnReally(key, names, turn, idle);
      return;
    }
    const immediate = setImmediate(() => {
      if (kept.get(key)?.turn !== turn) return;
      kept.delete(key);
      lease.stop();
      end(names, lease.owner);
    });
    kept.set(key, { ...base, idle: undefined, cancel: () => clearImmediate(immediate) });
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
