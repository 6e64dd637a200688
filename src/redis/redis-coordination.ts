import { z } from 'zod';
import type {
  Coordination,
  SharedSession,
  SharedSessionOptions,
  SharedSessions,
} from '../core/coordination.js';
import { connect, connectionShape, evalScript, parseRedisOptions } from './connection.js';
import { RedisCoordinationError } from './errors.js';
import { redisKeyHolds } from './key-holds.js';
import { redisKeyLock } from './key-lock.js';
import { nextNonce, nonceAheadError, nonceFloor, storedNonce } from './nonce.js';
import { type RedisRateLimit, redisRateLimit } from './rate-limit.js';
import { PING } from './scripts.js';
import { boundedSessionStore, redisSessionStore } from './session-store.js';
import { turnLock } from './turn-lock.js';
import { NONCE_AHEAD } from './turn-scripts.js';
import type { RedisConnectionOptions, RedisLike } from './types.js';

/** Options of {@link redisCoordination}. */
export interface RedisCoordinationOptions extends RedisConnectionOptions {
  /**
   * What a client does when Redis does not answer its first request: `'error'` (the default) fails that request
   * with a {@link RedisCoordinationError} naming the server, and the next request tries again; `'in-process'`
   * logs a warning and coordinates that client in its own process for the rest of its life (one sequence per
   * key for the process, not for the fleet: use it only where one process per key is acceptable).
   */
  onUnavailable?: 'error' | 'in-process';
  /**
   * How long a key's turn (the arrival-order lock) stays held by a process that stops renewing it (it was
   * killed, or lost Redis), in milliseconds. A live holder renews every third of it. Default 10000; at least 30.
   */
  leaseMs?: number;
  /** How long the fleet's login lock stays held by a process that died while logging in. Default 15000. */
  loginLeaseMs?: number;
  /** How often a process waiting for the key's turn or for another's login asks again, in milliseconds. Default 25. */
  pollMs?: number;
  /**
   * How often a client with a `credentials` source renews its hold on its key and asks whether another process
   * replaced the key (it then reads its source at once), in milliseconds. A hold lasts three of these (at least
   * 30 s): a process that died stops holding the key after that. Default 5000; from 10 to 3,600,000. See docs/fleet.md.
   */
  keyCheckMs?: number;
}

const schema = {
  ...connectionShape,
  onUnavailable: z
    .enum(['error', 'in-process'], { error: "onUnavailable must be 'error' or 'in-process'" })
    .optional(),
  leaseMs: z.number().optional(),
  loginLeaseMs: z.number().optional(),
  pollMs: z.number().optional(),
  keyCheckMs: z
    .number({ error: 'keyCheckMs must be a number of milliseconds' })
    .int({ error: 'keyCheckMs must be a whole number of milliseconds' })
    .min(10, { error: 'keyCheckMs must be at least 10' })
    .max(3_600_000, { error: 'keyCheckMs must be at most 3,600,000 (an hour)' })
    .optional(),
};

/** The shared part of every primitive's options (each checks its own further). */
type Base = Pick<RedisConnectionOptions, 'prefix' | 'commandTimeoutMs' | 'address' | 'clock'>;

/**
 * Coordination for a fleet on the user's own Redis client: pass it to every client of every process,
 * `createClient(provider, { coordination: redisCoordination(redis) })`, and each key's nonces
 * ({@link redisNonceSource}), arrival order ({@link redisKeyLock}), session ({@link redisSessionStore}, sealed with
 * a key derived from the credentials' secrets) and rate limit ({@link redisRateLimit}) are the fleet's.
 *
 * Every Redis call is bounded by `commandTimeoutMs`, by what is left of the request's deadline and by its abort
 * signal; a failure is a {@link RedisCoordinationError} (`outcome: 'not-sent'`): nothing was signed or sent, so the
 * client's retry rules may try again.
 *
 * @param redis - The user's Redis client (ioredis, or any {@link RedisLike}).
 */
