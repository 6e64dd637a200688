import { keyRegistry, sequenceId } from '../core/registry.js';
import { type Connection, evalScript, integer } from './connection.js';
import type { KeyNames } from './keys.js';
import type { HeldLease } from './lease.js';
import { END_TURN, KEEP_TURN } from './turn-scripts.js';
import { leaseNow } from './wait.js';

/** How long a process keeps a key's turn with nothing of the key to send, when nobody waits (milliseconds). */
export const IDLE_MS = 5;
/**
 * How long Redis keeps the lock for a process that keeps the turn with nothing to send (milliseconds): what a
 * process that goes away then costs the fleet, once; far above {@link IDLE_MS}, so that the script of a request
 * that goes on with the turn reaches Redis before the lock lapses even when the process stalls on the way.
 */
export const LINGER_MS = 250;
/**
 * However the clock goes (a test's may never move), a turn kept with nothing to send goes on, and stays kept, no
 * longer than this by `performance.now()`: within {@link LINGER_MS}, with room for the script to reach Redis.
 */
export const IDLE_AT_MOST_MS = LINGER_MS / 2;

/** True when another request of `key` is queued behind the running one in this process's queue of the key. */
export function successorQueued(key: string): boolean {
  return (keyRegistry().orders.get(sequenceId('order', key))?.pending ?? 0) > 1;
}

/** What Redis last said of a turn this process holds, updated as its answers come in. */
export interface TurnState {
  /** How many processes wait for the key in Redis. */
  waiting: number;
  /** When the script behind Redis's last answer for this turn was sent (by {@link leaseNow}). */
  checkedAt: number;
  /** Scripts of this turn sent and not answered yet. */
  unanswered: number;
  /** False once Redis said the lock is no longer this turn's. */
  held: boolean;
  /** True while a timer will look at the turn kept with nothing to send. */
  idleArmed: boolean;
}

/** A key's turn this process holds: the lease, the nonce taken with it ('ahead' when the stored one was refused). */
export interface Turn {
  readonly lease: HeldLease;
  readonly nonce: string | undefined;
  readonly state: TurnState;
}

/** A turn kept with nothing queued: Redis was asked to keep the lock for a short while from then on. */
export interface Idle {
  /** When that was asked (by {@link leaseNow}): Redis keeps the lock from a later instant on. */
  readonly sentAt: number;
  /** The same instant by `performance.now()`, whatever the clock (a test's clock may never move). */
  readonly sentAtReally: number;
}

/**
 * A turn that ended and is kept for the process's next request of the key: queued already (handed on if that
 * request has not taken it up when the event loop turns), or not yet (`idle`: handed on after a short while).
 */
export interface Kept {
  readonly turn: Turn;
  readonly streak: number;
  /** When this process took the turn it keeps taking up (by {@link leaseNow}). */
  readonly since: number;
  /** The last nonce used on the turn. */
  readonly nonce: string | undefined;
  readonly idle: Idle | undefined;
  readonly cancel: () => void;
}

/** Ends a turn or a wait, without waiting: the lease runs out by itself if this never reaches Redis. */
export function endTurn(
  connection: Connection,
  names: KeyNames,
  owner: string,
  claimMs: number,
  channelPrefix: string,
): void {
  evalScript(connection, {
    script: END_TURN,
    keys: names.releaseKeys,
    args: [owner, claimMs, channelPrefix],
    operation: "handing the key's turn on",
  }).then(
    () => undefined,
    () => undefined,
  );
}

/** What {@link keepTurn} asks of Redis. */
export interface KeepRequest {
  /** The lock expires in this many milliseconds: a lease, or, for a turn kept with nothing to send, less. */
  readonly ms: number;
  /** True when `ms` is the whole lease (a request goes on with the turn). */
  readonly lease: boolean;
  /** The nonce to raise the stored one to. */
  readonly nonce?: string | undefined;
  /** Called when the answer says another process waits. */
  readonly onWaiting?: () => void;
}

/**
 * Keeps a turn without waiting for Redis: one script raises the stored nonce (when given) and sets the lock, while
 * it is still this turn's, to expire in `ms`; its answer says who waits, or ends the turn as lost. The lease counts
 * the shorter expiry from now, and a whole lease only once Redis said it holds (and only if it was not shortened
 * since: Redis applied that after).
 */
export function keepTurn(connection: Connection, names: KeyNames, turn: Turn, request: KeepRequest): void {
  const { state, lease } = turn;
  const sentAt = leaseNow(connection.clock);
  const shortenings = request.lease ? lease.shortenings() : lease.shorten(sentAt + request.ms);
  state.unanswered += 1;
  evalScript(connection, {
    script: KEEP_TURN,
    keys: names.keepKeys,
    args: [lease.owner, request.ms, request.nonce ?? '', lease.fence],
    operation: "keeping the key's turn",
  }).then(
    (reply) => {
      state.unanswered -= 1;
      const held = Array.isArray(reply) ? integer(reply[0]) : undefined;
      const waiting = Array.isArray(reply) ? integer(reply[1]) : undefined;
      if (held === 1 && waiting !== undefined) {
        if (request.lease) lease.extended(sentAt, shortenings);
        state.waiting = waiting;
        state.checkedAt = Math.max(state.checkedAt, sentAt);
        if (waiting > 0) request.onWaiting?.();
        return;
      }
      state.held = false;
      lease.lose('Redis no longer holds the turn for it');
    },
    // Not answered: the turn is not checked again by this, so it is taken again within the quantum.
    () => {
      state.unanswered -= 1;
    },
  );
}
