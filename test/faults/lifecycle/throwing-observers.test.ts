import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bitexbit, createAuthorizer, createClient, type Logger } from '../../../src/index.js';
import { redisCoordination } from '../../../src/redis/index.js';
import { type BitexbitSandbox, startBitexbitSandbox } from '../../../src/testing/index.js';
import { TestClock } from '../../support/clock.js';
import { turns } from '../shared/waits.js';
import { closeServers, json, startHttp } from '../support/servers.js';

// A user's logger or onEvent listener that throws, or an async one that rejects, must never change what a request
// does: not an executed order, not a retry, not a timer, not the fleet fallback; and nothing may reach Node as an
// uncaught exception or an unhandled rejection (either kills a process). Counted at the exchange.

const ORDER = { symbol: 'BTC_USD', type: 'buy-limit', price: '100', amount: '0.01' } as const;
const CREATE = 'POST /api/v2/private/order/create';

/** A logger whose `levels` throw (or, async, reject) on every line. */
function failingLogger(levels: readonly (keyof Logger)[], how: 'throw' | 'reject' = 'throw'): Logger {
  const fail = () => {
    if (how === 'throw') throw new Error('logger down');
    return Promise.reject(new Error('logger down'));
  };
  const quiet = () => undefined;
  const make = (level: keyof Logger) => (levels.includes(level) ? fail : quiet) as (message: string) => void;
  return { debug: make('debug'), info: make('info'), warn: make('warn'), error: make('error') };
}

/** Whatever reaches Node as an unhandled rejection or uncaught exception while the test runs. */
const escaped: unknown[] = [];
const onEscape = (reason: unknown) => escaped.push(reason);
let sandbox: BitexbitSandbox;
beforeAll(async () => {
  process.on('unhandledRejection', onEscape);
  process.on('uncaughtException', onEscape);
  sandbox = await startBitexbitSandbox();
});
afterAll(async () => {
  process.off('unhandledRejection', onEscape);
  process.off('uncaughtException', onEscape);
  await sandbox.close();
});
afterEach(async () => {
  await turns(5);
  expect(escaped).toEqual([]);
  escaped.length = 0;
  await closeServers();
});

const trader = (options: Parameters<typeof createClient>[1]) =>
  createClient(bitexbit({ ...sandbox.addKey({ access: 'trade' }), baseURL: sandbox.baseURL }), {
    rateLimit: false,
    ...options,
  });

describe('a throwing logger changes nothing', () => {
  for (const how of ['throw', 'reject'] as const) {
    it(`debug and warn that ${how} on every line: the order resolves, executed 1×, 0 escaped`, async () => {
      const before = sandbox.executions(CREATE);
      const client = trader({ logger: failingLogger(['debug', 'info', 'warn', 'error'], how) });
      const created = await client.call('orders.create', { body: ORDER });
      expect(created.status).toBe(200);
      expect(sandbox.executions(CREATE) - before).toBe(1);
    });
  }

  it('a throwing warn does not cancel the retry of a read after a 503: 2 arrivals, resolved', async () => {
    let arrivals = 0;
    const server = await startHttp((_arrival, res) => {
      arrivals += 1;
      if (arrivals === 1) json(res, 503, { message: 'busy' });
      else json(res, 200, [{ symbol: 'BTC', available: '1', reserved: '0' }]);
    });
    const client = createClient(
      bitexbit({
        accessKey: 'throwingLoggerKey01',
        privateKey: 'throwingLoggerSecret01',
        access: 'read',
        baseURL: server.origin,
      }),
      {
        logger: failingLogger(['warn']),
        clock: new TestClock(),
        retry: { retries: 2, minDelayMs: 10, maxDelayMs: 10, maxElapsedMs: 1_000 },
        rateLimit: false,
      },
    );
    const balance = await client.call('balance.get');
    expect(balance.data).toHaveLength(1);
    expect(arrivals).toBe(2);
  });

  it("a throwing warn in the authorizer's hold timer: no uncaught exception, the next request goes (1 of 1)", async () => {
    const clock = new TestClock({ auto: false, start: Date.now() });
    const authorizer = createAuthorizer(
      bitexbit({ ...sandbox.addKey({ access: 'read' }), baseURL: sandbox.baseURL }),
      { holdMs: 1_000, clock, logger: failingLogger(['warn']) },
    );
    const balance = { method: 'GET', path: '/api/v2/private/balance' } as const;
    await authorizer.authorize(balance);
    let next: unknown;
    void authorizer.authorize(balance).then((request) => {
      next = request;
    });
    await clock.advance(1_000);
    await turns(5);
    expect(next).toBeDefined();
  });

  it("a throwing warn at the onUnavailable: 'in-process' fallback: every later request works (5 of 5)", async () => {
    const unreachable = {
      eval: () => Promise.reject(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' })),
    };
    const before = sandbox.executions(CREATE);
    const client = trader({
      coordination: redisCoordination(unreachable, { onUnavailable: 'in-process' }),
      logger: failingLogger(['warn']),
    });
    for (let i = 0; i < 5; i += 1) await client.call('orders.create', { body: ORDER });
    expect(sandbox.executions(CREATE) - before).toBe(5);
  });
});

describe('an onEvent listener that throws or rejects changes nothing', () => {
  it('an async listener that rejects on every event: the order resolves, executed 1×, 0 unhandled rejections', async () => {
    const before = sandbox.executions(CREATE);
    let calls = 0;
    const client = trader({
      onEvent: async () => {
        calls += 1;
        throw new Error('metrics down');
      },
    });
    await client.call('orders.create', { body: ORDER });
    expect(calls).toBeGreaterThan(0);
    expect(sandbox.executions(CREATE) - before).toBe(1);
  });
});
