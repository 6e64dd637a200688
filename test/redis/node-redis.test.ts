import { createClient as createRedisClient, type RedisClientType } from 'redis';
import { afterAll, describe, expect, it } from 'vitest';
import { bitexbit, ConfigurationError, createClient, kiiex } from '../../src/index.js';
import {
  fromNodeRedis,
  RedisCoordinationError,
  redisCoordination,
  redisKeyLock,
  redisNonceSource,
} from '../../src/redis/index.js';
import { thrown } from '../support/leaks.js';
import { useSandboxes } from './sandboxes.js';
import {
  DrivenClock,
  deferred,
  freePort,
  settles,
  startRedisServer,
  uniqueKey,
  uniquePrefix,
  useRedis,
} from './support.js';

// node-redis (the `redis` package, 5.x) behind fromNodeRedis: the same cases as with ioredis, on a real Redis.
const redis = useRedis();
const opened: RedisClientType[] = [];
afterAll(() => {
  for (const client of opened) if (client.isOpen) client.destroy();
});

/** A connected node-redis client of `url` (closed after the file). */
async function nodeRedis(url = redis.url()): Promise<RedisClientType> {
  const client: RedisClientType = createRedisClient({ url });
  client.on('error', () => undefined);
  opened.push(client);
  await client.connect();
  return client;
}

const ORDER = { symbol: 'BTC_USD', type: 'buy-limit', price: '30000', amount: '0.001' } as const;
const CREATE = 'POST /api/v2/private/order/create';
const sandboxes = useSandboxes();

describe('fromNodeRedis(client)', () => {
  it('bitexbit: 2 members x 20 orders on one key: refusals 0, each executed once, nonces increasing', async () => {
    const prefix = uniquePrefix();
    const trade = sandboxes.bitexbit.addKey({ access: 'trade' });
    const clients = await Promise.all(
      [0, 1].map(async () =>
        createClient(bitexbit({ ...trade, baseURL: sandboxes.bitexbit.baseURL }), {
          rateLimit: false,
          coordination: redisCoordination(fromNodeRedis(await nodeRedis()), { prefix }),
        }),
      ),
    );
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => clients[i % 2]?.call('orders.create', { body: ORDER })),
    );
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    expect(sandboxes.bitexbit.executions(CREATE)).toBe(40);
    const seen = sandboxes.bitexbit.log.map((entry) => Number(entry.headers['x-nonce']));
    expect(seen.every((nonce, i) => i === 0 || nonce > (seen[i - 1] ?? 0))).toBe(true);
  });

  it('kiiex: 2 members, 10 concurrent calls: logins 1', async () => {
    const prefix = uniquePrefix();
    const credentials = sandboxes.alphapoint.addAccount({});
    const clients = await Promise.all(
      [0, 1].map(async () =>
        createClient(kiiex({ ...credentials, baseURL: sandboxes.alphapoint.baseURL }), {
          rateLimit: false,
          coordination: redisCoordination(fromNodeRedis(await nodeRedis()), { prefix }),
        }),
      ),
    );
    const positions = {
      method: 'POST',
      path: '/GetAccountPositions',
      body: sandboxes.alphapoint.accountIds(credentials.apiKey),
    } as const;
    await Promise.all(Array.from({ length: 10 }, (_, i) => clients[i % 2]?.request(positions)));
    expect(sandboxes.alphapoint.stats().logins).toBe(1);
  });

  it('a turn handed over wakes the waiter on its own node-redis connection: its clock never moves', async () => {
    const prefix = uniquePrefix();
    const key = uniqueKey();
    const clock = new DrivenClock();
    const holder = redisKeyLock(fromNodeRedis(await nodeRedis()), { prefix });
    const waiter = redisKeyLock(fromNodeRedis(await nodeRedis()), { prefix, clock });
    const held = deferred<number>();
    const finish = deferred();
    const first = holder.run(key, async (fence) => {
      held.resolve(fence);
      await finish.promise;
    });
    const fence = await held.promise;
    const next = waiter.run(key, async (nextFence) => nextFence);
    await settles(clock.sleepsAsked(2), 'the waiter to queue and listen');
    finish.resolve();
    await first;
    expect(await settles(next, 'the handoff to wake the waiter')).toBe(fence + 1);
  });

  it('Redis forgot its scripts (SCRIPT FLUSH): the next call sends the script again, the sequence goes on', async () => {
    const server = await startRedisServer();
    try {
      const client = await nodeRedis(server.url);
      const source = redisNonceSource(fromNodeRedis(client));
      const key = uniqueKey();
      const first = Number(await source.next(key, 1000));
      expect(Number(await source.next(key, 1000))).toBe(first + 1);
      await client.scriptFlush();
      expect(Number(await source.next(key, 1000))).toBe(first + 2);
    } finally {
      await server.stop();
    }
  });

  it('an unreachable Redis is a RedisCoordinationError naming the server from the client`s url, never its password', async () => {
    const port = await freePort();
    const client: RedisClientType = createRedisClient({
      url: `redis://:secret-password-1234@127.0.0.1:${port}`,
      socket: { reconnectStrategy: false },
      disableOfflineQueue: true,
    });
    client.on('error', () => undefined);
    const error = await thrown(() => redisNonceSource(fromNodeRedis(client)).next(uniqueKey(), 1));
    expect(error).toBeInstanceOf(RedisCoordinationError);
    expect(error).toMatchObject({ address: `127.0.0.1:${port}`, outcome: 'not-sent' });
    expect(JSON.stringify(error)).not.toContain('secret-password-1234');
  });

  it('refuses what is not a node-redis client, and a node-redis client passed without fromNodeRedis', async () => {
    expect(() => fromNodeRedis({} as never)).toThrow(ConfigurationError);
    const bare = await nodeRedis();
    const error = await thrown(() => redisCoordination(bare as never));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain('fromNodeRedis(client)');
  });
});
