import type { Clock } from '../core/clock.js';

/**
 * The one Redis command this module sends: `EVAL`. Every operation is a small Lua script, so each is atomic on
 * the server and the adapter stays one method wide.
 *
 * An ioredis client (`new Redis(url)`, a `Cluster` too: every script touches keys of one hash slot) fits as it
 * is. Another client fits behind a few lines; node-redis 4 and 5, for instance:
 *
 * ```ts
 * import { createClient } from 'redis';
 * import type { RedisLike } from 'exchange-auth/redis';
 *
 * const client = await createClient({ url: process.env.REDIS_URL }).connect();
 * const redis: RedisLike = {
 *   eval: (script, numKeys, ...keysAndArgs) =>
 *     client.eval(script, {
 *       keys: keysAndArgs.slice(0, numKeys),
 *       arguments: keysAndArgs.slice(numKeys),
 *     }),
 * };
 * ```
 *
 * Replies are read as RESP2 gives them (integers, strings, arrays, `null`); keep a client on RESP2.
 */
export interface RedisLike {
  /** `EVAL script numKeys key... arg...`; resolves to the script's reply, rejects when Redis cannot run it. */
  eval(script: string, numKeys: number, ...keysAndArgs: string[]): Promise<unknown>;
}

/** Options every factory of `exchange-auth/redis` takes. */
export interface RedisConnectionOptions {
  /**
   * Put before every key this module writes. Default `exchange-auth:`. It may not contain `{` or `}` (the rest of
   * each key is a hash tag, so that one key's entries share a Redis Cluster slot).
   */
  prefix?: string;
  /**
   * How long one Redis command may take, in milliseconds, before the operation fails with a
   * {@link RedisCoordinationError} (`reason: 'deadline'`). Default 2000.
   */
  commandTimeoutMs?: number;
  /**
   * How errors name the server, such as `redis.internal:6379`. Default: read from an ioredis client's options
   * (host and port, or socket path); a user name or password in it is never printed.
   */
  address?: string;
  /**
   * Where this module gets time: the waits between tries (for another process's lock or login, or a rate-limit
   * turn) and their jitter, every deadline, and the renewal and expiry timers of a held lease. Default the
   * system clock; tests pass one they drive. What Redis stores keeps Redis's own time (a lease's expiry, the rate
   * limit's window, a session's idle lifetime), so a clock that does not follow real time is for tests only.
   */
  clock?: Clock;
}
