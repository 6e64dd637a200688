import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisKeys, redisNonceSource } from '../../src/redis/index.js';
import { startRedisServer, type TestServer, uniqueKey, uniquePrefix } from './support.js';

// Redis losing its data, for real: FLUSHALL and a restart without persistence. These run on a redis-server of
// their own (never the shared REDIS_URL, whose other tests FLUSHALL would disturb).
let server: TestServer;
const clients: Redis[] = [];
beforeAll(async () => {
  server = await startRedisServer();
}, 30_000);
afterAll(async () => {
  for (const client of clients) client.disconnect();
  await server?.stop();
});

function connect(): Redis {
  const client = new Redis(server.url, { maxRetriesPerRequest: 50, retryStrategy: () => 50 });
  client.on('error', () => undefined);
  clients.push(client);
  return client;
}

describe('redisNonceSource when Redis loses its data', () => {
  it('after FLUSHALL no nonce goes backwards, from any source of the process', async () => {
    const [first, second, admin] = [connect(), connect(), connect()];
    const prefix = uniquePrefix();
    const key = uniqueKey();
    const a = redisNonceSource(first, { prefix });
    const b = redisNonceSource(second, { prefix });
    // Nonces taken while the clock read a minute ahead (or another process's clock was): after the flush, now
    // is far below them.
    const ahead = Date.now() + 60_000;
    const before: number[] = [];
    for (let i = 0; i < 20; i += 1) before.push(Number(await (i % 2 ? a : b).next(key, ahead)));
    const last = Math.max(...before);

    await admin.flushall();
    expect(await admin.get(redisKeys(key, prefix).nonce)).toBeNull();

    const after = [
      Number(await a.next(key, Date.now())),
      Number(await b.next(key, Date.now())),
      ...(await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).next(key, Date.now())))).map(
        Number,
      ),
    ];
    expect(Math.min(...after)).toBeGreaterThan(last);
    expect(new Set(after).size).toBe(after.length);
    expect(after[1]).toBeGreaterThan(after[0] ?? Number.POSITIVE_INFINITY);
  });

  it('after a restart without persistence the sequence goes on from where this process was', async () => {
    const client = connect();
    const prefix = uniquePrefix();
    const key = uniqueKey();
    const source = redisNonceSource(client, { prefix, commandTimeoutMs: 10_000 });
    const ahead = Date.now() + 60_000;
    let last = 0;
    for (let i = 0; i < 10; i += 1) last = Number(await source.next(key, ahead));

    await server.restart();

    const next = Number(await source.next(key, Date.now()));
    expect(next).toBe(last + 1);
    expect(Number(await client.get(redisKeys(key, prefix).nonce))).toBe(next);
  });
});
