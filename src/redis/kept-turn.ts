import { type Connection, evalScript, integer } from './connection.js';
import type { KeyNames } from './keys.js';
import type { HeldLease } from './lease.js';
import { END_TURN, KEEP_TURN } from './turn-scripts.js';
import { leaseNow } from './wait.js';

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

/** A turn kept with nothing queued: Redis was asked to keep the lock for a short while from `sentAt` on. */
export interface Idle {
  /** When that was sent (by {@link leaseNow}): Redis keeps the lock from a later instant on. */
  readonly sentAt: number;
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

/**
 * Keeps a turn without waiting for Redis: one script raises the stored nonce to `nonce` (when given) and sets the
 * lock, while it is still this turn's, to expire in `ms` (a lease for a request that goes on with the turn, or a
 * short while for a turn kept with nothing to send); its answer says who waits (passed to `onWaiting`), or ends
 * the turn as lost.
 */
export function keepTurn(
  connection: Connection,
  names: KeyNames,
  turn: Turn,
  ms: number,
  nonce: string | undefined,
  onWaiting?: () => void,
): void {
  const { state, lease } = turn;
  const sentAt = leaseNow(connection.clock);
  state.unanswered += 1;
  evalScript(connection, {
    script: KEEP_TURN,
    keys: names.resumeKeys,
    args: [lease.owner, ms, nonce ?? ''],
    operation: "keeping the key's turn",
  }).then(
    (reply) => {
      state.unanswered -= 1;
      const held = Array.isArray(reply) ? integer(reply[0]) : undefined;
      const waiting = Array.isArray(reply) ? integer(reply[1]) : undefined;
      if (held === 1 && waiting !== undefined) {
        state.waiting = waiting;
        state.checkedAt = Math.max(state.checkedAt, sentAt);
        if (waiting > 0) onWaiting?.();
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
