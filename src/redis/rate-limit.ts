import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  connect,
  connectionShape,
  evalScript,
  integer,
  parseRedisOptions,
  unexpectedReply,
} from './connection.js';
import { checkKey } from './keys.js';
import { REPLICATE_EFFECTS, script } from './scripts.js';
import type { RedisConnectionOptions, RedisLike } from './types.js';
import { pauseAtLeast } from './wait.js';

/** Options of {@link redisRateLimit}. */
export interface RedisRateLimitOptions extends RedisConnectionOptions {
  /** How many requests of one key may start in any one-second window, across the fleet. */
  perSecond: number;
}

/** When Redis granted a turn, by Redis's own clock (`TIME`), and how to end it. */
export interface RedisRateGrant {
  /** Whole seconds since the epoch. */
  readonly seconds: number;
  /** Microseconds within that second. */
  readonly microseconds: number;
  /**
   * The request this turn was for has ended (its answer arrived, or it failed): the turn's token comes back one
   * window from now rather than from the end of its hold. Never rejects; a turn not ended comes back one window
   * after its hold. Calling it for a turn without a hold changes nothing.
   */
  end(): Promise<void>;
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
   *
   * With `holdMs`, the turn counts as under way until `end()` is called (or `holdMs` passes), and its token
   * comes back one window after that: the exchange, which counts arrivals, then never sees more than the
   * limit, however late a request arrives after its grant.
   */
  acquire(key: string, signal?: AbortSignal, holdMs?: number): Promise<RedisRateGrant>;
  /** The limit of one key, as the library's registry holds a key's limiter. */
  forKey(key: string): KeyRateTurn;
}

/**
 * A bucket of `slots` tokens, timed by Redis's clock (TIME, microseconds). The sorted set holds one member per
 * recent turn, scored by when its token comes back less one window: its grant, or for a turn held for a request
 * under way, the end of its hold until `end()` lowers it to when the request ended. A turn is granted when fewer
 * than `slots` members are less than a window old. Replies [granted, wait ms, TIME seconds, TIME microseconds].
 */
const TAKE = script(`
${REPLICATE_EFFECTS}
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local slots = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local hold = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. string.format('%.0f', now - window))
if redis.call('ZCARD', KEYS[1]) >= slots then
  local oldest = tonumber(redis.call('ZRANGE', KEYS[1], -slots, -slots, 'WITHSCORES')[2])
  local wait = oldest + window - now
  if oldest > now then wait = 20000 end
  return {0, math.ceil(math.max(1000, math.min(wait, window)) / 1000), time[1], time[2]}
end
redis.call('ZADD', KEYS[1], string.format('%.0f', now + hold), ARGV[4])
redis.call('PEXPIRE', KEYS[1], math.ceil((window + hold) / 1000) + 1000)
return {1, 0, time[1], time[2]}`);

/** Ends a held turn: its score becomes now, if that is earlier (ZADD XX LT: never a member that is gone). */
const END = script(`
${REPLICATE_EFFECTS}
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
return redis.call('ZADD', KEYS[1], 'XX', 'LT', string.format('%.0f', now), ARGV[1])`);

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
    async acquire(key, signal, holdMs = 0) {
      const name = connection.names(key).rate;
      const hold = Number.isFinite(holdMs) && holdMs > 0 ? Math.ceil(holdMs * 1000) : 0;
      for (;;) {
        const member = randomBytes(8).toString('hex');
        const reply = await evalScript(connection, {
          script: TAKE,
          keys: [name],
          args: [slots, windowMicros, hold, member],
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
        if (granted === 1) {
          let ended: Promise<void> | undefined;
          const end = () => {
            ended ??= evalScript(connection, {
              script: END,
              keys: [name],
              args: [member],
              operation: 'ending a rate-limit turn',
            }).then(
              () => undefined,
              () => undefined,
            );
            return ended;
          };
          return { seconds, microseconds, end };
        }
        await pauseAtLeast(connection.clock, waitMs, signal);
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
