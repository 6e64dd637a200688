/**
 * A fourth exchange, written only against the public API of exchange-auth: a Binance-style API whose signature
 * travels in the query string. docs/adding-a-provider.md walks through this file.
 */
import {
  AuthenticationError,
  type Classification,
  type ClassifyContext,
  classifySuccess,
  defineCatalog,
  ExchangeError,
  field,
  PermissionDeniedError,
  type Provider,
  parseOptions,
  quote,
  RateLimitError,
  type RawResponse,
  readJson,
  retryAfterMs,
} from 'exchange-auth';
import { z } from 'zod';
import { querySignature } from './strategy.js';

// 1. Options, checked at construction: messages name the field and say how to fix it, never echo a value.
const optionsSchema = z
  .object({
    apiKey: z.string({ error: 'apiKey is required' }).regex(/^[A-Za-z0-9]{8,128}$/, {
      error: 'apiKey must be 8 to 128 letters and digits; copy it exactly as shown',
    }),
    apiSecret: z.string({ error: 'apiSecret is required' }).regex(/^[A-Za-z0-9]{8,128}$/, {
      error: 'apiSecret must be 8 to 128 letters and digits; copy it exactly as shown',
    }),
    baseURL: z.url({
      protocol: /^https?$/,
      error: 'baseURL must be an http(s) URL such as https://api.example.com',
    }),
    permissions: z
      .array(z.enum(['read', 'trade', 'withdraw']))
      .min(1)
      .optional(),
    recvWindowMs: z
      .number()
      .int()
      .min(100)
      .max(60_000, { error: 'recvWindowMs must be at most 60000' })
      .optional(),
  })
  .strict();

/** Options of {@link queryExchange}. */
export interface QueryExchangeOptions<P extends 'read' | 'trade' | 'withdraw'> {
  apiKey: string;
  apiSecret: string;
  baseURL: string;
  /** What the key may do. Default all three. */
  permissions?: readonly P[];
  /** Default 5,000 ms. */
  recvWindowMs?: number;
}

// 2. The catalog: every endpoint with what it needs and whether a repeat is harmless.
export const queryExchangeCatalog = defineCatalog({
  ping: { method: 'GET', path: '/api/v3/ping', permission: 'public', idempotent: true },
  time: { method: 'GET', path: '/api/v3/time', permission: 'public', idempotent: true },
  'ticker.price': { method: 'GET', path: '/api/v3/ticker/price', permission: 'public', idempotent: true },
  account: { method: 'GET', path: '/api/v3/account', permission: 'read', idempotent: true },
  'order.get': { method: 'GET', path: '/api/v3/order', permission: 'read', idempotent: true },
  'order.create': { method: 'POST', path: '/api/v3/order', permission: 'trade', idempotent: false },
  'order.cancel': { method: 'DELETE', path: '/api/v3/order', permission: 'trade', idempotent: true },
  'withdraw.apply': {
    method: 'POST',
    path: '/sapi/v1/capital/withdraw/apply',
    permission: 'withdraw',
    idempotent: false,
  },
});

// 3. Reading answers: `{"code": -1021}` means the timestamp fell outside recvWindow (clock skew) — the request
// was refused before it ran, so it is "auth-expired": the pipeline lets the strategy resynchronise and sends
// the request once more.
const TIMESTAMP_OUTSIDE_WINDOW = -1021;
const BAD_CREDENTIALS = new Set([-1022, -2014, -2015]);

function classify(response: RawResponse, ctx: ClassifyContext): Classification {
  const success = classifySuccess(response, ctx);
  if (success) return success;
  const body = readJson(response);
  const value = body.kind === 'json' ? body.value : undefined;
  const code = Number(field(value, 'code'));
  const said = quote(ctx.redact(String(field(value, 'msg') ?? '')));
  const base = {
    provider: ctx.provider,
    status: response.status,
    exchangeCode: Number.isFinite(code) ? code : undefined,
  };
  if (code === TIMESTAMP_OUTSIDE_WINDOW) return { kind: 'auth-expired' };
  if (BAD_CREDENTIALS.has(code) || response.status === 401) {
    return {
      kind: 'error',
      error: new AuthenticationError(`${ctx.provider}: credentials refused (${said})`, base),
    };
  }
  if (response.status === 403) {
    const error = new PermissionDeniedError(`${ctx.provider}: ${ctx.method} ${ctx.path} refused (403)`, {
      ...base,
      required: ctx.required,
      granted: ctx.granted,
      source: 'exchange',
    });
    return { kind: 'error', error };
  }
  if (response.status === 429 || response.status === 418) {
    const error = new RateLimitError(`${ctx.provider}: rate limited (${response.status})`, {
      ...base,
      retryAfterMs: retryAfterMs(response.headers, ctx.clock.now()),
    });
    return { kind: 'error', error };
  }
  return {
    kind: 'error',
    error: new ExchangeError(`${ctx.provider}: ${ctx.method} ${ctx.path} failed: ${said}`, base),
  };
}

// 4. The provider: name, base, strategy, permissions, catalog, limits, classifier.
/**
 * A Binance-style exchange. Pass it to `createClient`.
 *
 * @example
 * ```ts
 * const client = createClient(queryExchange({ apiKey, apiSecret, baseURL, permissions: ['read', 'trade'] }));
 * await client.call('order.create', { query: { symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', quantity: '0.01', price: '100' } });
 * ```
 */
export function queryExchange<const P extends 'read' | 'trade' | 'withdraw' = 'read' | 'trade' | 'withdraw'>(
  options: QueryExchangeOptions<P>,
): Provider<P, typeof queryExchangeCatalog> {
  const parsed = parseOptions(optionsSchema, options, 'query-exchange');
  const baseURL = parsed.baseURL.replace(/\/+$/, '');
  return {
    name: 'query-exchange',
    baseURL,
    strategy: querySignature({
      apiKey: parsed.apiKey,
      apiSecret: parsed.apiSecret,
      recvWindowMs: parsed.recvWindowMs ?? 5_000,
      baseURL,
    }),
    permissions: (parsed.permissions ?? ['read', 'trade', 'withdraw']) as P[],
    catalog: queryExchangeCatalog,
    rateLimit: 20,
    headers: { Accept: 'application/json' },
    classify,
  };
}
