import { once } from 'node:events';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { ExchangeAuthError, TransportError } from '../../src/index.js';
import {
  RedisCoordinationError,
  type RedisLike,
  redisKeyLock,
  redisKeys,
  redisNonceSource,
  redisRateLimit,
  redisSessionStore,
} from '../../src/redis/index.js';
import { everythingPrintable, thrown } from '../support/leaks.js';
import { DrivenClock, deferred, freePort, settles, uniqueKey, uniquePrefix, useRedis } from './support.js';

const redis = useRedis();
const PASSWORD = 'redis-password-9d8c7b6a';
const SECRET = 'api-secret-7f3c9a1e5b2d4c6f8a0b';
const opened: Redis[] = [];
afterAll(() => {
  for (const client of opened) client.disconnect();
});

/** A client of a port where nothing listens. */
async function nowhere(options: { failFast: boolean }): Promise<{ client: Redis; port: number }> {
  const port = await freePort();
  const client = new Redis(`redis://:${PASSWORD}@127.0.0.1:${port}`, {
    ...(options.failFast ? { enableOfflineQueue: false, retryStrategy: () => null } : {}),
    lazyConnect: options.failFast,
  });
  client.on('error', () => undefined);
  opened.push(client);
  return { client, port };
}

/** Every primitive's first Redis call, on `client`. */
function everyOperation(client: RedisLike, options: { commandTimeoutMs?: number; clock?: DrivenClock } = {}) {
  const key = uniqueKey();
  return {
    nonce: () => redisNonceSource(client, options).next(key, 1_800_000_000_000),
    lock: () => redisKeyLock(client, options).run(key, async () => 1),
    session: () => redisSessionStore(client, { secret: SECRET, ...options }).get(key),
    login: () =>
      redisSessionStore(client, { secret: SECRET, ...options }).loginOnce(key, async () => ({
        token: 'never-used-token',
        info: {},
        obtainedAt: 1,
      })),
    rate: () => redisRateLimit(client, { perSecond: 5, ...options }).acquire(key),
  };
}

function expectCoordinationError(error: unknown, port: number, reason: string): void {
  expect(error).toBeInstanceOf(RedisCoordinationError);
  expect(error).toBeInstanceOf(TransportError);
  expect(error).toBeInstanceOf(ExchangeAuthError);
  const coordination = error as RedisCoordinationError;
  expect(coordination.outcome).toBe('not-sent');
  expect(coordination.code).toBe('transport');
  expect(coordination.reason).toBe(reason);
  expect(coordination.address).toBe(`127.0.0.1:${port}`);
  expect(coordination.message).toContain(`Redis at 127.0.0.1:${port}`);
  const printable = everythingPrintable(error);
  expect(printable).not.toContain(PASSWORD);
  expect(printable).not.toContain(SECRET);
}

describe('Redis unreachable: a typed error naming the server, never a credential', () => {
  it('a client that fails at once: every primitive rejects with RedisCoordinationError (unreachable)', async () => {
    const { client, port } = await nowhere({ failFast: true });
    for (const [name, operation] of Object.entries(everyOperation(client))) {
      const error = await thrown(operation);
      expectCoordinationError(error, port, 'unreachable');
      expect((error as Error).message, name).toMatch(/is unreachable .*; the request was not sent$/);
    }
  });

  it('a client that queues and retries: the command deadline ends the wait (deadline)', async () => {
    const { client, port } = await nowhere({ failFast: false });
    // The deadline runs on a clock the test drives: each command waits, queued, until it moves 200 ms.
    const clock = new DrivenClock();
    let deadlines = 0;
    for (const operation of Object.values(everyOperation(client, { commandTimeoutMs: 200, clock }))) {
      let settled = false;
      const pending = thrown(operation).finally(() => {
        settled = true;
      });
      deadlines += 1;
      await settles(clock.timersSet(deadlines), 'the command to be sent, with its deadline');
      await clock.advance(199);
      expect(settled).toBe(false);
      await clock.advance(1);
      const error = await settles(pending, 'the deadline to end the command');
      expectCoordinationError(error, port, 'deadline');
      expect((error as Error).message).toContain('did not answer within 200 ms');
    }
  });

  it('a Redis that stops while in use gives the typed error; the same client recovers when it is back', async () => {
    const { startRedisServer } = await import('./support.js');
    const server = await startRedisServer();
    try {
      const client = new Redis(server.url, { maxRetriesPerRequest: 0, retryStrategy: () => 50 });
      client.on('error', () => undefined);
      opened.push(client);
      const source = redisNonceSource(client, { commandTimeoutMs: 1000 });
      const key = uniqueKey();
      // One instant for every call: after the restart only the source's own last value can keep it increasing.
      const now = 1_800_000_000_000;
      const before = Number(await source.next(key, now));
      await server.stop();
      const error = await thrown(() => source.next(key, now));
      expect(error).toBeInstanceOf(RedisCoordinationError);
      expect((error as RedisCoordinationError).address).toBe(`127.0.0.1:${server.port}`);
      await server.restart();
      if (client.status !== 'ready') await settles(once(client, 'ready'), 'the client to reconnect');
      expect(Number(await source.next(key, now))).toBeGreaterThan(before);
    } finally {
      await server.stop();
    }
  });

  it('an address given as a URL with a password prints without it', async () => {
    const failing: RedisLike = {
      eval: () => Promise.reject(Object.assign(new Error('x'), { code: 'ENOTFOUND' })),
    };
    const error = await thrown(() =>
      redisNonceSource(failing, { address: `redis://admin:${PASSWORD}@redis.internal:6379` }).next('k', 1),
    );
    expect((error as Error).message).toContain(
      'Redis at redis://redis.internal:6379 is unreachable (ENOTFOUND)',
    );
    expect(everythingPrintable(error)).not.toContain(PASSWORD);
  });
});

