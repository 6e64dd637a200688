import { randomBytes } from 'node:crypto';
import { type Connection, evalScript, integer, unexpectedReply } from './connection.js';
import { RedisCoordinationError } from './errors.js';
import { script } from './scripts.js';
import { backgroundTimer, leaseNow } from './wait.js';

/** A lock held by this process, renewed in the background until it is stopped. */
export interface HeldLease {
  /** The fencing token: greater than that of every earlier holder of the lock. */
  readonly fence: number;
  /** The holder's random id, the lock's value in Redis while it holds it. */
  readonly owner: string;
  /**
   * Aborts if the lease ends before it is stopped (Redis unreachable for a whole lease, or the lock was taken
   * over): another process may hold the lock from then on. Its reason is a `RedisCoordinationError`
   * (`reason: 'lease-lost'`).
   */
  readonly lost: AbortSignal;
  /** Stops renewing (the caller frees the lock in Redis). Safe to call twice. */
  stop(): void;
  /** Ends the lease as lost (`lost` aborts): Redis said the lock is no longer this holder's. */
  lose(why: string): void;
  /**
   * A script sent now sets the lock to expire sooner, at `until` at the latest (by {@link leaseNow}): the lease
   * ends by then, and is not renewed, until {@link HeldLease.extended} says otherwise. Returns how many times the
   * lease was shortened so far.
   */
  shorten(until: number): number;
  /** How many times the lease was shortened so far. */
  shortenings(): number;
  /**
   * The lock was extended by a whole lease by a script sent at `from`, when the lease had been shortened `then`
   * times (Redis said so): renewed again from then on, unless it was shortened since (Redis applied that after).
   */
  extended(from: number, then: number): void;
}

/** A lock held by this process until `release()`, renewed in the background meanwhile. */
export interface Lease extends HeldLease {
  /** Stops renewing and frees the lock if this lease still holds it. Never rejects; safe to call twice. */
  release(): Promise<void>;
}

/** The two keys of a lock: its holder (with a lease) and its fencing counter. */
interface LockKeys {
  readonly lock: string;
  readonly fence: string;
}

/** Takes the lock for ARGV[1] when it is free: [1, fence]; else [0, milliseconds left on the holder's lease]. */
const ACQUIRE = script(`
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return {1, redis.call('INCR', KEYS[2])}
end
return {0, redis.call('PTTL', KEYS[1])}`);

/** Compare-and-extend: renews the lease only while ARGV[1] holds it. */
const EXTEND = script(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0`);

/** Compare-and-delete: frees the lock only while ARGV[1] holds it. */
const RELEASE = script(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`);

/** The outcome of one try: the lease, or how long the current holder's lease has left (0 when unknown). */
export type Attempt = { readonly lease: Lease } | { readonly heldForMs: number };

function parseAcquire(reply: unknown): { acquired: boolean; value: number } | undefined {
  if (!Array.isArray(reply) || reply.length !== 2) return undefined;
  const [flag, value] = reply.map(integer);
  if (flag === undefined || value === undefined) return undefined;
  return { acquired: flag === 1, value };
}

/** Frees the lock if `owner` holds it, ignoring every failure: the lease runs out by itself anyway. */
function releaseQuietly(connection: Connection, keys: LockKeys, owner: string): Promise<void> {
  return evalScript(connection, {
    script: RELEASE,
    keys: [keys.lock],
    args: [owner],
    operation: 'releasing a lock',
  }).then(
    () => undefined,
    () => undefined,
  );
}

/**
 * One try at a lock (the fleet's login lock). A reply that comes after the signal aborted (or the deadline
 * passed) and says the lock was taken frees it again at once, so a caller that gave up never blocks the others
 * for a lease.
 */
