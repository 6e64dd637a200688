import { describe, expect, it } from 'vitest';
import { ConfigurationError, createNonceSource, type NonceSource } from '../../src/index.js';
import { redisKeys, redisNonceSource } from '../../src/redis/index.js';
import { inRedisOrder, strictlyIncreasing, watchEvals } from './monitor.js';
import { dump, uniqueKey, uniquePrefix, useRedis } from './support.js';

const redis = useRedis();

/** Forgets this process's last nonce of a key, as a process that never took one would start. */
function forgetLocal(name: string): void {
  const registry = (globalThis as Record<symbol, { fleetNonceFloors: Map<string, number> } | undefined>)[
    Symbol.for('exchange-auth/registry@0')
  ];
  if (!registry) throw new Error('the process registry is not installed');
  registry.fleetNonceFloors.delete(name);
}

describe('redisNonceSource', () => {
  it('is a NonceSource', () => {
    const source: NonceSource = redisNonceSource(redis.connect(), { prefix: uniquePrefix() });
    expect(typeof source.next).toBe('function');
    expect(typeof createNonceSource().next).toBe('function');
  });

  it('8 connections x 200 concurrent nonces: all distinct and strictly increasing in Redis issue order', async () => {
    const [watcher, ...clients] = redis.connections(9);
    await Promise.all(clients.map((client) => client.ping()));
    const prefix = uniquePrefix();
    const key = uniqueKey();
    const order = await watchEvals(watcher, redisKeys(key, prefix).nonce);
    const replies = new Map<string, number[]>();
    await Promise.all(
      clients.map(async (client) => {
        const source = redisNonceSource(client, { prefix, commandTimeoutMs: 15_000 });
        const received: number[] = [];
        replies.set(`127.0.0.1:${client.stream.localPort}`, received);
        await Promise.all(
          Array.from({ length: 200 }, () =>
            source.next(key, Date.now()).then((nonce) => received.push(Number(nonce))),
          ),
        );
      }),
    );
    const all = [...replies.values()].flat();
    expect(all).toHaveLength(1600);
    expect(new Set(all).size).toBe(1600);
    for (const received of replies.values()) expect(strictlyIncreasing(received)).toBe(true);
    const issued = inRedisOrder(await order.collect(1600), replies);
    expect(strictlyIncreasing(issued)).toBe(true);
    expect(Number(await clients[0].get(redisKeys(key, prefix).nonce))).toBe(Math.max(...all));
  });

  it('a process whose clock is 10 s behind still gets increasing nonces: the stored value wins', async () => {
    const [ahead, behind] = redis.connections(2);
    const prefix = uniquePrefix();
    const key = uniqueKey();
    const name = redisKeys(key, prefix).nonce;
    const onTime = redisNonceSource(ahead, { prefix });
    const late = redisNonceSource(behind, { prefix });
    const issued: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      issued.push(Number(await onTime.next(key, Date.now())));
      // The late process knows nothing of the others' nonces: only Redis does.
      forgetLocal(name);
      issued.push(Number(await late.next(key, Date.now() - 10_000)));
    }
    expect(strictlyIncreasing(issued)).toBe(true);
    // Concurrently too: the late clock never drags the sequence back.
    const mixed = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        (i % 2 === 0 ? onTime : late).next(key, Date.now() - (i % 2 === 0 ? 0 : 10_000)),
      ),
    );
    const values = mixed.map(Number);
    expect(new Set(values).size).toBe(100);
    expect(Math.min(...values)).toBeGreaterThan(Math.max(...issued));
  });

  it('uses now when it is ahead of the sequence: nonces are millisecond timestamps', async () => {
    const source = redisNonceSource(redis.connect(), { prefix: uniquePrefix() });
    const key = uniqueKey();
    const now = Date.now();
    expect(Number(await source.next(key, now))).toBe(now);
    expect(Number(await source.next(key, now))).toBe(now + 1);
    expect(Number(await source.next(key, now + 1000))).toBe(now + 1000);
  });

  it('keeps one sequence per key, under a key built from a hash of the fingerprint', async () => {
    const client = redis.connect();
    const prefix = uniquePrefix();
    const source = redisNonceSource(client, { prefix });
    const [a, b] = [uniqueKey(), uniqueKey()];
    await source.next(a, 1000);
    await source.next(a, 1000);
    expect(await source.next(b, 1000)).toBe('1000');
    const stored = await dump(client, prefix);
    expect([...stored.keys()].sort()).toEqual(
      [redisKeys(a, prefix).nonce, redisKeys(b, prefix).nonce].sort(),
    );
    for (const name of stored.keys()) {
      expect(name.startsWith(prefix)).toBe(true);
      expect(name).not.toContain(a);
      expect(name).not.toContain(a.slice(a.indexOf(':') + 1));
    }
  });

  it('uses the default prefix exchange-auth:', () => {
    expect(redisKeys('bitexbit:0123456789abcdef').nonce).toMatch(/^exchange-auth:\{[0-9a-f]{32}\}:nonce$/);
  });

  it('stops at once on a signal that already aborted, without asking Redis', async () => {
    let calls = 0;
    const counting = { eval: () => Promise.resolve(String(++calls)) };
    const reason = new Error('stop');
    await expect(redisNonceSource(counting).next('k', 1, AbortSignal.abort(reason))).rejects.toBe(reason);
    expect(calls).toBe(0);
  });

  it('refuses bad input with a ConfigurationError that names the field', () => {
    const client = redis.connect({ lazyConnect: true });
    const field = (action: () => unknown) => {
      try {
        action();
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigurationError);
        return (error as ConfigurationError).field;
      }
      throw new Error('expected a ConfigurationError');
    };
    expect(field(() => redisNonceSource({} as never))).toBe('redis');
    expect(field(() => redisNonceSource(client, { prefix: 'a{b}:' }))).toBe('prefix');
    expect(field(() => redisNonceSource(client, { commandTimeoutMs: 0 }))).toBe('commandTimeoutMs');
    expect(field(() => redisNonceSource(client, { prefx: 'x' } as never))).toBe('prefx');
    expect(field(() => redisKeys(''))).toBe('key');
  });

  it('rejects an empty key before any I/O', async () => {
    const source = redisNonceSource(redis.connect({ lazyConnect: true }));
    await expect(source.next('', Date.now())).rejects.toBeInstanceOf(ConfigurationError);
  });
});
