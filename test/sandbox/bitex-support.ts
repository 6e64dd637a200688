import { onTestFinished } from 'vitest';
import {
  type BitexSandbox,
  type BitexSandboxOptions,
  startBitexSandbox,
} from '../../src/testing/bitex/index.js';
import { TestClock } from '../support/clock.js';

/**
 * A Bitex sandbox for the running test, closed when it finishes. It runs on a driven clock (a new auto-mode
 * {@link TestClock} unless given), so one-time passwords, the rate limit and the latency fault never depend
 * on real time.
 */
export async function sandbox(
  options: Omit<BitexSandboxOptions, 'clock'> = {},
  clock: TestClock = new TestClock(),
): Promise<BitexSandbox> {
  const started = await startBitexSandbox({ ...options, clock });
  onTestFinished(() => started.close());
  return started;
}

export interface CallOptions {
  key?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** One request with the headers the Bitex provider sends; the answer read whole. */
export async function call(exchange: BitexSandbox, method: string, path: string, options: CallOptions = {}) {
  const headers: Record<string, string> = { Version: '2.1', Accept: 'application/vnd.api+json' };
  if (options.key !== undefined) headers.Authorization = options.key;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  Object.assign(headers, options.headers);
  for (const [name, value] of Object.entries(headers)) if (value === '') delete headers[name];
  const init: RequestInit = { method, headers };
  if (options.body !== undefined) {
    init.body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  const response = await fetch(`${exchange.baseURL}${path}`, init);
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: text ? JSON.parse(text) : undefined,
  };
}

export const coinWithdrawal = (amount: string) => ({
  data: {
    type: 'coin_withdrawals',
    attributes: {
      amount,
      currency: 'btc',
      to_addresses: 'mszEUK9E6E7n4SNcrjYH8Fr7ZTGP9n3dRb',
      label: 'cold',
    },
  },
});

export const bid = (attributes: Record<string, unknown>) => ({ data: { type: 'bids', attributes } });
