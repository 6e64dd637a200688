import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type AlphaPointSandbox,
  type BitexbitSandbox,
  startAlphaPointSandbox,
  startBitexbitSandbox,
} from '../../src/testing/index.js';
import { type Front, startFront } from '../faults/shared/front.js';
import { settles, startRedisServer, uniquePrefix, useRedis } from '../redis/support.js';
import { fleet, type MemberConfig, member, mostWithin, strictlyIncreasing, total } from './support.js';

// A fleet of real processes (fork) running the built package, each with its own Redis connection, against
// loopback exchanges in this process that enforce the real rules: bitexbit refuses a nonce not greater than the
// last one it received (on arrival), Kiiex answers errorcode 20 for an ended session.
const redis = useRedis();
const CREATE = 'POST /api/v2/private/order/create';
const BALANCE = 'GET /api/v2/private/balance';
const fast = { rateLimit: false, retry: { retries: 3, minDelayMs: 10, maxDelayMs: 100 } };
// Short leases only where a process is killed: a loaded machine (8 processes on 2 cores) can starve a live
// holder's renewals for longer than a short lease, and a lapsed lease lets another process send out of turn.
const tuning = { pollMs: 10 };
const shortLeases = { pollMs: 5, leaseMs: 1000, loginLeaseMs: 1000 };
const CLIENTS = ['ioredis', 'node-redis'] as const;

let exchange: BitexbitSandbox;
let kiiex: AlphaPointSandbox;
beforeEach(async () => {
  exchange = await startBitexbitSandbox();
  kiiex = await startAlphaPointSandbox();
});
afterEach(async () => {
  await exchange.close();
  await kiiex.close();
});

const routed = (route: string) => exchange.log.filter((entry) => `${entry.method} ${entry.path}` === route);
/** Orders the exchange received but did not execute. */
const refusals = () => routed(CREATE).length - exchange.executions(CREATE);
const logins = () => kiiex.log.filter((entry) => entry.path === '/ap/AuthenticateUser').length;
const bitexbitOf = () => ({
  credentials: exchange.addKey({ access: 'trade' }),
  baseURL: exchange.baseURL,
});
const kiiexOf = () => {
  const credentials = kiiex.addAccount({});
  return { credentials, baseURL: kiiex.baseURL, ids: kiiex.accountIds(credentials.apiKey) };
};
/** Members reach the exchange through `front` (it passes requests on; the test may hold answers there). */
const through = (front: Front, exchangeOf: () => { credentials: object; baseURL: string }) => ({
  ...exchangeOf(),
  baseURL: front.baseURL,
});

/**
 * Resolves once the exchange has answered `count` more requests whose path ends with `pathEnd`: each answer waits
 * at the front until the test has counted it (an event per request, no time waited for), then goes on.
 */
async function answered(front: Front, pathEnd: string, count: number): Promise<void> {
  let holding = front.holdAnswers(pathEnd);
  for (let seen = 1; seen <= count; seen += 1) {
    await settles(holding.arrived(1), `${seen} of ${count} answers to ${pathEnd}`);
    const current = holding;
    if (seen < count) holding = front.holdAnswers(pathEnd);
    current.release();
  }
}
const config = (extra: Partial<MemberConfig>): MemberConfig => ({
  flavour: 'esm',
  redisUrl: redis.url(),
  prefix: uniquePrefix(),
  coordination: tuning,
  clientOptions: fast,
  ...extra,
});

