import type { Clock } from '../core/clock.js';

/**
 * What this module needs of a Redis client. Every operation is a small Lua script, so each is atomic on the
 * server: `eval` is the one required method. With `evalsha` too, each script is sent as its SHA-1 (and as text
 * only when Redis does not hold it yet); with `listen` (or an ioredis client, whose `duplicate()` gives one), a
 * process waiting for a key's turn is told when the turn is handed to it instead of asking again.
 *
 * An ioredis client (`new Redis(url)`, a `Cluster` too: every script touches keys of one hash slot) fits as it
 * is. A node-redis client fits through {@link fromNodeRedis}. Another client fits behind a few lines:
 *
 * ```ts
 * import type { RedisLike } from 'exchange-auth/redis';
 *
 * declare const client: { sendCommand(args: string[]): Promise<unknown> };
 * const redis: RedisLike = {
 *   eval: (script, numKeys, ...keysAndArgs) => client.sendCommand(['EVAL', script, String(numKeys), ...keysAndArgs]),
 *   evalsha: (sha, numKeys, ...keysAndArgs) => client.sendCommand(['EVALSHA', sha, String(numKeys), ...keysAndArgs]),
 * };
 * ```
 *
 * Replies are read as RESP2 gives them (integers, strings, arrays, `null`); keep a client on RESP2.
 */
export interface RedisLike {
  /** `EVAL script numKeys key... arg...`; resolves to the script's reply, rejects when Redis cannot run it. */
  eval(script: string, numKeys: number, ...keysAndArgs: string[]): Promise<unknown>;
  /**
   * Optional: `EVALSHA sha1 numKeys key... arg...`. When it rejects with Redis's `NOSCRIPT` error, the script is
   * sent once by `eval` (which loads it).
   */
  evalsha?(sha1: string, numKeys: number, ...keysAndArgs: string[]): Promise<unknown>;
  /**
   * Optional: subscribes `onMessage` to `channel` on a connection of its own (a connection that subscribed can
   * run no other command), resolving once Redis confirmed the subscription, to a function that ends it and
   * closes that connection; `onEnd`, if given, is called when the subscription ends by itself (the client was
   * closed). The connection should not keep the process alive (`unref`). An ioredis client needs none: its
   * `duplicate()` is used. Without either, a waiting process asks again every `pollMs`.
   */
  listen?(channel: string, onMessage: (message: string) => void, onEnd?: () => void): Promise<() => void>;
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
