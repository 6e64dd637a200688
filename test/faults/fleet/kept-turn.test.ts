import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { bitexbit, createClient } from '../../../src/index.js';
import { type RedisLike, redisCoordination } from '../../../src/redis/index.js';
import { keyNames } from '../../../src/redis/keys.js';
import { END_TURN, KEEP_TURN, TAKE_TURN } from '../../../src/redis/turn-scripts.js';
import { startBitexbitSandbox } from '../../../src/testing/index.js';
import {
  DrivenClock,
  deferred,
  dump,
  settles,
  uniqueKey,
  uniquePrefix,
  useRedis,
} from '../../redis/support.js';

// A process keeps a key's turn without waiting for Redis (src/redis/kept-turn.ts). What may go wrong when a
// script of a kept turn is lost, comes late, or meets a clock that never moves, each pinned against what Redis
// itself holds or the number of scripts of each kind sent.

const redis = useRedis();
const ORDER = { symbol: 'BTC_USD', type: 'buy-limit', price: '30000', amount: '0.001' } as const;

type Args = readonly (string | number)[];
/** True for KEEP_TURN sent with a whole lease of `leaseMs` (a request that goes on with the turn). */
const keepsWholeLease = (numKeys: number, rest: Args, leaseMs: number) =>
  numKeys === 4 && String(rest[2]).endsWith(':nonce') && Number(rest[numKeys + 1]) === leaseMs;
/** True for the lease's own renewal (one key, the lock). */
const renews = (numKeys: number, rest: Args) => numKeys === 1 && String(rest[0]).endsWith(':lock');
const takes = (numKeys: number, rest: Args) => numKeys === 4 && String(rest[3]).endsWith(':nonce');

/** True for KEEP_TURN carrying a nonce (a request that goes on with the turn, not a turn kept idle). */
const keepsWithNonce = (numKeys: number, rest: Args) =>
  numKeys === 4 && String(rest[2]).endsWith(':nonce') && rest[numKeys + 2] !== '';

type Picks = (numKeys: number, rest: Args) => boolean;

/**
 * `client` as a RedisLike that counts renewals and turns taken, fails the scripts `drop` picks (they never reach
 * Redis), and holds the answers of those `hold` picks (they ran in Redis) until `release()`.
 */
function filtered(client: Redis, { drop, hold }: { drop?: Picks; hold?: Picks } = {}) {
  const seen = { renewals: 0, takes: 0 };
  const held = deferred();
  const through = <T>(numKeys: number, rest: Args, send: () => Promise<T>): Promise<T> => {
    if (renews(numKeys, rest)) seen.renewals += 1;
    if (takes(numKeys, rest)) seen.takes += 1;
    if (drop?.(numKeys, rest)) return Promise.reject(new Error('connection reset (test)'));
    const reply = send();
    return hold?.(numKeys, rest) ? reply.then((value) => held.promise.then(() => value)) : reply;
  };
  const redisLike: RedisLike = {
    eval: (script, numKeys, ...rest) => through(numKeys, rest, () => client.eval(script, numKeys, ...rest)),
    evalsha: (sha, numKeys, ...rest) => through(numKeys, rest, () => client.evalsha(sha, numKeys, ...rest)),
  };
  return { redis: redisLike, seen, release: () => held.resolve() };
}

