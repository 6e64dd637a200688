import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/index.js';
import { type RedisRateGrant, redisKeys, redisRateLimit } from '../../src/redis/index.js';
import { DrivenClock, settles, uniqueKey, uniquePrefix, useRedis } from './support.js';

const redis = useRedis();
const micros = (grant: RedisRateGrant) => grant.seconds * 1_000_000 + grant.microseconds;

describe('redisRateLimit: one bucket per key for the fleet, timed by Redis', () => {
  it('4 connections x 10 callers at 10 per second: grants per Redis TIME second never exceed 10', async () => {
    const prefix = uniquePrefix();
    const key = uniqueKey();
    const limits = redis.each(4, (client) => redisRateLimit(client, { perSecond: 10, prefix }));
    const grants = await Promise.all(
      limits.flatMap((limit) => Array.from({ length: 10 }, () => limit.acquire(key))),
    );
    expect(grants).toHaveLength(40);
    const perSecond = new Map<number, number>();
    for (const grant of grants) perSecond.set(grant.seconds, (perSecond.get(grant.seconds) ?? 0) + 1);
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(10);
    // Stronger: any 11 consecutive grants span at least a second (no window of a second holds 11).
    const times = grants.map(micros).sort((a, b) => a - b);
    for (let i = 10; i < times.length; i += 1)
      expect((times[i] ?? 0) - (times[i - 10] ?? Number.POSITIVE_INFINITY)).toBeGreaterThanOrEqual(1_000_000);
    // A burst up to the limit goes at once.
    expect((times[9] ?? Number.POSITIVE_INFINITY) - (times[0] ?? 0)).toBeLessThan(1_000_000);
  });

  it('a fractional rate stretches the window: 2.5 per second is 3 in any 1.2 s', async () => {
    const prefix = uniquePrefix();
    const key = uniqueKey();
    const limit = redisRateLimit(redis.connect(), { perSecond: 2.5, prefix });
    const grants = await Promise.all(Array.from({ length: 6 }, () => limit.acquire(key)));
    const times = grants.map(micros).sort((a, b) => a - b);
    for (let i = 3; i < times.length; i += 1)
      expect((times[i] ?? 0) - (times[i - 3] ?? Number.POSITIVE_INFINITY)).toBeGreaterThanOrEqual(1_200_000);
  });

  it('keys are apart: another key has its own bucket', async () => {
    const limit = redisRateLimit(redis.connect(), { perSecond: 1, prefix: uniquePrefix() });
    const [a, b] = await Promise.all([limit.acquire(uniqueKey()), limit.acquire(uniqueKey())]);
    expect(Math.abs(micros(a) - micros(b))).toBeLessThan(1_000_000);
  });

  it('an abort while waiting for a turn settles at once, and takes no turn', async () => {
    const client = redis.connect();
    const prefix = uniquePrefix();
    const key = uniqueKey();
    // Its waits run on a clock the test drives: the waiter sleeps until the test moves it (never, here).
    const clock = new DrivenClock();
    const shared = redisRateLimit(client, { perSecond: 1, prefix, clock });
    const limit = shared.forKey(key);
    const first = await shared.acquire(key);
    const controller = new AbortController();
    const waiting = limit.acquire(controller.signal);
    // Redis refused the turn and said how long to wait (the window, a second): the caller now sleeps.
    await settles(clock.sleepsAsked(1), 'the caller to be refused a turn and wait');
    expect(clock.sleeps[0]).toBeGreaterThanOrEqual(1000);
    const reason = new Error('gave up');
    controller.abort(reason);
    const outcome = await settles(
      waiting.then(
        () => 'granted',
        (error: unknown) => (error === reason ? 'rejected with the reason' : 'rejected otherwise'),
      ),
      'the aborted caller to settle',
    );
    expect(outcome).toBe('rejected with the reason');
    expect(await client.zrange(redisKeys(key, prefix).rate, 0, -1, 'WITHSCORES')).toEqual([
      expect.stringMatching(/^[0-9a-f]{16}$/),
      String(micros(first)),
    ]);
  });

  it('stores only grant times under a key of the fingerprint`s hash, expiring once idle', async () => {
    const client = redis.connect();
    const prefix = uniquePrefix();
    const key = uniqueKey();
    await redisRateLimit(client, { perSecond: 5, prefix }).acquire(key);
    const name = redisKeys(key, prefix).rate;
    expect(await client.keys(`${prefix}*`)).toEqual([name]);
    expect(name).not.toContain(key.slice(key.indexOf(':') + 1));
    const ttl = await client.pttl(name);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(2000);
  });

  it('refuses a rate that is not a positive number', () => {
    const client = redis.connect({ lazyConnect: true });
    for (const perSecond of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, 1e9]) {
      expect(() => redisRateLimit(client, { perSecond })).toThrow(ConfigurationError);
    }
    expect(() => redisRateLimit(client, {} as never)).toThrow(/perSecond/);
  });
});
