import { randomUUID } from 'node:crypto';
import {
  bitex,
  bitexbit,
  type ClientOptions,
  createClient,
  type ExchangeResponse,
  kiiex,
  TransportError,
} from '../../../src/index.js';
import { TestClock } from '../../support/clock.js';

/** The three real providers the fault tests drive. */
export const PROVIDERS = ['bitex', 'bitexbit', 'kiiex'] as const;
export type ProviderName = (typeof PROVIDERS)[number];

/** A bitexbit order, as the documented `order/create` takes it. */
export const ORDER = { symbol: 'BTC_USD', type: 'buy-limit', price: '30000', amount: '0.001' };

/** The path each provider's representative call reaches the server at. */
export const CALL_PATH: Readonly<Record<ProviderName, string>> = {
  bitex: '/api/users/me',
  bitexbit: '/api/v2/private/order/create',
  kiiex: '/ap/GetAccountPositions',
};

/** `{ signal }` when there is one (the request options take no `signal: undefined`). */
export const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

/** A key of its own for every client: bitexbit's per-key queue and nonces are process-wide. */
const fresh = (prefix: string) => `${prefix}-${randomUUID()}`;

/** Client options for fault tests: no client-side rate limit, no retries, a manual clock unless given. */
export function settings(extra: ClientOptions = {}): ClientOptions & { clock: TestClock } {
  return {
    rateLimit: false,
    retry: false,
    timeout: 1_000,
    ...extra,
    clock: (extra.clock as TestClock | undefined) ?? new TestClock({ auto: false }),
  };
}

/** A client of `name` against `origin`, and its representative call (GET users/me, an order, positions). */
export function clientFor(name: ProviderName, origin: string, options: ClientOptions) {
  switch (name) {
    case 'bitex': {
      const client = createClient(bitex({ apiKey: fresh('bitex-key'), baseURL: `${origin}/api` }), options);
      return {
        client,
        call: (signal?: AbortSignal): Promise<ExchangeResponse> =>
          client.request({ method: 'GET', path: '/users/me', ...withSignal(signal) }),
      };
    }
    case 'bitexbit': {
      const client = createClient(
        bitexbit({
          accessKey: fresh('bitexbit-access'),
          privateKey: 'bitexbit-private-0123456789',
          access: 'trade',
          baseURL: origin,
        }),
        options,
      );
      return {
        client,
        call: (signal?: AbortSignal): Promise<ExchangeResponse> =>
          client.request({
            method: 'POST',
            path: '/api/v2/private/order/create',
            body: ORDER,
            ...withSignal(signal),
          }),
      };
    }
    case 'kiiex': {
      const client = createClient(
        kiiex({
          apiKey: fresh('kiiex-key'),
          apiSecret: 'kiiex-secret-0123456789',
          userId: 7,
          baseURL: `${origin}/ap`,
        }),
        options,
      );
      return {
        client,
        call: (signal?: AbortSignal): Promise<ExchangeResponse> =>
          client.request({
            method: 'POST',
            path: '/GetAccountPositions',
            body: { OMSId: 1, AccountId: 7 },
            ...withSignal(signal),
          }),
      };
    }
  }
}

/** The transport fields of a thrown value, or `undefined` when it is not a TransportError. */
export function transportFields(error: unknown) {
  if (!(error instanceof TransportError)) return undefined;
  return { outcome: error.outcome, networkCode: error.networkCode, message: error.message };
}
