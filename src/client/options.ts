import type { Agent as HttpAgent } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import type { AxiosInstance } from 'axios';
import { z } from 'zod';
import { type Clock, systemClock } from '../core/clock.js';
import type { Coordination } from '../core/coordination.js';
import type { CredentialsSource } from '../core/credentials-source.js';
import type { ClientEventListener } from '../core/events.js';
import type { FieldsFirstLogger, Logger } from '../core/log.js';
import { hasMethods, methodsSchema, millisecondsSchema, parseOptions } from '../core/validate.js';
import type { ResolvedClientOptions, RetryPolicy } from '../pipeline/settings.js';
import { chooseTransport } from './choose-transport.js';
import { credentialsSourceSchema } from './credentials-watch.js';

/** How idempotent requests are retried after a network fault, a 429 or a 5xx. */
export interface RetryOptions {
  /** Retries after the first attempt. Default 2. */
  retries?: number;
  /** First backoff delay in milliseconds; each retry doubles it (with jitter). Default 200. */
  minDelayMs?: number;
  /** Longest single wait, `Retry-After` included. Default 5,000. */
  maxDelayMs?: number;
  /** No retry starts after this many milliseconds since the request began. Default 30,000. */
  maxElapsedMs?: number;
}

/**
 * The HTTP engine a client sends through: `'undici'`, Node's own HTTP engine (the one behind its `fetch`), or
 * `'axios'`. Both keep the same promises (one deadline per attempt, size caps, `'not-sent'` only when observed).
 */
export type TransportName = 'undici' | 'axios';

/** Options of {@link createClient}. */
export interface ClientOptions {
  /**
   * The HTTP engine: `'undici'` (the default; a quarter to a third of axios's CPU per request) or `'axios'` (your
   * interceptors, adapters and Node agents). Giving `axios`, `httpsAgent` or `httpAgent` means `'axios'`; giving
   * `dispatcher` means `'undici'`. See "Transports" in the README.
   */
  transport?: TransportName;
  /**
   * Your own axios instance (its interceptors and defaults apply); requests then go through axios. Default: a
   * new one when the transport is `'axios'`.
   */
  axios?: AxiosInstance;
  /**
   * The undici dispatcher requests go through, for the undici transport: `new Agent({ connect: { cert, key,
   * ca } })` for TLS client certificates, `new ProxyAgent(url)` for a proxy (both from `undici`). Typed by the
   * one method the client calls, so that type-checking a program does not load undici's types. Default: one
   * keep-alive agent for the process.
   */
  dispatcher?: {
    /** undici's `Dispatcher.dispatch(options, handler)`: hands one request to the dispatcher. */
    dispatch(options: object, handler: object): boolean;
  };
  /**
   * One attempt's deadline in milliseconds: connecting, sending and reading the whole answer. Time spent waiting
   * in the client's own queues (rate limit, per-key order, in-flight limit, a login) is not part of it.
   * Default 10,000; at most 2^31−1.
   */
  timeout?: number;
  /** Retry settings for idempotent requests, or false for none. */
  retry?: RetryOptions | false;
  /**
   * Client-side limit in requests per second (from 0.01 to 10,000), or false. Default: the exchange's documented
   * limit.
   */
  rateLimit?: number | false;
  /** Requests this client has on the wire at once; the rest wait their turn. Default 64. */
  maxInFlight?: number;
  /** Largest answer accepted, in bytes as received (compressed or not). Default 8 MiB. */
  maxResponseBytes?: number;
  /** Largest answer accepted after decompression, in bytes. Default 32 MiB. */
  maxDecompressedBytes?: number;
  /**
   * Node agent for https URLs (TLS client certificates, proxies, keep-alive), used by the axios transport: giving
   * one means `transport: 'axios'`. On undici, give a `dispatcher` instead.
   */
  httpsAgent?: HttpsAgent;
  /** Node agent for http URLs, used by the axios transport (giving one means `transport: 'axios'`). */
  httpAgent?: HttpAgent;
  /**
   * Receives debug/info/warn/error lines, with every secret masked: `console`, a pino or bunyan logger (fields
   * first, recognised as such), or any logger with those four methods (wrap a fields-first one in
   * `fieldsFirst`).
   */
  logger?: Logger | FieldsFirstLogger;
  /**
   * Where time and jitter come from: backoff, `Retry-After`, the rate limiter, session lifetimes, nonces and
   * deadlines all read it. Default the system clock; tests pass one they drive.
   */
  clock?: Clock;
  /**
   * Share each key's nonces, arrival order, session and rate limit with every process of a fleet, in place of
   * this process's own: `redisCoordination(redis)` from `exchange-auth/redis`. Default: this process only
   * (every client and provider of one key in the process already shares them). See docs/fleet.md.
   */
  coordination?: Coordination;
  /**
   * Receives the client's events for metrics: logins, session expiries, retries, rate-limit waits and each
   * finished request (provider, endpoint, status, attempts, duration). Secrets are masked in every event; a
   * listener that throws is ignored (and logged once). See docs/metrics.md.
   */
  onEvent?: ClientEventListener;
  /**
   * What to do when the exchange accepted a request that moves money (an order, a withdrawal: not idempotent)
   * but its answer does not match the endpoint's documented schema. Default `false`: the request was executed,
   * so the call resolves with the answer as sent and `drift` saying what did not match (an `answer-drift` event
   * and a warning go out too). `true`: it rejects with `ResponseValidationError` (`accepted: true`) instead.
   * Reads always reject on a mismatch: nothing was executed, and a bot should not decide on an unknown shape.
   */
  strictAnswers?: boolean;
  /**
   * Where the client reads its key again while it runs (a secrets manager, a file that changes): a new key from
   * it is rotated to as `client.rotate` does, and a failing or slow source changes nothing. See
   * {@link CredentialsSource}.
   */
  credentials?: CredentialsSource;
}

