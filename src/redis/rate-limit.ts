import { z } from 'zod';
import {
  connect,
  connectionShape,
  evalScript,
  integer,
  parseRedisOptions,
  unexpectedReply,
} from './connection.js';
import { checkKey, redisKeys } from './keys.js';
import type { RedisConnectionOptions, RedisLike } from './types.js';
import { pauseAtLeast } from './wait.js';

/** Options of {@link redisRateLimit}. */
export interface RedisRateLimitOptions extends RedisConnectionOptions {
  /** How many requests of one key may start in any one-second window, across the fleet. */
  perSecond: number;
}

/** When Redis granted a turn, by Redis's own clock (`TIME`). */
export interface RedisRateGrant {
  /** Whole seconds since the epoch. */
  readonly seconds: number;
  /** Microseconds within that second. */
  readonly microseconds: number;
}

/** One key's limit, shaped like the library's in-process limiter (`acquire(signal)`). */
export interface KeyRateTurn {
  /** Resolves when this caller may send; rejects with the signal's reason as soon as it aborts. */
  acquire(signal?: AbortSignal): Promise<void>;
}

/** A rate limit per key, shared by every process on one Redis. */
export interface RedisRateLimit {
  /**
   * Resolves when this caller may send a request of `key`, with when Redis granted it; until then it sleeps the
   * wait Redis computed and asks again. Rejects with the signal's reason as soon as it aborts, and with a
   * `RedisCoordinationError` when Redis cannot be reached.
   */
  acquire(key: string, signal?: AbortSignal): Promise<RedisRateGrant>;
  /** The limit of one key, as the library's registry holds a key's limiter. */
  forKey(key: string): KeyRateTurn;
}

/**
 * A bucket of `slots` tokens whose every token comes back one window after it was taken, timed by Redis's clock
 * (TIME, microseconds): the list holds the grant times of the last `slots` turns, newest last. A turn is granted
 * when the bucket is not full, or its `slots`-th newest grant is a window old. Replies
 * [granted, wait ms, TIME seconds, TIME microseconds].
 */
const TAKE = `
if redis.replicate_commands then redis.replicate_commands() end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local slots = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
if redis.call('LLEN', KEYS[1]) >= slots then
  local oldest = tonumber(redis.call('LINDEX', KEYS[1], -slots))
  local wait = oldest + window - now
  if wait > 0 then
    return {0, math.ceil(math.min(wait, window) / 1000), time[1], time[2]}
  end
end
redis.call('RPUSH', KEYS[1], string.format('%.0f', now))
redis.call('LTRIM', KEYS[1], -slots, -1)
redis.call('PEXPIRE', KEYS[1], math.ceil(window / 1000) + 1000)
return {1, 0, time[1], time[2]}`;

const MAX_PER_SECOND = 10_000;

const schema = {
  ...connectionShape,
  perSecond: z
    .number({ error: 'perSecond must be a number of requests per second, such as 10' })
    .positive({ error: 'perSecond must be greater than 0' })
    .max(MAX_PER_SECOND, { error: `perSecond must be at most ${MAX_PER_SECOND}` })
    .refine(Number.isFinite, { error: 'perSecond must be a finite number' }),
};

/**
 * A fleet's rate limit: at most `perSecond` requests of one key start in any one-second window, across every
 * process on this Redis, by Redis's clock (the processes' clocks do not matter). A burst up to the limit goes at
 * once; the rest wait their turn.
 *
 * It is a token bucket of `ceil(perSecond)` tokens in which each token comes back one window after it was taken
 * (the window is a second, stretched to `ceil(perSecond) / perSecond` seconds for a fractional rate), the same
 * rule as the library's in-process limiter. A bucket refilled continuously would let up to twice the limit
 * through in one second (a full bucket, then the refill), which an exchange counting per second refuses.
 */
export function redisRateLimit(redis: RedisLike, options: RedisRateLimitOptions): RedisRateLimit {
  const parsed = parseRedisOptions('redisRateLimit', schema, options);
  const connection = connect('redisRateLimit', redis, parsed);
  const slots = Math.max(1, Math.ceil(parsed.perSecond));
  const windowMicros = Math.ceil((1_000_000 * slots) / parsed.perSecond);
  const operation = 'taking a rate-limit turn';

  const limit: RedisRateLimit = {
    async acquire(key, signal) {
      checkKey(key);
      const name = redisKeys(key, connection.prefix).rate;
      for (;;) {
        const reply = await evalScript(connection, {
          script: TAKE,
          keys: [name],
          args: [slots, windowMicros],
          operation,
          signal,
        });
        const [granted, waitMs, seconds, microseconds] = Array.isArray(reply) ? reply.map(integer) : [];
        if (
          granted === undefined ||
          waitMs === undefined ||
          seconds === undefined ||
          microseconds === undefined
        ) {
          throw unexpectedReply(connection, operation);
        }
        if (granted === 1) return { seconds, microseconds };
        await pauseAtLeast(waitMs, signal);
      }
    },
    forKey(key) {
      checkKey(key);
      return {
        acquire: async (signal) => {
          await limit.acquire(key, signal);
        },
      };
    },
  };
  return limit;
}
