import { createHash } from 'node:crypto';
import { ConfigurationError } from '../core/errors.js';

/** The prefix of every key unless another is given. */
export const DEFAULT_PREFIX = 'exchange-auth:';

/** The longest `key` (a credential fingerprint) accepted. */
const MAX_KEY_LENGTH = 1000;

/** The Redis keys that hold one credential's shared state. */
export interface RedisKeyNames {
  /** The last nonce handed out (a string of digits). */
  readonly nonce: string;
  /** The arrival-order lock: the holder's random owner id, with a lease (PX). */
  readonly lock: string;
  /** The lock's fencing counter (INCR). */
  readonly fence: string;
  /** The processes waiting for the lock, oldest first: a sorted set of owner ids scored by Redis TIME. */
  readonly queue: string;
  /** The session: a hash of the sealed token and non-secret fields, expiring when idle. */
  readonly session: string;
  /** The fleet login lock: the logging-in process's owner id, with a lease. */
  readonly login: string;
  /** The login lock's fencing counter. */
  readonly loginFence: string;
  /** The rate limit's recent turns: a sorted set of random ids scored by Redis TIME (microseconds). */
  readonly rate: string;
  /** The clients that use the key: a hash of random holder ids to the end of their hold (Redis TIME, ms). */
  readonly holders: string;
  /** Set once the key was replaced: a hash of the key id that replaced it, never the key. */
  readonly replaced: string;
  /** Set by the one client of the fleet that releases the replaced key (logs its session out). */
  readonly retired: string;
}

/** The names of a key as the primitives use them: with the key lists of the turn scripts, built once. */
export interface KeyNames extends RedisKeyNames {
  /** lock, fence, queue, nonce: the keys of taking a turn. */
  readonly turnKeys: readonly string[];
  /** lock, queue: the keys of ending a turn or a wait. */
  readonly releaseKeys: readonly string[];
  /** lock, queue, nonce, fence: the keys of keeping a turn. */
  readonly keepKeys: readonly string[];
}

/** {@link redisKeys} with the key lists the scripts take. */
export function keyNames(key: string, prefix: string): KeyNames {
  const names = redisKeys(key, prefix);
  return {
    ...names,
    turnKeys: [names.lock, names.fence, names.queue, names.nonce],
    releaseKeys: [names.lock, names.queue],
    keepKeys: [names.lock, names.queue, names.nonce, names.fence],
  };
}

/**
 * The part of every Redis key that names one credential: a SHA-256 of the fingerprint, so not even the
 * fingerprint appears in Redis, and a credential passed by mistake as `key` would not either.
 */
function keyId(key: string): string {
  return createHash('sha256').update('exchange-auth/redis key\0').update(key).digest('hex').slice(0, 32);
}

/** Refuses a `key` that is not a non-empty string (the message never quotes it). */
export function checkKey(key: unknown): asserts key is string {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw new ConfigurationError(
      `redis: key must be a credential fingerprint, a non-empty string of at most ${MAX_KEY_LENGTH} characters`,
      { provider: 'redis', field: 'key' },
    );
  }
}

/**
 * The Redis keys of `key` (a credential fingerprint, such as `fingerprint(...)` gives) under `prefix`: each is
 * `<prefix>{<hash of key>}:<kind>`, so every key of one credential lies in one Redis Cluster slot. For operators
 * and tests; the primitives build them themselves.
 */
export function redisKeys(key: string, prefix: string = DEFAULT_PREFIX): RedisKeyNames {
  checkKey(key);
  const base = `${prefix}{${keyId(key)}}:`;
  return {
    nonce: `${base}nonce`,
    lock: `${base}lock`,
    fence: `${base}fence`,
    queue: `${base}queue`,
    session: `${base}session`,
    login: `${base}login`,
    loginFence: `${base}login-fence`,
    rate: `${base}rate`,
    holders: `${base}holders`,
    replaced: `${base}replaced`,
    retired: `${base}retired`,
  };
}
