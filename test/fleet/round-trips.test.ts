import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bitexbit, createClient } from '../../src/index.js';
import { type RedisLike, redisCoordination, redisKeyLock } from '../../src/redis/index.js';
import { type BitexbitSandbox, startBitexbitSandbox } from '../../src/testing/index.js';
import { DrivenClock, deferred, dump, settles, uniqueKey, uniquePrefix, useRedis } from '../redis/support.js';

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

type Kind = 'turn' | 'end' | 'keep' | 'nonce' | 'other';

/**
 * Which script a call is, by the keys it names: the turn taken (with its nonce), the end of a turn, a turn kept
 * (the lock's expiry set, and a nonce raised when one was used), a nonce alone.
 */
function kindOf(keys: readonly string[]): Kind {
  if (keys.length === 4 && keys[0]?.endsWith(':lock') && keys[3]?.endsWith(':nonce')) return 'turn';
  if (keys.length === 2 && keys[0]?.endsWith(':lock') && keys[1]?.endsWith(':queue')) return 'end';
  if (keys.length === 4 && keys[0]?.endsWith(':lock') && keys[2]?.endsWith(':nonce')) return 'keep';
  if (keys.length === 1 && keys[0]?.endsWith(':nonce')) return 'nonce';
  return 'other';
}

/**
 * `client` as a {@link RedisLike} (EVAL and EVALSHA) that counts the scripts sent, by kind, and holds the answers
 * of `hold` (the script ran in Redis; only its answer waits) until `release()`.
 */