export function redisCoordination(redis: RedisLike, options: RedisCoordinationOptions = {}): Coordination {
  const parsed = parseRedisOptions('redisCoordination', schema, options);
  const connection = connect('redisCoordination', redis, parsed);
  const base: Base = {
    prefix: connection.prefix,
    commandTimeoutMs: connection.timeoutMs,
    address: connection.address,
    clock: connection.clock,
  };
  const { address } = connection;
  const lockTuning = {
    ...(parsed.leaseMs === undefined ? {} : { leaseMs: parsed.leaseMs }),
    ...(parsed.pollMs === undefined ? {} : { pollMs: parsed.pollMs }),
  };
  // Checked now, with the lock's own messages.
  redisKeyLock(redis, { ...base, ...lockTuning });
  // The key's turn and its nonce are taken by one script: a bitexbit request costs one round trip.
  const turns = turnLock(redis, connection, {
    leaseMs: parsed.leaseMs ?? 10_000,
    pollMs: parsed.pollMs ?? 25,
    nonces: true,
    keep: true,
  });
  const limits = new Map<number, RedisRateLimit>();
  // Checked now, so a bad value fails here rather than at the first login.
  const sessionTuning = {
    ...(parsed.loginLeaseMs === undefined ? {} : { loginLeaseMs: parsed.loginLeaseMs }),
    ...(parsed.pollMs === undefined ? {} : { pollMs: parsed.pollMs }),
  };
  redisSessionStore(redis, { ...base, ...sessionTuning, secret: 'a secret long enough to check options' });

  const keys = redisKeyHolds(connection, parsed.keyCheckMs ?? 5000);

  return {
    name: 'redis',
    keys,
    async start(bounds) {
      try {
        await evalScript(connection, {
          script: PING,
          keys: [],
          args: [],
          operation: 'checking Redis at start',
          signal: bounds?.signal,
          timeoutMs: Math.min(connection.timeoutMs, bounds?.timeoutMs ?? connection.timeoutMs),
        });
        return 'shared';
      } catch (error) {
        if (!(error instanceof RedisCoordinationError)) throw error;
        if (parsed.onUnavailable === 'in-process') return 'in-process';
        throw new RedisCoordinationError(
          `redis: Redis at ${address} does not answer (${error.reason}${error.networkCode ? `, ${error.networkCode}` : ''}), so this client cannot coordinate with its fleet; the request was not sent. Start Redis, or pass onUnavailable: 'in-process' to redisCoordination to coordinate in this process only`,
          { address, reason: error.reason, networkCode: error.networkCode },
        );
      }
    },
    nonces: {
      next(key, now, bounds) {
        // The nonce taken with the key's turn, when this process holds it: no round trip of its own.
        const taken = turns.takeNonce(key);
        if (taken === undefined) return nextNonce(connection, key, now, bounds?.signal, bounds?.timeoutMs);
        if (bounds?.signal?.aborted) return Promise.reject(bounds.signal.reason);
        if (taken === NONCE_AHEAD) return Promise.reject(nonceAheadError(connection));
        return Promise.resolve(taken);
      },
      last: (key, bounds) => storedNonce(connection, key, bounds?.signal, bounds?.timeoutMs),
      lastHere(key) {
        const floor = nonceFloor(connection.names(key).nonce);
        return floor > 0 ? String(floor) : undefined;
      },
    },
    order: {
      run: (key, task, bounds) =>
        turns.runWithin(key, (_fence, lost) => task(lost), bounds?.signal, bounds?.timeoutMs),
    },
    rateLimit(perSecond) {
      let limit = limits.get(perSecond);
      if (!limit) {
        limit = redisRateLimit(redis, { ...base, perSecond });
        limits.set(perSecond, limit);
      }
      const used = limit;
      return {
        acquire: async (key, bounds) => {
          // Held until the request ends, at most its deadline: a request cannot arrive after that.
          const grant = await used.acquire(key, bounds?.signal, bounds?.timeoutMs);
          return () => {
            void grant.end();
          };
        },
      };
    },
    sessions({ secret, idleLifetimeMs }: SharedSessionOptions): SharedSessions {
      const store = boundedSessionStore(redis, { ...base, ...sessionTuning, secret, idleLifetimeMs });
      return {
        get: (key, bounds): Promise<SharedSession | undefined> =>
          store.getWithin(key, bounds?.signal, bounds?.timeoutMs),
        delete: (key, token, bounds) => store.deleteWithin(key, token, bounds?.signal, bounds?.timeoutMs),
        loginOnce: (key, login, bounds) => store.loginOnce(key, login, bounds?.signal),
      };
    },
  };
}
