import type { ExchangeResponse, RequestOptions } from '../core/client.js';
import {
  AuthenticationError,
  clientClosedError,
  ExchangeAuthError,
  RateLimitError,
  TransportError,
} from '../core/errors.js';
import { maskError, redactorFor } from '../core/redact.js';
import type { PreparedRequest, RawResponse } from '../core/request.js';
import type { AuthContext } from '../core/strategy.js';
import { answered, withAnswer, withOutcome } from './answer.js';
import type { EndpointMatch, PipelineContext } from './context.js';
import { finished, type Trace, where } from './events.js';
import { prepareRequest } from './prepare.js';
import { mayRetry, retryDelay } from './retry.js';
import { runInSequence } from './serial-queue.js';
import { signRequest } from './sign.js';

const SAFE_BY_METHOD = new Set(['GET', 'HEAD']);

/**
 * Runs one request through every step, in this order: catalog match, permission gate, serialisation, then per
 * attempt the rate limit, the per-key order, signing, transport and the provider's reading of the answer;
 * expired credentials are renewed once, and failures are retried only where the resend rule allows.
 * Errors leave with every known secret masked.
 */
export async function execute(
  ctx: PipelineContext,
  options: RequestOptions,
  given: EndpointMatch | undefined,
): Promise<ExchangeResponse> {
  const trace: Trace = { endpoint: given?.name, attempts: 0, status: undefined };
  const started = ctx.events.enabled ? ctx.options.clock.now() : 0;
  try {
    const response = await attemptAll(ctx, options, given, trace);
    if (ctx.events.enabled) finished(ctx, options, trace, started, 'ok');
    return response;
  } catch (error) {
    const thrown = masked(ctx, asLibraryError(ctx, options, error, trace.onWire === true));
    if (ctx.events.enabled) {
      finished(ctx, options, trace, started, thrown instanceof ExchangeAuthError ? thrown.code : 'other');
    }
    throw thrown;
  }
}

function masked(ctx: PipelineContext, error: unknown): unknown {
  return error instanceof ExchangeAuthError ? maskError(error, redactorFor(ctx.strategy.secrets())) : error;
}

/**
 * The caller's abort as a library error. Aborted in a wait (rate limit, per-key queue, login, backoff), nothing
 * of this attempt was sent; aborted while the attempt was in the transport's hands (`onWire`), bytes may have
 * left, so the outcome is unknown: `not-sent` only ever comes from an observation that no byte left.
 */
export function asLibraryError(
  ctx: Pick<PipelineContext, 'provider'>,
  options: Pick<RequestOptions, 'method' | 'path' | 'signal'>,
  error: unknown,
  onWire = false,
): unknown {
  if (error instanceof ExchangeAuthError || !options.signal?.aborted) return error;
  const where = `${ctx.provider.name}: ${options.method} ${options.path.split('?')[0]}`;
  if (onWire) {
    return new TransportError(
      `${where} was aborted while on the wire; the exchange may or may not have executed it, so reconcile before repeating it`,
      { provider: ctx.provider.name, outcome: 'unknown', networkCode: 'ERR_CANCELED' },
    );
  }
  return new TransportError(`${where} was aborted before it was sent`, {
    provider: ctx.provider.name,
    outcome: 'not-sent',
    networkCode: 'ERR_CANCELED',
  });
}

/** The context a strategy authorises one attempt with. */
export function authContextFor(
  ctx: PipelineContext,
  signal: AbortSignal | undefined,
  timeout: number,
): AuthContext {
  const { clock } = ctx.options;
  return {
    send: (request) => ctx.transport.send(request, { timeout: ctx.options.timeout }),
    signal,
    deadline: clock.now() + timeout,
    logger: ctx.log,
    clock,
    coordination: ctx.coordination?.current(),
    onEvent: ctx.events.auth,
  };
}

