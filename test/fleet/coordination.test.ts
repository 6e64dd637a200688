import { describe, expect, it } from 'vitest';
import {
  ConfigurationError,
  type Coordination,
  createClient,
  kiiex,
  TransportError,
} from '../../src/index.js';
import { bitexbit } from '../../src/providers/bitexbit/index.js';
import { RedisCoordinationError, redisCoordination } from '../../src/redis/index.js';
import type { BitexbitSandbox } from '../../src/testing/index.js';
import { useSandboxes } from '../redis/sandboxes.js';
import { dump, uniquePrefix, useRedis } from '../redis/support.js';
import { thrown } from '../support/leaks.js';

// The client's `coordination` option, in one process: two coordination objects on two connections stand for two
// processes of a fleet (each has its own session keeper). The multi-process tests are in test/fleet/processes.
const redis = useRedis();
const ORDER = { symbol: 'BTC_USD', type: 'buy-limit', price: '30000', amount: '0.001' } as const;
/** The OMS and account a key's requests name: its own (the sandbox refuses any other, as APEX does). */
type AccountIds = { readonly OMSId: number; readonly AccountId: number };
const positions = (ids: AccountIds) => ({ method: 'POST', path: '/GetAccountPositions', body: ids }) as const;
const sendOrder = (ids: AccountIds) =>
  ({
    ...ids,
    InstrumentId: 1,
    Side: 0,
    Quantity: 0.001,
    LimitPrice: 100,
    OrderType: 2,
  }) as const;

const sandboxes = useSandboxes();

const CREATE = 'POST /api/v2/private/order/create';
/** Orders the exchange received but did not execute: refused (a nonce out of order, a bad signature). */
const refusals = (sandbox: BitexbitSandbox) =>
  sandbox.log.filter((entry) => `${entry.method} ${entry.path}` === CREATE).length -
  sandbox.executions(CREATE);
const logins = () => sandboxes.alphapoint.stats().logins ?? 0;

/** A "process": its own Redis connection and coordination under `prefix`. */
const member = (prefix: string, options: Parameters<typeof redisCoordination>[1] = {}) =>
  redisCoordination(redis.connect(), { prefix, ...options });

describe('createClient(provider, { coordination: redisCoordination(redis) })', () => {
  it('bitexbit: 2 members x 20 orders on one key: refusals 0, each executed once, nonces from Redis', async () => {
    const prefix = uniquePrefix();
    const trade = sandboxes.bitexbit.addKey({ access: 'trade' });
    const clients = [member(prefix), member(prefix)].map((coordination) =>
      createClient(bitexbit({ ...trade, baseURL: sandboxes.bitexbit.baseURL }), {
        rateLimit: false,
        coordination,
      }),
    );
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => clients[i % 2]?.call('orders.create', { body: ORDER })),
    );
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    expect(refusals(sandboxes.bitexbit)).toBe(0);
    expect(sandboxes.bitexbit.executions(CREATE)).toBe(40);
    const seen = sandboxes.bitexbit.log.map((entry) => Number(entry.headers['x-nonce']));
    expect(seen.every((nonce, i) => i === 0 || nonce > (seen[i - 1] ?? 0))).toBe(true);
    // The last nonce the exchange saw is the one Redis holds: the sequence is the fleet's.
    const stored = [...(await dump(redis.connect(), prefix)).entries()].find(([key]) =>
      key.endsWith(':nonce'),
    );
    expect(Number(stored?.[1])).toBe(seen.at(-1));
  });

  it('kiiex: 2 members, 20 concurrent calls: logins 1; the exchange ends the session: logins 1 more, each order once', async () => {
    const prefix = uniquePrefix();
    const credentials = sandboxes.alphapoint.addAccount({});
    const ids = sandboxes.alphapoint.accountIds(credentials.apiKey);
    const clients = [member(prefix), member(prefix)].map((coordination) =>
      createClient(kiiex({ ...credentials, baseURL: sandboxes.alphapoint.baseURL }), {
        rateLimit: false,
        retry: false,
        coordination,
      }),
    );
    await Promise.all(Array.from({ length: 20 }, (_, i) => clients[i % 2]?.request(positions(ids))));
    expect(logins()).toBe(1);
    sandboxes.alphapoint.expireAllSessions();
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => clients[i % 2]?.call('SendOrder', { body: sendOrder(ids) })),
    );
    expect(logins()).toBe(2);
    expect(sandboxes.alphapoint.stats().executions.SendOrder).toBe(10);
    // Nothing in Redis holds a credential or a token in clear.
    const stored = JSON.stringify([...(await dump(redis.connect(), prefix)).entries()]);
    const tokens = sandboxes.alphapoint.log.map((entry) => entry.headers.aptoken).filter(Boolean);
    for (const secret of [credentials.apiKey, credentials.apiSecret, ...new Set(tokens)]) {
      expect(stored).not.toContain(secret);
    }
  });

  it('without coordination, the same two clients make 1 login too (one process), and nothing goes to Redis', async () => {
    const prefix = uniquePrefix();
    const credentials = sandboxes.alphapoint.addAccount({});
    const ids = sandboxes.alphapoint.accountIds(credentials.apiKey);
    const clients = [0, 1].map(() =>
      createClient(kiiex({ ...credentials, baseURL: sandboxes.alphapoint.baseURL }), { rateLimit: false }),
    );
    await Promise.all(Array.from({ length: 10 }, (_, i) => clients[i % 2]?.request(positions(ids))));
    expect(logins()).toBe(1);
    expect((await dump(redis.connect(), prefix)).size).toBe(0);
  });
});