describe('a fleet of 8 processes on one key, coordinated through Redis', () => {
  // The core cases on both clients: ioredis as it is, node-redis through fromNodeRedis.
  for (const redisClient of CLIENTS) {
    it(`bitexbit, 8 processes x 50 orders (ESM and CJS, ${redisClient}): refusals 0, executed once each, nonces increasing on arrival`, async () => {
      const shared = config({ redisClient, bitexbit: bitexbitOf() });
      const members = await Promise.all(
        Array.from({ length: 8 }, (_, i) => member({ ...shared, flavour: i % 2 ? 'cjs' : 'esm' })),
      );
      const outcome = total(await Promise.all(members.map((m) => m.run('bitexbit:order', 50))));
      console.log(
        `8 x 50 bitexbit orders (${redisClient}): refusals ${refusals()}, executed ${exchange.executions(CREATE)}`,
      );
      expect(outcome).toEqual({ ok: 400, errors: [] });
      expect(refusals()).toBe(0);
      expect(routed(CREATE)).toHaveLength(400);
      expect(exchange.executions(CREATE)).toBe(400);
      expect(strictlyIncreasing(routed(CREATE))).toBe(true);
    }, 120_000);

    it(`kiiex, 8 processes cold (${redisClient}): logins 1; the exchange ends every session: logins 1 more, each refused order sent once more and executed once`, async () => {
      const members = await fleet(8, config({ redisClient, kiiex: kiiexOf() }));
      expect(total(await Promise.all(members.map((m) => m.run('kiiex:positions', 5))))).toEqual({
        ok: 40,
        errors: [],
      });
      expect(logins()).toBe(1);
      kiiex.expireAllSessions();
      const before = kiiex.log.length;
      const outcome = total(await Promise.all(members.map((m) => m.run('kiiex:order', 5))));
      expect(outcome).toEqual({ ok: 40, errors: [] });
      const orders = kiiex.log.slice(before).filter((entry) => entry.path === '/ap/SendOrder');
      const byId = new Map<string, typeof orders>();
      for (const entry of orders) {
        const id = JSON.parse(entry.body).ClientOrderId as string;
        byId.set(id, [...(byId.get(id) ?? []), entry]);
      }
      const refused = [...byId.values()].filter((sends) => sends.length === 2).length;
      console.log(
        `kiiex fleet (${redisClient}): logins ${logins()} (1 after expiry), refused ${refused}, each resent once`,
      );
      expect(logins()).toBe(2);
      expect(byId.size).toBe(40);
      expect([...byId.values()].every((sends) => sends.length <= 2)).toBe(true);
      for (const sends of byId.values()) {
        if (sends.length === 2) expect(sends[0]?.headers.aptoken).not.toBe(sends[1]?.headers.aptoken);
      }
      expect(orders).toHaveLength(40 + refused);
      expect(kiiex.stats().executions.SendOrder).toBe(40);
    }, 120_000);
  }

  it('kiiex, 4 processes call authenticate() first, then 5 requests each: logins 1 (authenticate() joins the fleet)', async () => {
    const members = await fleet(4, config({ kiiex: kiiexOf() }));
    expect(total(await Promise.all(members.map((m) => m.run('kiiex:authenticate', 1))))).toEqual({
      ok: 4,
      errors: [],
    });
    expect(total(await Promise.all(members.map((m) => m.run('kiiex:positions', 5))))).toEqual({
      ok: 20,
      errors: [],
    });
    expect(logins()).toBe(1);
  }, 120_000);

  it('bitexbit, 8 processes at the documented 2 per second: 429s 0, at most 2 in any second on arrival', async () => {
    await exchange.close();
    exchange = await startBitexbitSandbox({ rateLimit: true });
    const members = await fleet(8, config({ bitexbit: bitexbitOf(), clientOptions: { retry: false } }));
    const outcome = total(await Promise.all(members.map((m) => m.run('bitexbit:balance', 2))));
    const most = mostWithin(routed(BALANCE), 1000);
    console.log(
      `8 processes x 2 reads: at most ${most} in any second (documented 2), 429s ${routed(BALANCE).length - exchange.executions(BALANCE)}`,
    );
    expect(outcome).toEqual({ ok: 16, errors: [] });
    expect(routed(BALANCE)).toHaveLength(16);
    expect(exchange.executions(BALANCE)).toBe(16);
    expect(most).toBeLessThanOrEqual(2);
  }, 120_000);
});

