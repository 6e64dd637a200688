/**
 * One key, one sequence across a fleet: the nonce, arrival order, session and rate limit of each credential
 * shared by every process through the user's own Redis client. Pass `redisCoordination(redis)` as a client's
 * `coordination` option (`import { redisCoordination } from 'exchange-auth/redis'`); the primitives it is made of
 * are exported too. ioredis fits as it is, node-redis through {@link fromNodeRedis}; any client fits behind
 * {@link RedisLike}.
 *
 * Every Redis key is `<prefix><hash of the credential fingerprint>:<kind>`; no credential is ever in a key or,
 * in clear, in a value. Every call is bounded by a deadline (`commandTimeoutMs`) and by the caller's signal; a
 * Redis that cannot answer gives a {@link RedisCoordinationError} (`outcome: 'not-sent'`).
 *
 * @packageDocumentation
 */

export { RedisCoordinationError, type RedisFailure } from './errors.js';
export {
  type KeyLockOrder,
  type LockedTask,
  type RedisKeyLock,
  type RedisKeyLockOptions,
  redisKeyLock,
} from './key-lock.js';
export { DEFAULT_PREFIX, type RedisKeyNames, redisKeys } from './keys.js';
export {
  fromNodeRedis,
  type NodeRedisLike,
  type NodeRedisScriptOptions,
  type NodeRedisSubscriber,
} from './node-redis.js';
export { type RedisNonceOptions, type RedisNonceSource, redisNonceSource } from './nonce.js';
export {
  type KeyRateTurn,
  type RedisRateGrant,
  type RedisRateLimit,
  type RedisRateLimitOptions,
  redisRateLimit,
} from './rate-limit.js';
export { type RedisCoordinationOptions, redisCoordination } from './redis-coordination.js';
export {
  type FleetLogin,
  type RedisSession,
  type RedisSessionStore,
  type RedisSessionStoreOptions,
  redisSessionStore,
} from './session-store.js';
export type { RedisConnectionOptions, RedisLike } from './types.js';