function counting(client: Redis, hold?: Kind) {
  const sent: Record<Kind, number> = { turn: 0, end: 0, keep: 0, nonce: 0, other: 0 };
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

/** A bitexbit client coordinated through `counted`, on a clock the test never moves (a turn is never too old). */
function coordinatedClient(counted: RedisLike, prefix = uniquePrefix()) {
  return createClient(bitexbit({ ...sandbox.addKey({ access: 'trade' }), baseURL: sandbox.baseURL }), {
    rateLimit: false,
    coordination: redisCoordination(counted, { prefix, clock: new DrivenClock() }),
  });
}

const turnOfTheLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
const sentNonces = () => sandbox.log.map((entry) => Number(entry.headers['x-nonce']));

describe('a coordinated bitexbit request costs one round trip, or none on a kept turn', () => {
  it('20 orders one after another: 1 script takes the turn, the 19 others go on with it (39 keep scripts not waited for), 0 nonce scripts, 0 ends', async () => {
    const { redis: counted, sent } = counting(redis.connect());
    const client = coordinatedClient(counted);
    for (let i = 0; i < 20; i += 1) await client.call('orders.create', { body: ORDER });
    expect(sandbox.executions(CREATE)).toBe(20);
    // Each order after the first: its nonce and the lock's lease in one script; each order's end: the lock kept a
    // short while. The turn is never idle long enough on this clock (the test never moves it) to be handed on.
    // 'other' is the one check at start.
    expect(sent).toEqual({ turn: 1, keep: 39, nonce: 0, end: 0, other: 1 });
    const nonces = sentNonces();
    expect(nonces.every((nonce, i) => i === 0 || nonce > (nonces[i - 1] ?? 0))).toBe(true);
  });

  it('a process that goes away right after its last order leaves the fleet a lock of at most 250 ms: set before the caller hears back', async () => {
    const prefix = uniquePrefix();
    const connection = redis.connect();
    const { redis: counted, sent } = counting(connection);
    const client = coordinatedClient(counted, prefix);
    await client.call('orders.create', { body: ORDER });
    // No turn of the event loop since the answer: the script that shortens the lock went out with the request.
    expect(sent.keep).toBe(1);
    const lock = [...(await dump(connection, prefix)).keys()].find((name) => name.endsWith(':lock'));
    const left = await connection.pttl(lock ?? '');
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(250);
  });

  it('20 orders at once go on with one turn: 1 script takes it, 20 keep scripts (19 nonces raised and the last end), none waited for', async () => {
    const { redis: counted, sent, release } = counting(redis.connect(), 'keep');
    const client = coordinatedClient(counted);
    await Promise.all(Array.from({ length: 20 }, () => client.call('orders.create', { body: ORDER })));
    await turnOfTheLoop();
    expect(sandbox.executions(CREATE)).toBe(20);
    expect(sent).toEqual({ turn: 1, keep: 20, nonce: 0, end: 0, other: 1 });
    const nonces = sentNonces();
    expect(nonces.every((nonce, i) => i === 0 || nonce > (nonces[i - 1] ?? 0))).toBe(true);
    release();
  });

  it('a kept turn goes on while fewer than 32 of its scripts are unanswered: 70 orders at once, Redis answering none of them, 3 scripts take the turn', async () => {
    const { redis: counted, sent, release } = counting(redis.connect(), 'keep');
    const client = coordinatedClient(counted);
    await Promise.all(Array.from({ length: 70 }, () => client.call('orders.create', { body: ORDER })));
    await turnOfTheLoop();
    expect(sandbox.executions(CREATE)).toBe(70);
    // Taken, 31 go on; taken again, 31; taken again, 5; the last order's end keeps it.
    expect(sent).toEqual({ turn: 3, keep: 68, nonce: 0, end: 0, other: 1 });
    const nonces = sentNonces();
    expect(nonces.every((nonce, i) => i === 0 || nonce > (nonces[i - 1] ?? 0))).toBe(true);
    release();
  });

  it('whoever takes the turn next starts above every nonce sent on a kept turn: Redis holds the last one', async () => {
    const prefix = uniquePrefix();
    const connection = redis.connect();
    const client = coordinatedClient(connection, prefix);
    await Promise.all(Array.from({ length: 10 }, () => client.call('orders.create', { body: ORDER })));
    await turnOfTheLoop();
    const stored = await dump(connection, prefix);
    const nonceKeys = [...stored.keys()].filter((name) => name.endsWith(':nonce'));
    expect(nonceKeys).toHaveLength(1);
    expect(Number(stored.get(nonceKeys[0] ?? ''))).toBe(Math.max(...sentNonces()));
  });

  it('no request waits for Redis on a kept turn: 10 orders one after another complete while Redis has answered none of their 19 keep scripts', async () => {
    const { redis: counted, sent, release } = counting(redis.connect(), 'keep');
    const client = coordinatedClient(counted);
    for (let i = 0; i < 10; i += 1) await client.call('orders.create', { body: ORDER });
    expect(sandbox.executions(CREATE)).toBe(10);
    expect(sent.keep).toBe(19);
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

describe('a turn kept with nothing to send', () => {
  it('is handed to a process that waits once it has been idle for 5 ms on the holder`s clock; the waiter, whose clock never moves, is woken by the handoff', async () => {
    const prefix = uniquePrefix();
    const credentials = { ...sandbox.addKey({ access: 'trade' }), baseURL: sandbox.baseURL };
    const holderClock = new DrivenClock();
    const waiterClock = new DrivenClock();
    const clientOn = (clock: DrivenClock) =>
      createClient(bitexbit(credentials), {
        rateLimit: false,
        coordination: redisCoordination(redis.connect(), { prefix, clock }),
      });
    const holder = clientOn(holderClock);
    const waiter = clientOn(waiterClock);
    await holder.call('orders.create', { body: ORDER });
    const next = waiter.call('orders.create', { body: ORDER });
    // Refused once before it listens, once after: asleep on a clock that never moves, only a handoff wakes it.
    await settles(waiterClock.sleepsAsked(2), 'the waiter to queue and listen');
    expect(sandbox.executions(CREATE)).toBe(1);
    await holderClock.advance(5);
    await settles(next, 'the idle turn to be handed on');
    expect(sandbox.executions(CREATE)).toBe(2);
    const nonces = sentNonces();
    expect(nonces[1]).toBeGreaterThan(nonces[0] ?? 0);
  });
});
