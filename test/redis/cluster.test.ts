import { describe, expect, it } from 'vitest';
import { bitexbit, createClient, kiiex } from '../../src/index.js';
import {
  redisCoordination,
  redisKeyLock,
  redisKeys,
  redisNonceSource,
  redisRateLimit,
} from '../../src/redis/index.js';
import { useRedisCluster } from './cluster.js';
import { useSandboxes } from './sandboxes.js';
import { DrivenClock, deferred, settles, uniqueKey, uniquePrefix } from './support.js';

// exchange-auth/redis on a real 3-node Redis Cluster, through ioredis's Cluster client: every script names keys
// of one hash slot (the credential's hash is the hash tag), so each runs on the node that owns that slot, and
// the keys of many credentials spread over every node.
const cluster = useRedisCluster();
const ORDER = { symbol: 'BTC_USD', type: 'buy-limit', price: '30000', amount: '0.001' } as const;
const CREATE = 'POST /api/v2/private/order/create';

const sandboxes = useSandboxes();

/** The node (host:port) that serves `slot`, from the cluster's own slot table. */
async function nodeOf(client: ReturnType<typeof cluster.connect>, slot: number): Promise<string> {
  const range = (await client.cluster('SLOTS')).find(([from, to]) => slot >= from && slot <= to);
  const primary = range?.[2];
  if (!primary) throw new Error(`no node serves slot ${slot}`);
  return `${primary[0]}:${primary[1]}`;
}

describe('on a 3-node Redis Cluster', () => {
  it('12 credentials: each one`s keys share one slot (Redis CLUSTER KEYSLOT), and they spread over the nodes', async () => {
    const client = cluster.connect();
    const prefix = uniquePrefix();
    const nodes = new Set<string>();
    for (let i = 0; i < 12; i += 1) {
      const slots = new Set<number>();
      for (const name of Object.values(redisKeys(uniqueKey(), prefix))) {
        slots.add(Number(await client.cluster('KEYSLOT', name)));
      }
      expect(slots.size).toBe(1);
      nodes.add(await nodeOf(client, [...slots][0] ?? -1));
    }
    expect(nodes.size).toBeGreaterThan(1);
  });

  it('bitexbit: 2 members x 3 keys x 10 orders: refusals 0, each executed once, nonces increasing per key', async () => {
    const prefix = uniquePrefix();
    const keys = [0, 1, 2].map(() => sandboxes.bitexbit.addKey({ access: 'trade' }));
    const members = [0, 1].map(() => redisCoordination(cluster.connect(), { prefix }));
    const clients = members.flatMap((coordination) =>
      keys.map((key) =>
        createClient(bitexbit({ ...key, baseURL: sandboxes.bitexbit.baseURL }), {
          rateLimit: false,
          coordination,
        }),
      ),
    );
    const results = await Promise.allSettled(
      clients.flatMap((client) =>
        Array.from({ length: 10 }, () => client.call('orders.create', { body: ORDER })),
      ),
    );
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    expect(sandboxes.bitexbit.executions(CREATE)).toBe(60);
    for (const key of keys) {
      const nonces = sandboxes.bitexbit.log
        .filter((entry) => entry.headers['x-api-key'] === key.accessKey)
        .map((entry) => Number(entry.headers['x-nonce']));
      expect(nonces).toHaveLength(20);
      expect(nonces.every((nonce, i) => i === 0 || nonce > (nonces[i - 1] ?? 0))).toBe(true);
    }
  });

  it('kiiex: 2 members, 10 concurrent calls: logins 1 (the session and the login lock live in the cluster)', async () => {
    const prefix = uniquePrefix();
    const credentials = sandboxes.alphapoint.addAccount({});
    const clients = [0, 1].map(() =>
      createClient(kiiex({ ...credentials, baseURL: sandboxes.alphapoint.baseURL }), {
        rateLimit: false,
        coordination: redisCoordination(cluster.connect(), { prefix }),
      }),
    );
    const positions = {
      method: 'POST',
      path: '/GetAccountPositions',
      body: sandboxes.alphapoint.accountIds(credentials.apiKey),
    } as const;
    await Promise.all(Array.from({ length: 10 }, (_, i) => clients[i % 2]?.request(positions)));
    expect(sandboxes.alphapoint.stats().logins).toBe(1);
  });

  it('nonces, the rate limit and the key lock of 6 keys on every node', async () => {
    const prefix = uniquePrefix();
    const [a, b] = [cluster.connect(), cluster.connect()];
    const keys = Array.from({ length: 6 }, () => uniqueKey());
    const nonces = [redisNonceSource(a, { prefix }), redisNonceSource(b, { prefix })];
    const limit = redisRateLimit(a, { perSecond: 100, prefix });
    const lock = redisKeyLock(b, { prefix });
    for (const key of keys) {
      const taken = await Promise.all(Array.from({ length: 20 }, (_, i) => nonces[i % 2]?.next(key, 1000)));
      expect(new Set(taken).size).toBe(20);
      await limit.acquire(key);
      expect(await lock.run(key, async (fence) => fence)).toBe(1);
    }
  });

  it('a turn handed over wakes the waiter through the cluster: its clock never moves', async () => {
    const prefix = uniquePrefix();
    const key = uniqueKey();
    const clock = new DrivenClock();
    const holder = redisKeyLock(cluster.connect(), { prefix });
    const waiter = redisKeyLock(cluster.connect(), { prefix, clock });
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
});
