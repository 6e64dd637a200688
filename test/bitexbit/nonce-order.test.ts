import axios, { type AxiosInstance, type InternalAxiosRequestConfig } from 'axios';
import { describe, expect, it } from 'vitest';
import { AuthenticationError, createClient } from '../../src/index.js';
import { bitexbit } from '../../src/providers/bitexbit/index.js';
import type { ReceivedRequest } from '../../src/testing/http-server.js';
import { checked } from '../support/checked.js';
import { bench, fast, ORDER, ROUTES, seeded, turns } from './support.js';

const CHEAP_ORDER = { ...ORDER, price: '100', amount: '0.01' };

/**
 * A user's axios instance whose interceptor holds every outgoing request (already signed) for a seeded
 * pseudo-random 0-63 turns of the event loop: requests sent concurrently would reach the exchange in a
 * scrambled order. Only sending one key's requests one at a time keeps them in nonce order.
 */
function scrambling(seed: number): AxiosInstance {
  const random = seeded(seed);
  const instance = axios.create({ adapter: 'http' });
  instance.interceptors.request.use(async (config) => {
    await turns(Math.floor(random() * 64));
    return config;
  });
  return instance;
}

const nonceOf = (request: ReceivedRequest) => BigInt(request.headers['x-nonce'] ?? '0');

function strictlyIncreasing(values: readonly bigint[]): boolean {
  return values.every((value, i) => i === 0 || value > (values[i - 1] ?? value));
}

describe('one key sends in nonce order, however the transport delays each request', () => {
  it('100 concurrent orders on one key: all succeed, each executed once, nonces arrive increasing', async () => {
    const { sandbox, client } = await bench();
    const trader = client(sandbox.credentials.trade, {}, { ...fast, axios: scrambling(20_240_601) });
    const settled = await Promise.allSettled(
      Array.from({ length: 100 }, () => trader.call('orders.create', { body: CHEAP_ORDER })),
    );
    const refused = settled.filter((result) => result.status === 'rejected');
    expect(refused).toEqual([]);
    const ids = settled.map((result) =>
      result.status === 'fulfilled' ? checked(result.value).data : undefined,
    );
    expect(new Set(ids.map((created) => created?.order.id)).size).toBe(100);
    expect(sandbox.executions(ROUTES.create)).toBe(100);
    expect(sandbox.log).toHaveLength(100);
    expect(strictlyIncreasing(sandbox.log.map(nonceOf))).toBe(true);
    expect(sandbox.balances().find((h) => h.symbol === 'USD')?.reserved).toBe('100');
  });

  it('two clients from two bitexbit() calls with the same key share one order', async () => {
    const { sandbox, client } = await bench();
    const a = client(sandbox.credentials.trade, {}, { ...fast, axios: scrambling(7) });
    const b = client(sandbox.credentials.trade, {}, { ...fast, axios: scrambling(11) });
    const settled = await Promise.allSettled(
      Array.from({ length: 60 }, (_, i) => {
        const user = i % 2 ? a : b;
        return i % 3 === 0 ? user.call('orders.create', { body: CHEAP_ORDER }) : user.call('balance.get');
      }),
    );
    expect(settled.filter((result) => result.status === 'rejected')).toEqual([]);
    expect(sandbox.executions(ROUTES.create)).toBe(20);
    expect(sandbox.executions(ROUTES.balance)).toBe(40);
    expect(sandbox.log).toHaveLength(60);
    expect(strictlyIncreasing(sandbox.log.map(nonceOf))).toBe(true);
  });
});

interface Held {
  readonly nonce: bigint;
  /** Lets the request go and resolves once its answer came back. */
  release(): Promise<void>;
}

/** An axios instance that holds every request until the test releases it, one by one. */
function holding() {
  const held: Held[] = [];
  const answered = new Map<string, () => void>();
  let wanted: { count: number; resolve: () => void } | undefined;
  const nonceHeader = (config: InternalAxiosRequestConfig) => String(config.headers.get('X-Nonce'));
  const instance = axios.create({ adapter: 'http' });
  instance.interceptors.request.use(
    (config) =>
      new Promise<InternalAxiosRequestConfig>((resolve) => {
        const nonce = nonceHeader(config);
        const done = new Promise<void>((set) => answered.set(nonce, set));
        held.push({
          nonce: BigInt(nonce),
          release: () => {
            resolve(config);
            return done;
          },
        });
        if (wanted && held.length >= wanted.count) wanted.resolve();
      }),
  );
  instance.interceptors.response.use((response) => {
    answered.get(nonceHeader(response.config))?.();
    return response;
  });
  return {
    axios: instance,
    /** Resolves with the held requests once `count` are held. */
    held: (count: number) =>
      new Promise<Held[]>((resolve) => {
        const ready = () => resolve([...held]);
        if (held.length >= count) ready();
        else wanted = { count, resolve: ready };
      }),
  };
}

describe('the exchange enforces the order the queue keeps', () => {
  it('without the per-key queue, a request signed earlier but arriving later is refused', async () => {
    const { sandbox, clock } = await bench();
    const provider = bitexbit({ ...sandbox.credentials.read, baseURL: sandbox.baseURL });
    const { sequenceKey: _ignored, ...unsequenced } = provider.strategy;
    const gate = holding();
    const reader = createClient(
      { ...provider, strategy: unsequenced },
      { rateLimit: false, retry: false, clock, axios: gate.axios },
    );
    const results = Promise.allSettled(Array.from({ length: 5 }, () => reader.call('balance.get')));
    // All five are signed and held; let them reach the exchange highest nonce first, one after the other.
    const held = await gate.held(5);
    const newestFirst = [...held].sort((x, y) => (x.nonce > y.nonce ? -1 : 1));
    for (const request of newestFirst) await request.release();

    expect(sandbox.log.map(nonceOf)).toEqual(newestFirst.map((request) => request.nonce));
    const refused = (await results).filter((result) => result.status === 'rejected');
    expect(refused).toHaveLength(4);
    for (const result of refused) {
      expect((result as PromiseRejectedResult).reason).toBeInstanceOf(AuthenticationError);
    }
    expect(sandbox.executions(ROUTES.balance)).toBe(1);
  });
});