/** A Redis that never answers, and says when a command reaches it. */
function silentRedis(): { redis: RedisLike; sent: Promise<void> } {
  const sent = deferred();
  return {
    redis: {
      eval: () => {
        sent.resolve();
        return new Promise(() => undefined);
      },
    },
    sent: sent.promise,
  };
}

describe('every Redis call is raced against the deadline and the signal', () => {
  it('an abort during a command settles at once with the signal`s reason', async () => {
    for (const operation of ['nonce', 'session', 'rate', 'lock'] as const) {
      const controller = new AbortController();
      const key = uniqueKey();
      const { redis: silent, sent } = silentRedis();
      const pending: Promise<unknown> = {
        nonce: () => redisNonceSource(silent).next(key, 1, controller.signal),
        session: () => redisSessionStore(silent, { secret: SECRET }).get(key, controller.signal),
        rate: () => redisRateLimit(silent, { perSecond: 1 }).acquire(key, controller.signal),
        lock: () => redisKeyLock(silent).run(key, async () => 1, controller.signal),
      }[operation]();
      const reason = new Error(`stop ${operation}`);
      await settles(sent, `the ${operation} command to reach Redis`);
      controller.abort(reason);
      await expect(settles(pending, `the aborted ${operation} command`)).rejects.toBe(reason);
    }
  });

  it('a command that never answers ends at the deadline', async () => {
    const { redis: silent, sent } = silentRedis();
    const clock = new DrivenClock();
    let settled = false;
    const pending = thrown(() =>
      redisNonceSource(silent, { commandTimeoutMs: 50, clock }).next('k', 1),
    ).finally(() => {
      settled = true;
    });
    await settles(sent, 'the command to reach Redis');
    await clock.advance(49);
    expect(settled).toBe(false);
    await clock.advance(1);
    const error = await settles(pending, 'the deadline');
    expect((error as RedisCoordinationError).reason).toBe('deadline');
    expect((error as Error).message).toContain('unknown address (pass the address option)');
  });

  it('a lock granted after its caller gave up is freed at once, not held for a lease', async () => {
    const client = redis.connect();
    const prefix = uniquePrefix();
    const key = uniqueKey();
    // The first command (the acquire) reaches Redis only when the test lets it, after its deadline passed.
    const late = deferred();
    const sent = deferred();
    const released = deferred();
    let commands = 0;
    const slow: RedisLike = {
      eval: async (...args) => {
        commands += 1;
        const mine = commands;
        if (mine === 1) {
          sent.resolve();
          await late.promise;
        }
        const reply = await client.eval(...args);
        if (mine === 2) released.resolve();
        return reply;
      },
    };
    const clock = new DrivenClock();
    const running = thrown(() =>
      redisKeyLock(slow, { prefix, leaseMs: 60_000, commandTimeoutMs: 100, clock }).run(key, async () => 1),
    );
    await settles(sent.promise, 'the acquire to be sent');
    await clock.advance(100);
    const error = await settles(running, 'the deadline');
    expect((error as RedisCoordinationError).reason).toBe('deadline');
    late.resolve();
    // Redis grants the lock to the caller that gave up: it frees it at once, with its next command.
    await settles(released.promise, 'the late acquire and its release');
    expect(commands).toBe(2);
    expect(await client.exists(redisKeys(key, prefix).lock)).toBe(0);
    expect(await client.get(redisKeys(key, prefix).fence)).toBe('1');
  });

  it('a Redis error reply is a typed error that quotes only its code', async () => {
    const client = redis.connect();
    const prefix = uniquePrefix();
    const key = uniqueKey();
    await client.lpush(redisKeys(key, prefix).nonce, 'not a number');
    const error = await thrown(() => redisNonceSource(client, { prefix }).next(key, 1));
    expect(error).toBeInstanceOf(RedisCoordinationError);
    expect((error as RedisCoordinationError).reason).toBe('reply');
    expect((error as Error).message).toContain('refused the command (WRONGTYPE)');
    expect((error as Error).message).not.toContain('Operation against a key');
  });

  it('an unexpected reply (another program`s data under the prefix) is a typed error too', async () => {
    const odd: RedisLike = { eval: async () => ['what', 'is', 'this'] };
    const error = await thrown(() => redisRateLimit(odd, { perSecond: 1 }).acquire('k'));
    expect((error as RedisCoordinationError).reason).toBe('reply');
    expect((error as Error).message).toContain('unexpected reply');
  });
});
