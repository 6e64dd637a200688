import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BitexbitSandbox, startBitexbitSandbox } from '../../src/testing/index.js';
import { settles, uniquePrefix, useRedis } from '../redis/support.js';
import { member } from './support.js';

// Two real processes on one bitexbit key: one keeps the key's turn for a burst of orders, the other sends one
// order in the middle of it. The exchange's count of executed orders when the second process hears back is the
// independent record of when it was let in.
const redis = useRedis();
const CREATE = 'POST /api/v2/private/order/create';
let exchange: BitexbitSandbox;
beforeEach(async () => {
  exchange = await startBitexbitSandbox();
});
afterEach(() => exchange.close());

describe('a process that keeps the turn lets a waiting one in', () => {
  it('1 order sent during a burst of 200 from another process is executed before the burst ends', async () => {
    const shared = {
      flavour: 'esm',
      redisUrl: redis.url(),
      prefix: uniquePrefix(),
      coordination: { pollMs: 10 },
      clientOptions: { rateLimit: false },
      bitexbit: { credentials: exchange.addKey({ access: 'trade' }), baseURL: exchange.baseURL },
    } as const;
    const [holder, waiter] = await Promise.all([member(shared), member(shared)]);
    const burst = holder.run('bitexbit:order', 200);
    await settles(
      (async () => {
        while (exchange.executions(CREATE) < 10) await new Promise((resolve) => setImmediate(resolve));
      })(),
      'the burst to start',
    );
    const mine = await settles(waiter.run('bitexbit:order', 1), "the waiting process's order");
    const executedThen = exchange.executions(CREATE);
    expect(mine).toMatchObject({ ok: 1, errors: [] });
    expect(await settles(burst, 'the burst')).toMatchObject({ ok: 200, errors: [] });
    expect(exchange.executions(CREATE)).toBe(201);
    // The holder hands the key on after at most 32 more of its turns once it hears that another process waits;
    // the rest of the burst (over a hundred orders) comes after.
    expect(executedThen).toBeLessThan(150);
  }, 60_000);
});