/** A listener of {@link ClientEvent}s. */
export const onEventSchema = z.custom<ClientEventListener>((value) => typeof value === 'function', {
  error: 'onEvent must be a function (event) => void',
});

const isFunctionObject = (value: unknown): boolean =>
  typeof value === 'function' || (typeof value === 'object' && value !== null);

const positiveMs = millisecondsSchema;

/** The rate limits the limiter can honour: slower than one per 100 s cannot be timed, faster is no limit. */
const RATE_LIMIT_RANGE = { min: 0.01, max: 10_000 } as const;

const count = (name: string, min: number, max: number, what: string) =>
  z
    .number({ error: `${name} must be a number of ${what}` })
    .int({ error: `${name} must be a whole number of ${what}` })
    .min(min, { error: `${name} must be at least ${min}` })
    .max(max, { error: `${name} must be at most ${max}` });

const retrySchema = z.union([
  z.literal(false),
  z
    .object({
      retries: z
        .number({ error: 'retries must be a number' })
        .int({ error: 'retries must be a whole number' })
        .min(0, { error: 'retries must be 0 or more' })
        .max(10, { error: 'retries must be at most 10' })
        .optional(),
      minDelayMs: positiveMs('minDelayMs').optional(),
      maxDelayMs: positiveMs('maxDelayMs').optional(),
      maxElapsedMs: positiveMs('maxElapsedMs').optional(),
    })
    .strict(),
]);

/** A logger: four methods, message first or fields first. */
export const loggerSchema = methodsSchema<Logger | FieldsFirstLogger>('logger', [
  'debug',
  'info',
  'warn',
  'error',
]);

/** A {@link Clock}. */
export const clockSchema = methodsSchema<Clock>('clock', ['now', 'sleep', 'random', 'setTimer']);

/** A fleet coordination (`redisCoordination(redis)`), checked by shape. */
export const coordinationSchema = z.custom<Coordination>(
  (value) =>
    hasMethods(value, ['start', 'rateLimit', 'sessions']) &&
    typeof (value as { nonces?: { next?: unknown } }).nonces?.next === 'function' &&
    typeof (value as { order?: { run?: unknown } }).order?.run === 'function',
  {
    error:
      'coordination must be a fleet coordination, such as redisCoordination(redis) from exchange-auth/redis',
  },
);

