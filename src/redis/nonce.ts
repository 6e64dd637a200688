import type { NonceSource } from '../core/nonce.js';
import { keyRegistry } from '../core/registry.js';
import {
  type Connection,
  connect,
  connectionShape,
  evalScript,
  integer,
  parseRedisOptions,
  unexpectedReply,
} from './connection.js';
import { RedisCoordinationError } from './errors.js';
import { script } from './scripts.js';
import type { RedisConnectionOptions, RedisLike } from './types.js';

/** Options of {@link redisNonceSource}. */
export interface RedisNonceOptions extends RedisConnectionOptions {}

/** A {@link NonceSource} shared by every process on one Redis. */
export interface RedisNonceSource extends NonceSource {
  /**
   * The next nonce for `key`: greater than every nonce handed out for that key by any process on this Redis, and
   * by this process before (even if Redis lost its data since). Rejects with a `RedisCoordinationError` when
   * Redis cannot answer within the command deadline, or with the signal's reason when it aborts first.
   */
  next(key: string, now: number, signal?: AbortSignal): Promise<string>;
}

/**
 * How far ahead of the caller's clock a stored nonce may be before it is refused. A nonce the fleet handed out
 * is at most a burst ahead of the clocks (bitexbit's 2 per second); one far ahead was written by something else
 * (someone with write access to Redis), and sending it would make the exchange refuse the key's every lower
 * nonce for as long, with or without Redis. A day, not less: a member whose clock stepped back (a host moved, a
 * VM resumed from a snapshot) is behind the fleet's nonces by as much, and must go on above them.
 */
export const MAX_NONCE_AHEAD_MS = 24 * 60 * 60 * 1000;

/**
 * new = max(stored + 1, the process's last + 1, now), kept and returned as a string of digits (exact up to 2^53,
 * where Lua's numbers stop being whole); `{'ahead'}`, writing nothing, when the stored nonce is more than ARGV[3]
 * ahead of now.
 */
const NEXT_NONCE = script(`
local stored = tonumber(redis.call('GET', KEYS[1])) or 0
local now = tonumber(ARGV[2])
if now > 0 and stored > now + tonumber(ARGV[3]) then return {'ahead'} end
local nonce = math.max(stored + 1, tonumber(ARGV[1]) + 1, now)
local text = string.format('%.0f', nonce)
redis.call('SET', KEYS[1], text)
return text`);

/** The stored nonce of a key, read without taking one. */
const STORED_NONCE = script(`return redis.call('GET', KEYS[1])`);

/** The fleet's last nonce for `key` (what Redis holds), for `client.inspect()`; `undefined` when none was taken. */
export async function storedNonce(
  connection: Connection,
  key: string,
  signal: AbortSignal | undefined,
  requestTimeoutMs?: number,
): Promise<string | undefined> {
  const reply = await evalScript(connection, {
    script: STORED_NONCE,
    keys: [connection.names(key).nonce],
    args: [],
    operation: 'reading the nonce',
    signal,
    requestTimeoutMs,
  });
  if (reply === null || reply === undefined) return undefined;
  const nonce = integer(reply);
  if (nonce === undefined) throw unexpectedReply(connection, 'reading the nonce');
  return String(nonce);
}

/** The stored nonce is far ahead of the clock: refused, nothing sent. */
export function nonceAheadError(connection: Connection): RedisCoordinationError {
  return new RedisCoordinationError(
    `redis: the nonce stored in Redis at ${connection.address} for this key is more than a day ahead of ` +
      'this clock: something other than this library wrote it. Nothing was sent. Check who can write to ' +
      'Redis, then delete the key\'s nonce (its name ends in ":nonce") or fix the clock',
    { address: connection.address, reason: 'nonce-ahead' },
  );
}

/** This process's last nonce of a key (by its Redis name), kept so a Redis that lost its data cannot go back. */
export function nonceFloor(name: string): number {
  return keyRegistry().fleetNonceFloors.get(name) ?? 0;
}

/** Remembers a nonce this process was handed, if it is its greatest for the key. */
export function noteNonce(name: string, nonce: number): void {
  const floors = keyRegistry().fleetNonceFloors;
  if (nonce > (floors.get(name) ?? 0)) floors.set(name, nonce);
}

/** One nonce for `key` by its own script (one round trip), bounded by the signal and the request's deadline. */
export async function nextNonce(
  connection: Connection,
  key: string,
  now: number,
  signal: AbortSignal | undefined,
  requestTimeoutMs?: number,
): Promise<string> {
  const name = connection.names(key).nonce;
  const reply = await evalScript(connection, {
    script: NEXT_NONCE,
    keys: [name],
    args: [nonceFloor(name), Number.isFinite(now) ? Math.max(0, Math.floor(now)) : 0, MAX_NONCE_AHEAD_MS],
    operation: 'taking a nonce',
    signal,
    requestTimeoutMs,
  });
  if (Array.isArray(reply)) throw nonceAheadError(connection);
  const nonce = integer(reply);
  if (nonce === undefined || nonce <= 0) throw unexpectedReply(connection, 'taking a nonce');
  noteNonce(name, nonce);
  return String(nonce);
}

/**
 * Nonces from Redis, strictly increasing per key across every process of a fleet, in the order Redis hands
 * them out, with one atomic script: `max(stored + 1, this process's last + 1, now)`.
 *
 * It never goes backwards: not when a process's clock is behind (the stored value wins), and not when Redis
 * restarts empty (this process's last nonce and `now` carry the sequence on). A process that starts after Redis
 * lost its data and whose clock is behind every nonce already used is the one case no source can cover: keep
 * clocks synchronised, or give Redis persistence.
 *
 * @param redis - The user's Redis client (ioredis, or any {@link RedisLike}).
 */
export function redisNonceSource(redis: RedisLike, options: RedisNonceOptions = {}): RedisNonceSource {
  const parsed = parseRedisOptions('redisNonceSource', connectionShape, options);
  const connection = connect('redisNonceSource', redis, parsed);
  return {
    next: (key: string, now: number, signal?: AbortSignal): Promise<string> =>
      nextNonce(connection, key, now, signal),
  };
}