async function attemptAll(
  ctx: PipelineContext,
  options: RequestOptions,
  given: EndpointMatch | undefined,
  trace: Trace,
): Promise<ExchangeResponse> {
  const { provider, strategy, options: settings } = ctx;
  const { clock } = settings;
  const { match, permission, base } = prepareRequest(ctx, options, given);
  trace.endpoint = match?.name;
  const idempotent = options.idempotent ?? match?.endpoint.idempotent ?? SAFE_BY_METHOD.has(options.method);
  const timeout = options.timeout ?? settings.timeout;
  const started = clock.now();
  const sequenceKey = permission === 'public' ? undefined : strategy.sequenceKey;
  let retries = 0;
  let renewedSession = false;
  // The fleet's coordination, when the client has one and it answered at start (else the process's own).
  const fleet = await ctx.coordination?.active(options.signal, timeout);
  const limiter = (fleet && ctx.fleetLimiter) || ctx.limiter;

  for (;;) {
    let sent: PreparedRequest | undefined;
    let raw: RawResponse;
    try {
      // `lost` aborts when the fleet's turn of the key lapsed: nothing may be sent then.
      const attempt = async (lost?: AbortSignal) => {
        if (!ctx.isOpen()) throw clientClosedError(ctx.provider.name);
        if (options.signal?.aborted) throw options.signal.reason;
        let endTurn: (() => void) | undefined;
        if (limiter) {
          const before = clock.now();
          endTurn = await limiter.acquire(options.signal);
          const waited = clock.now() - before;
          if (waited > 0 && ctx.events.enabled) {
            ctx.events.emit({ ...where(ctx, options, trace), type: 'rate-limit-wait', waitMs: waited });
          }
          if (waited > 0 && ctx.log.enabled) {
            ctx.log.debug(
              `${provider.name} ${base.method} ${base.path} waited for the client-side rate limit`,
              {
                waitMs: waited,
              },
            );
          }
        }
        try {
          if (!ctx.isOpen()) throw clientClosedError(ctx.provider.name);
          const context = authContextFor(ctx, options.signal, timeout);
          const request = await signRequest(provider, strategy, base, { match, otp: options.otp }, context);
          // close() may have run while this attempt waited for a login.
          if (!ctx.isOpen()) throw clientClosedError(ctx.provider.name);
          if (lost?.aborted) throw lost.reason;
          sent = request;
          trace.attempts += 1;
          if (ctx.log.enabled)
            ctx.log.debug(`${provider.name} ${request.method} ${request.path}`, { attempt: retries + 1 });
          trace.onWire = true;
          try {
            return await ctx.transport.send(request, { timeout, signal: options.signal });
          } finally {
            trace.onWire = false;
          }
        } finally {
          // A fleet's turn counts until the request has ended.
          endTurn?.();
        }
      };
      // One key's signed requests go one at a time in this process, and with a fleet, one at a time in the fleet.
      const inTurn = fleet
        ? (key: string) => () => fleet.order.run(key, attempt, { signal: options.signal, timeoutMs: timeout })
        : () => () => attempt();
      // An abort leaves the key's queue only while this request waits in it: once its turn began, the attempt
      // alone says how it ended (the transport knows whether a byte left).
      raw = await (sequenceKey === undefined
        ? attempt()
        : runInSequence(sequenceKey, inTurn(sequenceKey), options.signal));
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      await backoffOrThrow(error, undefined);
      continue;
    }

    trace.status = raw.status;
    const classification = provider.classify(raw, {
      provider: provider.name,
      method: base.method,
      path: base.path,
      required: permission,
      granted: ctx.grantedList,
      redact: (text) => redactorFor(strategy.secrets()).text(text),
      clock,
    });
    if (ctx.log.enabled) {
      ctx.log.debug(`${provider.name} ${base.method} ${base.path} answered ${raw.status}`, {
        outcome: classification.kind,
      });
    }

    if (classification.kind === 'ok')
      return answered(ctx, options, trace, match, classification.data, raw, idempotent);
    if (classification.kind === 'auth-expired') {
      if (!renewedSession && sent && (await strategy.expire?.(sent))) {
        renewedSession = true;
        if (ctx.events.enabled)
          ctx.events.emit({ provider: provider.name, type: 'session-expired', reason: 'refused' });
        ctx.log.info(`${provider.name}: credentials expired; authorising again and sending once more`);
        continue;
      }
      throw new AuthenticationError(
        `${provider.name}: the exchange refused the credentials${renewedSession ? ' again after renewing them (a fresh login, a resynchronised clock)' : ''}`,
        { provider: provider.name, status: raw.status },
      );
    }
    const error = withAnswer(classification.error, raw);
    await backoffOrThrow(idempotent ? error : withOutcome(error), raw.status);
  }

  async function backoffOrThrow(error: ExchangeAuthError, status: number | undefined): Promise<void> {
    if (retries >= settings.retry.retries || !mayRetry(error, idempotent) || options.signal?.aborted)
      throw error;
    const retryAfter = error instanceof RateLimitError ? error.retryAfterMs : undefined;
    const delay = retryDelay(settings.retry, retries + 1, retryAfter, clock.random());
    if (delay === undefined || clock.now() - started + delay > settings.retry.maxElapsedMs) throw error;
    retries += 1;
    if (ctx.events.enabled) {
      ctx.events.emit({
        ...where(ctx, options, trace),
        type: 'retry-scheduled',
        attempt: retries + 1,
        delayMs: delay,
        reason: error.code,
        status,
      });
    }
    ctx.log.warn(
      `${provider.name} ${base.method} ${base.path} failed (${status ?? error.code}); retry ${retries}`,
      {
        delayMs: delay,
      },
    );
    await clock.sleep(delay, options.signal).catch(() => {
      throw error;
    });
  }
}