export async function tryLease(
  connection: Connection,
  keys: LockKeys,
  leaseMs: number,
  operation: string,
  signal: AbortSignal | undefined,
): Promise<Attempt> {
  const owner = randomBytes(16).toString('hex');
  const sentAt = leaseNow(connection.clock);
  const reply = await evalScript(connection, {
    script: ACQUIRE,
    keys: [keys.lock, keys.fence],
    args: [owner, leaseMs],
    operation,
    signal,
    late: (late) => {
      if (parseAcquire(late)?.acquired) void releaseQuietly(connection, keys, owner);
    },
  });
  const result = parseAcquire(reply);
  if (!result) throw unexpectedReply(connection, operation);
  if (!result.acquired) return { heldForMs: Math.max(0, result.value) };
  if (signal?.aborted) {
    await releaseQuietly(connection, keys, owner);
    throw signal.reason;
  }
  const held = holdLease(connection, keys.lock, owner, result.value, leaseMs, sentAt);
  let released: Promise<void> | undefined;
  return {
    lease: {
      fence: held.fence,
      owner,
      lost: held.lost,
      stop: held.stop,
      lose: held.lose,
      shorten: held.shorten,
      shortenings: held.shortenings,
      extended: held.extended,
      release() {
        if (!released) {
          held.stop();
          released = releaseQuietly(connection, keys, owner);
        }
        return released;
      },
    },
  };
}

/**
 * Keeps a lease alive: a compare-and-extend every third of the lease. The lease counts from when the last
 * successful command was sent (it cannot have started earlier on the server), so `lost` aborts no later than
 * the server lets the lock go. One timer at a time, on the connection's clock, wakes it for whichever comes
 * first: the next renewal or the lease's end.
 */
export function holdLease(
  connection: Connection,
  lock: string,
  owner: string,
  fence: number,
  leaseMs: number,
  sentAt: number,
): HeldLease {
  const { clock } = connection;
  const lost = new AbortController();
  const renewEvery = Math.max(1, Math.floor(leaseMs / 3));
  let expiresAt = sentAt + leaseMs;
  let renewAt = leaseNow(clock) + renewEvery;
  let ended = false;
  let extending = false;
  // Set to expire sooner by its holder (a turn kept with nothing to send): not renewed meanwhile.
  let shortened = false;
  let shortenCount = 0;
  let cancel: () => void = () => undefined;

  const stop = () => {
    if (ended) return;
    ended = true;
    cancel();
  };
  const lose = (why: string) => {
    if (ended) return;
    stop();
    lost.abort(
      new RedisCoordinationError(
        `redis: the lease on a lock ended before its task did (${why}); another process may hold it now`,
        { address: connection.address, reason: 'lease-lost' },
      ),
    );
  };
  const renew = () => {
    if (extending || shortened) return;
    extending = true;
    const start = leaseNow(clock);
    evalScript(connection, {
      script: EXTEND,
      keys: [lock],
      args: [owner, leaseMs],
      operation: 'renewing a lock',
    })
      .then(
        (reply) => {
          if (ended) return;
          if (integer(reply) !== 1) lose('another process took the lock');
          // Shortened since: Redis may have applied that after this, so the shorter end stands.
          else if (!shortened) expiresAt = Math.max(expiresAt, start + leaseMs);
        },
        // Redis unreachable or slow: keep trying until the lease runs out (the timer says so).
        () => undefined,
      )
      .finally(() => {
        extending = false;
      });
  };
  const wake = () => {
    if (ended) return;
    const now = leaseNow(clock);
    if (now >= expiresAt) {
      lose('not renewed in time');
      return;
    }
    // Every third of the lease, whether or not the last renewal has answered (one at a time is sent).
    if (now >= renewAt) {
      renewAt = now + renewEvery;
      renew();
    }
    schedule();
  };
  const schedule = () => {
    cancel = backgroundTimer(clock, Math.max(0, Math.min(renewAt, expiresAt) - leaseNow(clock)), wake);
  };
  const shorten = (until: number) => {
    shortenCount += 1;
    if (ended) return shortenCount;
    shortened = true;
    if (until < expiresAt) {
      expiresAt = until;
      cancel();
      schedule();
    }
    return shortenCount;
  };
  const extended = (from: number, then: number) => {
    if (ended || then !== shortenCount) return;
    shortened = false;
    expiresAt = Math.max(expiresAt, from + leaseMs);
  };
  schedule();
  return {
    fence,
    owner,
    lost: lost.signal,
    stop,
    lose,
    shorten,
    shortenings: () => shortenCount,
    extended,
  };
}
