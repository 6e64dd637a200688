import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bitexbit, createClient } from '../../src/index.js';
import { type RedisLike, redisCoordination, redisKeyLock } from '../../src/redis/index.js';
import { type BitexbitSandbox, startBitexbitSandbox } from '../../src/testing/index.js';
import { DrivenClock, deferred, settles, uniqueKey, uniquePrefix, useRedis } from '../redis/support.js';

// What a coordinated request costs in Redis, counted (never timed): the scripts a client sends, told apart by the
// keys they name, and which of their answers the request waits for.
const redis = useRedis();
const ORDER = { symbol: 'BTC_USD', type: 'buy-limit', price: '30000', amount: '0.001' } as const;
const CREATE = 'POST /api/v2/private/order/create';

let sandbox: BitexbitSandbox;
beforeEach(async () => {
  sandbox = await startBitexbitSandbox();
});
afterEach(() => sandbox.close());

type Kind = 'turn' | 'end' | 'nonce' | 'other';

/** Which script a call is, by the keys it names: the turn (with its nonce), the end of a turn, a nonce alone. */
function kindOf(keys: readonly string[]): Kind {
  if (keys.length === 4 && keys[0]?.endsWith(':lock') && keys[3]?.endsWith(':nonce')) return 'turn';
  if (keys.length === 2 && keys[0]?.endsWith(':lock') && keys[1]?.endsWith(':queue')) return 'end';
  if (keys.length === 1 && keys[0]?.endsWith(':nonce')) return 'nonce';
  return 'other';
}

/**
 * `client` as a {@link RedisLike} (EVAL and EVALSHA) that counts the scripts sent, by kind, and holds the answers
 * of `hold` (the script ran in Redis; only its answer waits) until `release()`.
 */
function counting(client: Redis, hold?: Kind) {
  const sent: Record<Kind, number> = { turn: 0, end: 0, nonce: 0, other: 0 };
  const held = deferred();
  const keep = <T>(kind: Kind, reply: Promise<T>): Promise<T> => {
    sent[kind] += 1;
    return kind === hold ? reply.then((value) => held.promise.then(() => value)) : reply;
  };
  const redisLike: RedisLike = {
    eval: (script, numKeys, ...rest) =>
      keep(kindOf(rest.slice(0, numKeys)), client.eval(script, numKeys, ...rest)),
    evalsha: (sha, numKeys, ...rest) =>
      keep(kindOf(rest.slice(0, numKeys)), client.evalsha(sha, numKeys, ...rest)),
  };
  return { redis: redisLike, sent, release: () => held.resolve() };
}

describe('a coordinated bitexbit request costs one round trip', () => {
  it('20 orders: 20 scripts that take the turn with its nonce, 0 nonce scripts of their own, 20 ends of a turn', async () => {
    const { redis: counted, sent } = counting(redis.connect());
    const client = createClient(
      bitexbit({ ...sandbox.addKey({ access: 'trade' }), baseURL: sandbox.baseURL }),
      {
        rateLimit: false,
        coordination: redisCoordination(counted, { prefix: uniquePrefix() }),
      },
    );
    for (let i = 0; i < 20; i += 1) await client.call('orders.create', { body: ORDER });
    expect(sandbox.executions(CREATE)).toBe(20);
    // 'other' is the one check at start.
    expect(sent).toEqual({ turn: 20, nonce: 0, end: 20, other: 1 });
  });

  it('no request waits for the end of its turn: 10 orders complete while Redis has answered none of their ends', async () => {
    const { redis: counted, sent, release } = counting(redis.connect(), 'end');
    const client = createClient(
      bitexbit({ ...sandbox.addKey({ access: 'trade' }), baseURL: sandbox.baseURL }),
      {
        rateLimit: false,
        coordination: redisCoordination(counted, { prefix: uniquePrefix() }),
      },
    );
    for (let i = 0; i < 10; i += 1) await client.call('orders.create', { body: ORDER });
    expect(sandbox.executions(CREATE)).toBe(10);
    expect(sent.end).toBe(10);
    release();
  });
});

describe('a turn handed to a waiting process', () => {
  it('wakes it without polling: its clock never moves, yet it runs as soon as the holder ends, with the next fence', async () => {
    const prefix = uniquePrefix();
    const key = uniqueKey();
    const clock = new DrivenClock();
    const holder = redisKeyLock(redis.connect(), { prefix });
    // The waiter's waits run on a clock the test never advances: only a handoff can wake it.
    const waiter = redisKeyLock(redis.connect(), { prefix, clock });
    const held = deferred<number>();
    const finish = deferred();
    const first = holder.run(key, async (fence) => {
      held.resolve(fence);
      await finish.promise;
    });
    const fence = await held.promise;
    const next = waiter.run(key, async (nextFence) => nextFence);
    // Refused once before it listens, once after (asleep on its clock each time): now it waits for a message.
    await settles(clock.sleepsAsked(2), 'the waiter to queue and listen');
    const start = clock.now();
    finish.resolve();
    await first;
    expect(await settles(next, 'the handoff to wake the waiter')).toBe(fence + 1);
    expect(clock.now()).toBe(start);
  });
});