describe('a process killed with SIGKILL', () => {
  for (const redisClient of CLIENTS) {
    it(`while holding the key’s turn (its order in flight, ${redisClient}): the others carry on after the lease, refusals 0`, async () => {
      const front = await startFront(exchange.baseURL);
      const shared = config({ redisClient, bitexbit: through(front, bitexbitOf), coordination: shortLeases });
      const [holder, ...others] = await fleet(3, shared);
      // The exchange runs the order; its answer waits at the front, so the holder is mid-request when killed.
      const answer = front.holdAnswers('/order/create');
      void holder?.run('bitexbit:order', 1).catch(() => undefined);
      const watcher = new Redis(redis.url());
      await settles(answer.arrived(1), 'the held order');
      expect(exchange.log).toHaveLength(1);
      const held = exchange.log[0];
      // The killed process holds the key's turn: its lock is in Redis, and nobody will release it.
      expect(await watcher.keys(`${shared.prefix}*:lock`)).toHaveLength(1);
      await holder?.kill();
      answer.release();
      const outcome = total(await Promise.all(others.map((m) => m.run('bitexbit:order', 10))));
      const survivors = routed(CREATE).filter((entry) => entry !== held);
      console.log(
        `lock holder killed: ${outcome.ok} of 20 orders executed after it, refusals ${survivors.length - 20}`,
      );
      expect(outcome).toEqual({ ok: 20, errors: [] });
      expect(survivors).toHaveLength(20);
      expect(strictlyIncreasing(survivors)).toBe(true);
      watcher.disconnect();
      await front.close();
    }, 60_000);
  }

  it('while logging in for the fleet: another process logs in after the login lease, exactly 1 new login', async () => {
    const front = await startFront(kiiex.baseURL);
    const shared = config({ kiiex: through(front, kiiexOf), coordination: shortLeases });
    const [first, ...others] = await fleet(4, shared);
    // The exchange logs the first process in; the answer waits at the front, so it dies mid-login.
    const answer = front.holdAnswers('/AuthenticateUser');
    void first?.run('kiiex:positions', 1).catch(() => undefined);
    await settles(answer.arrived(1), 'the first login to reach the exchange');
    expect(logins()).toBe(1);
    await first?.kill();
    answer.release();
    const outcome = total(await Promise.all(others.map((m) => m.run('kiiex:positions', 5))));
    console.log(`login holder killed: logins ${logins() - 1} after it, ${outcome.ok} of 15 calls answered`);
    expect(outcome).toEqual({ ok: 15, errors: [] });
    expect(logins() - 1).toBe(1);
    await front.close();
  }, 60_000);
});

describe('redis-server restarted mid-run (its data lost)', () => {
  it('4 processes on bitexbit and Kiiex: refusals 0, nonces still increasing, logins 1 more', async () => {
    const server = await startRedisServer();
    const front = await startFront(exchange.baseURL);
    try {
      const members = await fleet(
        4,
        config({
          redisUrl: server.url,
          bitexbit: through(front, bitexbitOf),
          kiiex: kiiexOf(),
          clientOptions: {
            rateLimit: false,
            retry: { retries: 10, minDelayMs: 50, maxDelayMs: 400, maxElapsedMs: 30_000 },
          },
        }),
      );
      const both = (orders: number, calls: number) =>
        Promise.all(
          members.flatMap((m) => [m.run('bitexbit:order', orders), m.run('kiiex:positions', calls)]),
        ).then(total);
      expect(await both(5, 5)).toEqual({ ok: 40, errors: [] });
      expect(logins()).toBe(1);
      // Mid-run: once 10 more orders (30 in all) have been answered, while the rest are under way.
      const counted = answered(front, '/order/create', 10);
      const during = both(20, 10);
      await counted;
      expect(routed(CREATE).length).toBeGreaterThanOrEqual(30);
      await server.restart();
      expect(await during).toEqual({ ok: 120, errors: [] });
      expect(await both(5, 5)).toEqual({ ok: 40, errors: [] });
      console.log(`redis restarted: refusals ${refusals()}, logins ${logins()} (1 before, 1 after)`);
      expect(refusals()).toBe(0);
      expect(strictlyIncreasing(routed(CREATE))).toBe(true);
      expect(exchange.executions(CREATE)).toBe(120);
      expect(logins()).toBe(2);
    } finally {
      await server.stop();
      await front.close();
    }
  }, 120_000);
});

describe('one process that loads the package through both import and require', () => {
  for (const shared of [false, true]) {
    it(`two copies, two providers of one key${shared ? ', with Redis' : ', in-process'}: refusals 0, logins 1`, async () => {
      const mixed = await member(
        config({
          flavour: 'mixed',
          bitexbit: bitexbitOf(),
          kiiex: kiiexOf(),
          ...(shared ? {} : { redisUrl: '' }),
        }),
      );
      const outcome = total(
        await Promise.all([mixed.run('bitexbit:order', 40), mixed.run('kiiex:positions', 20)]),
      );
      console.log(`mixed import/require: refusals ${refusals()}, logins ${logins()}`);
      expect(outcome).toEqual({ ok: 60, errors: [] });
      expect(refusals()).toBe(0);
      expect(routed(CREATE)).toHaveLength(40);
      expect(strictlyIncreasing(routed(CREATE))).toBe(true);
      expect(logins()).toBe(1);
    }, 60_000);
  }
});
