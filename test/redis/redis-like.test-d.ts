import type { Cluster, Redis } from 'ioredis';
import type { RedisClientType, RedisClusterType } from 'redis';
import { describe, expectTypeOf, it } from 'vitest';
import type { NonceSource, SessionStore } from '../../src/index.js';
import type {
  KeyLockOrder,
  NodeRedisLike,
  RedisKeyLock,
  RedisLike,
  RedisNonceSource,
  RedisRateLimit,
  RedisSessionStore,
} from '../../src/redis/index.js';

describe('the adapter types', () => {
  it('an ioredis client and cluster are RedisLike as they are', () => {
    expectTypeOf<Redis>().toExtend<RedisLike>();
    expectTypeOf<Cluster>().toExtend<RedisLike>();
  });

  it('a node-redis client and cluster fit fromNodeRedis as they are', () => {
    expectTypeOf<RedisClientType>().toExtend<NodeRedisLike>();
    expectTypeOf<RedisClusterType>().toExtend<NodeRedisLike>();
  });

  it('the primitives are the library`s interfaces', () => {
    expectTypeOf<RedisNonceSource>().toExtend<NonceSource>();
    expectTypeOf<RedisSessionStore>().toExtend<SessionStore>();
  });

  it('forKey gives the shapes of the registry`s per-key order and rate limit', () => {
    expectTypeOf<KeyLockOrder>().toExtend<{
      run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
    }>();
    expectTypeOf<ReturnType<RedisRateLimit['forKey']>>().toExtend<{
      acquire(signal?: AbortSignal): Promise<void>;
    }>();
    expectTypeOf<RedisKeyLock>().toExtend<{
      run(
        key: string,
        task: (fence: number, lost: AbortSignal) => Promise<string>,
        signal?: AbortSignal,
      ): Promise<string>;
    }>();
  });
});