const clientOptionsSchema = z
  .object({
    transport: z.enum(['undici', 'axios'], { error: "transport must be 'undici' or 'axios'" }).optional(),
    dispatcher: z
      .custom<NonNullable<ClientOptions['dispatcher']>>((value) => hasMethods(value, ['dispatch']), {
        error: 'dispatcher must be an undici dispatcher (new Agent(...) or new ProxyAgent(url) from undici)',
      })
      .optional(),
    axios: z
      .custom<AxiosInstance>((value) => typeof value === 'function' && 'request' in value, {
        error: 'axios must be an axios instance (axios.create())',
      })
      .optional(),
    timeout: positiveMs('timeout').optional(),
    retry: retrySchema.optional(),
    rateLimit: z
      .union([z.literal(false), z.number().min(RATE_LIMIT_RANGE.min).max(RATE_LIMIT_RANGE.max)], {
        error: `rateLimit must be false or a number of requests per second from ${RATE_LIMIT_RANGE.min} to ${RATE_LIMIT_RANGE.max}`,
      })
      .optional(),
    maxInFlight: count('maxInFlight', 1, 10_000, 'requests').optional(),
    maxResponseBytes: count('maxResponseBytes', 1, 2 ** 31 - 1, 'bytes').optional(),
    maxDecompressedBytes: count('maxDecompressedBytes', 1, 2 ** 31 - 1, 'bytes').optional(),
    httpsAgent: z
      .custom<HttpsAgent>(isFunctionObject, { error: 'httpsAgent must be an https.Agent' })
      .optional(),
    httpAgent: z.custom<HttpAgent>(isFunctionObject, { error: 'httpAgent must be an http.Agent' }).optional(),
    logger: loggerSchema.optional(),
    clock: clockSchema.optional(),
    onEvent: onEventSchema.optional(),
    strictAnswers: z.boolean({ error: 'strictAnswers must be true or false' }).optional(),
    coordination: coordinationSchema.optional(),
    credentials: credentialsSourceSchema.optional(),
  })
  .strict()
  .superRefine((options, ctx) => {
    const { misfit } = chooseTransport(options);
    if (misfit) ctx.addIssue({ code: 'custom', path: [misfit.field], message: misfit.message });
  });

const NO_RETRY: RetryPolicy = { retries: 0, minDelayMs: 1, maxDelayMs: 1, maxElapsedMs: 1 };
const DEFAULT_RETRY: RetryPolicy = Object.freeze({
  retries: 2,
  minDelayMs: 200,
  maxDelayMs: 5_000,
  maxElapsedMs: 30_000,
});
const DEFAULT_LIMITS = Object.freeze({ responseBytes: 8 * 1024 * 1024, decompressedBytes: 32 * 1024 * 1024 });

/**
 * The options of clients given none, per provider rate: one object for all of them (a service with a client per
 * user holds it once).
 */
const defaults = new Map<number | false, ResolvedClientOptions>();

/** Validates client options and fills in defaults. */
export function resolveClientOptions(
  input: ClientOptions | undefined,
  provider: string,
  providerRateLimit: number | false,
): ResolvedClientOptions {
  if (input !== undefined) return resolve(input, provider, providerRateLimit);
  let resolved = defaults.get(providerRateLimit);
  if (resolved === undefined) {
    resolved = Object.freeze(resolve({}, provider, providerRateLimit));
    if (defaults.size < 64) defaults.set(providerRateLimit, resolved);
  }
  return resolved;
}

function resolve(
  input: ClientOptions,
  provider: string,
  providerRateLimit: number | false,
): ResolvedClientOptions {
  const options = parseOptions(clientOptionsSchema, input, provider);
  const retry = options.retry;
  const responseBytes = options.maxResponseBytes ?? DEFAULT_LIMITS.responseBytes;
  const decompressedBytes = options.maxDecompressedBytes ?? DEFAULT_LIMITS.decompressedBytes;
  return {
    transport: chooseTransport(options).transport,
    axios: options.axios,
    dispatcher: options.dispatcher,
    timeout: options.timeout ?? 10_000,
    retry: retry === false ? NO_RETRY : retry === undefined ? DEFAULT_RETRY : retryPolicy(retry),
    rateLimit: options.rateLimit === undefined ? providerRateLimit : options.rateLimit,
    httpsAgent: options.httpsAgent,
    httpAgent: options.httpAgent,
    logger: options.logger,
    clock: options.clock ?? systemClock,
    maxInFlight: options.maxInFlight ?? 64,
    limits:
      responseBytes === DEFAULT_LIMITS.responseBytes && decompressedBytes === DEFAULT_LIMITS.decompressedBytes
        ? DEFAULT_LIMITS
        : { responseBytes, decompressedBytes },
    coordination: options.coordination,
    onEvent: options.onEvent,
    strictAnswers: options.strictAnswers ?? false,
    credentials: options.credentials as CredentialsSource | undefined,
  };
}

function retryPolicy(retry: { [K in keyof RetryOptions]?: number | undefined }): RetryPolicy {
  return {
    retries: retry.retries ?? DEFAULT_RETRY.retries,
    minDelayMs: retry.minDelayMs ?? DEFAULT_RETRY.minDelayMs,
    maxDelayMs: retry.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs,
    maxElapsedMs: retry.maxElapsedMs ?? DEFAULT_RETRY.maxElapsedMs,
  };
}
