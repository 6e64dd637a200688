import { createHmac } from 'node:crypto';
import { onTestFinished } from 'vitest';
import { type ClientOptions, createClient } from '../../src/index.js';
import { type BitexbitOptions, bitexbit } from '../../src/providers/bitexbit/index.js';
import type { BitexbitAccess } from '../../src/providers/bitexbit/options.js';
import {
  type BitexbitSandbox,
  type BitexbitSandboxOptions,
  startBitexbitSandbox,
} from '../../src/testing/bitexbit/index.js';
import { TestClock } from '../support/clock.js';

export const ORDER = { symbol: 'BTC_USD', type: 'buy-limit', price: '30000', amount: '0.001' } as const;
export const WITHDRAWAL = { ticker: 'USDT', network: 'tron', address: 'TXYZ', amount: 22 };
export const ROUTES = {
  balance: 'GET /api/v2/private/balance',
  create: 'POST /api/v2/private/order/create',
  cancel: 'POST /api/v2/private/order/:id/cancel',
  withdraw: 'POST /api/gateway/withdraw/create',
  history: 'GET /api/gateway/withdraw/history',
};

/** Client options without a client-side rate limit, retrying idempotent calls twice. */
export const fast: ClientOptions = {
  rateLimit: false,
  retry: { retries: 2, minDelayMs: 5, maxDelayMs: 2_000, maxElapsedMs: 10_000 },
};

/** HMAC-SHA256, lowercase hex, computed here with node:crypto (never with the library's signing code). */
export function hmac(secret: string, message: string): string {
  return createHmac('sha256', secret).update(message, 'utf8').digest('hex');
}

type Credentials<A extends BitexbitAccess> = { accessKey: string; privateKey: string; access: A };

/**
 * Starts a sandbox for the running test (closed when it finishes), driven by `clock` (a new auto-mode
 * {@link TestClock} unless given): the exchange's clock is the client's, so gateway deadlines are exact.
 */
export async function bench(options: Omit<BitexbitSandboxOptions, 'clock'> = {}, clock = new TestClock()) {
  const sandbox: BitexbitSandbox = await startBitexbitSandbox({ ...options, clock });
  onTestFinished(() => sandbox.close());
  return {
    sandbox,
    clock,
    /** A client of this sandbox on the bench's clock; `fast` options unless others are given. */
    client: <A extends BitexbitAccess>(
      credentials: Credentials<A>,
      extra: Partial<BitexbitOptions<A>> = {},
      settings: ClientOptions = fast,
    ) =>
      createClient(bitexbit({ ...credentials, baseURL: sandbox.baseURL, ...extra }), { clock, ...settings }),
    /** The account's available balance of `symbol`. */
    available: (symbol: string) => sandbox.balances().find((holding) => holding.symbol === symbol)?.available,
  };
}

/** A fresh sandbox exchange for one test, and clients of it; exchange and clients read one driven clock. */
export type Bench = Awaited<ReturnType<typeof bench>>;

/** A deterministic pseudo-random sequence in [0, 1) (mulberry32), for seeded scheduling. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Resolves after `turns` turns of the event loop (no timers: each turn is one setImmediate). */
export async function turns(count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}