/** A Redis that refuses every connection. */
const unreachable = {
  eval: () => Promise.reject(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' })),
};

describe('Redis unreachable at start', () => {
  it("onUnavailable 'error' (default): a RedisCoordinationError naming the fix, not-sent, nothing reached the exchange", async () => {
    const trade = sandboxes.bitexbit.addKey({ access: 'trade' });
    const client = createClient(bitexbit({ ...trade, baseURL: sandboxes.bitexbit.baseURL }), {
      coordination: redisCoordination(unreachable, { address: 'redis.test:6379' }),
      retry: false,
    });
    const error = await thrown(() => client.call('orders.create', { body: ORDER }));
    expect(error).toBeInstanceOf(RedisCoordinationError);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ outcome: 'not-sent', reason: 'unreachable', address: 'redis.test:6379' });
    expect((error as Error).message).toMatch(/onUnavailable: 'in-process'/);
    expect(sandboxes.bitexbit.log).toHaveLength(0);
  });

  it("onUnavailable 'in-process': one warning, then the process's own coordination (0 refusals)", async () => {
    const trade = sandboxes.bitexbit.addKey({ access: 'trade' });
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, warn: (line: string) => warnings.push(line), error() {} };
    const client = createClient(bitexbit({ ...trade, baseURL: sandboxes.bitexbit.baseURL }), {
      coordination: redisCoordination(unreachable, { onUnavailable: 'in-process' }),
      rateLimit: false,
      logger,
    });
    await Promise.all(Array.from({ length: 5 }, () => client.call('orders.create', { body: ORDER })));
    expect(refusals(sandboxes.bitexbit)).toBe(0);
    expect(sandboxes.bitexbit.executions(CREATE)).toBe(5);
    expect(warnings.filter((line) => /unreachable at start/.test(line))).toHaveLength(1);
  });
});

/** A real Redis connection, except that scripts matching `stall` never get an answer. */
function stallOn(stall: RegExp) {
  const real = redis.connect();
  return {
    eval: (script: string, numKeys: number, ...rest: string[]): Promise<unknown> =>
      stall.test(script) ? new Promise<never>(() => undefined) : real.eval(script, numKeys, ...rest),
  };
}

describe('slow Redis: every call bounded by the request deadline and its signal', () => {
  it('bitexbit: a nonce that never comes ends at the request deadline (not the 60 s command timeout), nothing sent', async () => {
    const trade = sandboxes.bitexbit.addKey({ access: 'trade' });
    const client = createClient(bitexbit({ ...trade, baseURL: sandboxes.bitexbit.baseURL }), {
      coordination: redisCoordination(stallOn(/stored \+ 1/), {
        prefix: uniquePrefix(),
        commandTimeoutMs: 60_000,
      }),
      rateLimit: false,
      retry: false,
      timeout: 100,
    });
    const error = await thrown(() => client.call('orders.create', { body: ORDER }));
    expect(error).toBeInstanceOf(RedisCoordinationError);
    expect(error).toMatchObject({ outcome: 'not-sent', reason: 'deadline' });
    expect((error as Error).message).toMatch(/request's deadline \(\d+ ms\) while taking a nonce/);
    expect(sandboxes.bitexbit.log).toHaveLength(0);
  });

  it('kiiex: a session read that never comes ends at the request deadline; an abort ends the wait at once', async () => {
    const credentials = sandboxes.alphapoint.addAccount({});
    const ids = sandboxes.alphapoint.accountIds(credentials.apiKey);
    const client = createClient(kiiex({ ...credentials, baseURL: sandboxes.alphapoint.baseURL }), {
      coordination: redisCoordination(stallOn(/HMGET/), { prefix: uniquePrefix(), commandTimeoutMs: 60_000 }),
      retry: false,
      timeout: 100,
    });
    const error = await thrown(() => client.request(positions(ids)));
    expect(error).toMatchObject({ name: 'RedisCoordinationError', outcome: 'not-sent', reason: 'deadline' });
    const controller = new AbortController();
    const aborted = thrown(() =>
      client.request({ ...positions(ids), signal: controller.signal, timeout: 60_000 }),
    );
    controller.abort();
    expect(await aborted).toMatchObject({ name: 'TransportError', outcome: 'not-sent' });
    expect(sandboxes.alphapoint.log).toHaveLength(0);
  });

  it('a coordination that is not one is refused, naming the field', async () => {
    const error = await thrown(() =>
      createClient(
        kiiex({ ...sandboxes.alphapoint.credentials.trader, baseURL: sandboxes.alphapoint.baseURL }),
        {
          coordination: { name: 'x' } as unknown as Coordination,
        },
      ),
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ field: 'coordination' });
  });
});
