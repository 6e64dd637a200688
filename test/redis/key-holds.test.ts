import { describe, expect, it } from 'vitest';
import { redisCoordination, redisKeys } from '../../src/redis/index.js';
import { dump, uniqueKey, uniquePrefix, useRedis } from './support.js';

// The fleet's key holds on a real redis-server, each "process" on its own connection: the one release of a
// replaced key goes to exactly one client, and only once no live hold is left.
const redis = useRedis();

function holdsOf<N extends number>(prefix: string, n: N) {
  return redis.each(n, (client) => {
    const keys = redisCoordination(client, { prefix, keyCheckMs: 1000 }).keys;
    if (!keys) throw new Error('redisCoordination offers key holds');
    return keys;
  });
}

describe('redisCoordination(...).keys', () => {
  it('the last of 3 holders to leave gets the release, the others not; 8 leaving at once: exactly 1', async () => {
    const prefix = uniquePrefix();
    const key = uniqueKey();
    const [a, b, c] = holdsOf(prefix, 3);
    for (const [holds, id] of [
      [a, 'a'],
      [b, 'b'],
      [c, 'c'],
    ] as const)
      expect(await holds.hold(key, id)).toEqual({ replaced: false });
    expect(await a.leave(key, 'a')).toBe(false);
    expect(await b.leave(key, 'b')).toBe(false);
    expect(await c.leave(key, 'c')).toBe(true);
    // Released once: leaving again claims nothing.
    expect(await c.leave(key, 'c')).toBe(false);

    const other = uniqueKey();
    const eight = holdsOf(prefix, 8);
    await Promise.all(eight.map((holds, i) => holds.hold(other, `p${i}`)));
    const claims = await Promise.all(eight.map((holds, i) => holds.leave(other, `p${i}`)));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('a hold that ran out does not delay the release; a live one does; a key held again can be released again', async () => {
    const prefix = uniquePrefix();
    const key = uniqueKey();
    const [holds] = holdsOf(prefix, 1);
    const writer = redis.connect();
    const { holders } = redisKeys(key, prefix);
    // A process that died an hour ago (its hold's end is in the past by Redis's clock).
    const [seconds] = await writer.time();
    await writer.hset(holders, 'dead', String((Number(seconds) - 3600) * 1000));
    await holds.hold(key, 'me');
    expect(await holds.leave(key, 'me')).toBe(true);

    const again = uniqueKey();
    await writer.hset(redisKeys(again, prefix).holders, 'alive', String((Number(seconds) + 3600) * 1000));
    await holds.hold(again, 'me');
    expect(await holds.leave(again, 'me')).toBe(false);
    await writer.hdel(redisKeys(again, prefix).holders, 'alive');
    expect(await holds.leave(again, 'me')).toBe(true);
    // Held again after its release (the old key came back): its next release is claimed once more.
    await holds.hold(again, 'me');
    expect(await holds.leave(again, 'me')).toBe(true);
  });

  it('a replaced key is reported to its holders; Redis holds hashes only', async () => {
    const prefix = uniquePrefix();
    const key = `key-id-${uniqueKey()}`;
    const next = `key-id-${uniqueKey()}`;
    const [rotator, follower] = holdsOf(prefix, 2);
    expect(await follower.hold(key, 'f')).toEqual({ replaced: false });
    await rotator.replace(key, next);
    expect(await follower.hold(key, 'f')).toEqual({ replaced: true });
    expect(await follower.hold(next, 'f')).toEqual({ replaced: false });
    const text = [...(await dump(redis.connect(), prefix))].join('\n');
    expect(text).not.toContain(key);
    expect(text).not.toContain(next);
  });

  it('keyCheckMs is checked, naming the field', () => {
    const client = redis.connect();
    expect(() => redisCoordination(client, { keyCheckMs: 5 })).toThrow(
      expect.objectContaining({ field: 'keyCheckMs' }),
    );
    expect(() => redisCoordination(client, { keyCheckMs: 1.5 })).toThrow(/whole number/);
  });
});
