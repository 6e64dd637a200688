import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BitexbitSandbox, startBitexbitSandbox } from '../../src/testing/index.js';
import { settles, uniquePrefix, useRedis } from '../redis/support.js';
import { member } from './support.js';

// Two real processes on one bitexbit key: one keeps the key's turn for a burst of orders, the other sends one
// signed balance read in the middle of it. Where that read arrives among the orders in the exchange's log is the
// independent record of when the second process was let in.
const redis = useRedis();
const CREATE = 'POST /api/v2/private/order/create';
const BALANCE = 'GET /api/v2/private/balance';
let exchange: BitexbitSandbox;
beforeEach(async () => {
  exchange = await startBitexbitSandbox();
});
afterEach(() => exchange.close());

describe('a process that keeps the turn lets a waiting one in', () => {
  it('a read sent during a burst of 200 orders from another process arrives before the burst ends', async () => {
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
    const mine = await settles(waiter.run('bitexbit:balance', 1), "the waiting process's read");
    expect(mine).toMatchObject({ ok: 1, errors: [] });
    expect(await settles(burst, 'the burst')).toMatchObject({ ok: 200, errors: [] });
    expect(exchange.executions(CREATE)).toBe(200);
    const routes = exchange.log.map((entry) => `${entry.method} ${entry.path}`);
    const ordersBefore = routes.slice(0, routes.indexOf(BALANCE)).filter((route) => route === CREATE).length;
    // The holder hands the key on within 32 more of its turns (or 20 ms) once it hears that another process
    // waits; the rest of the burst (over a hundred orders) comes after the read.
    expect(ordersBefore).toBeGreaterThanOrEqual(10);
    expect(ordersBefore).toBeLessThan(150);
  }, 60_000);
});