describe('a turn kept without waiting for Redis', () => {
  it('1 request goes on with a turn kept idle and its keep script never lands: its lease ends as lost by the 250 ms Redis keeps the lock for, not the 10 s lease', async () => {
    const prefix = uniquePrefix();
    const key = uniqueKey();
    const clock = new DrivenClock();
    const { redis: lossy } = filtered(redis.connect(), {
      drop: (numKeys, rest) => keepsWholeLease(numKeys, rest, 10_000),
    });
    const coordination = redisCoordination(lossy, { prefix, clock, leaseMs: 10_000 });
    await coordination.order.run(key, async () => undefined);
    const taskLost = deferred<AbortSignal>();
    const finish = deferred();
    const second = coordination.order.run(key, async (lost) => {
      taskLost.resolve(lost);
      await finish.promise;
    });
    const lost = await taskLost.promise;
    const admin = redis.connect();
    const lock = [...(await dump(admin, prefix)).keys()].find((name) => name.endsWith(':lock'));
    // Redis lets the lock go within 250 ms of the idle keep: the lease must not last longer here.
    expect(await admin.pttl(lock ?? '')).toBeLessThanOrEqual(250);
    await clock.advance(249);
    expect(lost.aborted).toBe(false);
    await clock.advance(1);
    expect(lost.aborted).toBe(true);
    finish.resolve();
    await second;
  });

  it('a keep script that arrives after its turn was taken again (fence 1, then 2) changes 0 of the later turn: its lock keeps the whole lease', async () => {
    const prefix = uniquePrefix();
    const names = keyNames(uniqueKey(), prefix);
    const admin = redis.connect();
    const take = (owner: string) =>
      admin.eval(TAKE_TURN.text, 4, ...names.turnKeys, owner, 10_000, '0', '0', 0, 0, 0, 60_000);
    const first = (await take('aa.1')) as unknown[];
    const again = (await take('aa.1')) as unknown[];
    expect([first[1], again[1]]).toEqual([1, 2]);
    const late = await admin.eval(KEEP_TURN.text, 4, ...names.keepKeys, 'aa.1', 250, '', 1);
    expect(late).toEqual([0, 0]);
    expect(await admin.pttl(names.lock)).toBeGreaterThan(250);
  });

  it('a turn whose lock lapsed is handed to the 1 process waiting when its holder ends it, with a message, not left for the waiter to ask again', async () => {
    const prefix = uniquePrefix();
    const names = keyNames(uniqueKey(), prefix);
    const admin = redis.connect();
    const listener = redis.connect();
    const channel = `${prefix}turn:bb`;
    const message = new Promise<string>((resolve) => {
      listener.on('message', (_from: string, text: string) => resolve(text));
    });
    await listener.subscribe(channel);
    await admin.zadd(names.queue, 1, 'bb.1');
    // The holder 'aa.1' held the lock; it lapsed (absent): its end still hands it on.
    const answer = await admin.eval(END_TURN.text, 2, ...names.releaseKeys, 'aa.1', 1000, `${prefix}turn:`);
    expect(answer).toBe(2);
    expect(await admin.get(names.lock)).toBe('bb.1');
    expect(await settles(message, 'the handoff message')).toBe('bb.1');
  });

  it('a lease renewal due while the turn is kept idle is not sent: 0 renewals, so a process that goes away then leaves the shorter lock', async () => {
    const prefix = uniquePrefix();
    const key = uniqueKey();
    const clock = new DrivenClock();
    const { redis: counted, seen } = filtered(redis.connect());
    // A lease of 30 ms is renewed every 10 ms; each idle spell below lasts 4 ms (under the 5 ms kept idle).
    const coordination = redisCoordination(counted, { prefix, clock, leaseMs: 30 });
    await coordination.order.run(key, async () => undefined);
    await clock.advance(4);
    await coordination.order.run(key, async () => undefined);
    await clock.advance(4);
    await coordination.order.run(key, async () => undefined);
    // Idle since 8; the renewal falls due at 10.
    await clock.advance(3);
    expect(seen.takes).toBe(1);
    expect(seen.renewals).toBe(0);
  });

  it('a request`s keep answered only after its end kept the turn idle: the idle end stands, 0 renewals while idle', async () => {
    const prefix = uniquePrefix();
    const key = uniqueKey();
    const clock = new DrivenClock();
    // Holds the answers of the keeps that carry a nonce (a request going on with the turn), not the idle ones.
    const { redis: holding, seen, release } = filtered(redis.connect(), { hold: keepsWithNonce });
    // A lease of 30 ms is renewed every 10 ms; the turn is kept idle from 0, 4 and 8 on (each under 5 ms).
    const coordination = redisCoordination(holding, { prefix, clock, leaseMs: 30 });
    await coordination.order.run(key, async () => undefined);
    await clock.advance(4);
    await coordination.order.run(key, async () => undefined);
    await clock.advance(4);
    // Both requests that went on with the turn have their keeps (a whole lease) answered only now, after the
    // idle keep that followed each.
    await coordination.order.run(key, async () => undefined);
    const admin = redis.connect();
    await admin.ping();
    release();
    await admin.ping();
    await new Promise((resolve) => setImmediate(resolve));
    // Idle since 8; the renewal falls due at 10.
    await clock.advance(3);
    expect(seen.renewals).toBe(0);
  });
});

describe('a turn kept idle on clocks that never move', () => {
  it('1 process waits while another keeps the turn idle, neither clock moving: the waiter still gets it (handed on after at most 125 ms of real time)', async () => {
    const sandbox = await startBitexbitSandbox();
    try {
      const prefix = uniquePrefix();
      const credentials = { ...sandbox.addKey({ access: 'trade' }), baseURL: sandbox.baseURL };
      const clientOn = (clock: DrivenClock) =>
        createClient(bitexbit(credentials), {
          rateLimit: false,
          coordination: redisCoordination(redis.connect(), { prefix, clock }),
        });
      const holder = clientOn(new DrivenClock());
      const waiter = clientOn(new DrivenClock());
      await holder.call('orders.create', { body: ORDER });
      await settles(waiter.call('orders.create', { body: ORDER }), 'the waiter to get the turn');
      expect(sandbox.executions('POST /api/v2/private/order/create')).toBe(2);
    } finally {
      await sandbox.close();
    }
  });

  it('a holder whose clock never moves does not go on with a turn kept idle for more than 125 ms of real time: its next request takes the turn again (2 takes)', async () => {
    const prefix = uniquePrefix();
    const key = uniqueKey();
    const { redis: counted, seen } = filtered(redis.connect());
    const coordination = redisCoordination(counted, { prefix, clock: new DrivenClock() });
    await coordination.order.run(key, async () => undefined);
    await coordination.order.run(key, async () => undefined);
    expect(seen.takes).toBe(1);
    // Real time passes (Redis's 250 ms run on it); the holder's clock does not.
    await new Promise((resolve) => setTimeout(resolve, 150));
    await coordination.order.run(key, async () => undefined);
    expect(seen.takes).toBe(2);
  });
});
