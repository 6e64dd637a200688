import type { ExchangeResponse, RequestOptions } from '../core/client.js';
import { AuthenticationError, ExchangeAuthError, TransportError } from '../core/errors.js';
import type { Classification } from '../core/provider.js';
import { maskError, redactorFor } from '../core/redact.js';
import type { PreparedRequest, RawResponse } from '../core/request.js';
import { answered, withAnswer, withOutcome } from './answer.js';
import { type AttemptPlan, attempt, type SentAttempt } from './attempt.js';
import { type Backoff, backoffFor } from './backoff.js';
import type { EndpointMatch, KeyGeneration, PipelineContext } from './context.js';
import { finished, type Trace } from './events.js';
import { prepareRequest } from './prepare.js';

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
  return error instanceof ExchangeAuthError ? maskError(error, redactorFor(ctx.keys.secrets())) : error;
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

/**
 * The attempts of one request: each attempt sent, its answer classified by the provider; an accepted answer
 * resolves, expired credentials are renewed once, and anything else is retried only where the resend rule allows.
 */
async function attemptAll(
  ctx: PipelineContext,
  options: RequestOptions,
  given: EndpointMatch | undefined,
  trace: Trace,
): Promise<ExchangeResponse> {
  const { generation, release } = ctx.keys.enter();
  try {
    return await attemptWith(ctx, options, given, trace, generation);
  } finally {
    release();
  }
}

/** {@link attemptAll} with the key the request took. */
async function attemptWith(
  ctx: PipelineContext,
  options: RequestOptions,
  given: EndpointMatch | undefined,
  trace: Trace,
  generation: KeyGeneration,
): Promise<ExchangeResponse> {
  const plan = await planAttempts(ctx, options, given, trace, generation);
  const idempotent =
    options.idempotent ?? plan.match?.endpoint.idempotent ?? SAFE_BY_METHOD.has(options.method);
  // Made at the first failure (most requests have none), counting from the first attempt.
  const started = ctx.options.clock.now();
  let backoff: Backoff | undefined;
  const waitOrThrow = (error: ExchangeAuthError, status: number | undefined) => {
    backoff ??= backoffFor(ctx, options, plan.base, trace, idempotent, started);
    return backoff.waitOrThrow(error, status);
  };
  let renewed = false;
  for (;;) {
    let sent: SentAttempt;
    try {
      sent = await attempt(ctx, plan, (backoff?.retries ?? 0) + 1);
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      await waitOrThrow(error, undefined);
      continue;
    }
    const { raw } = sent;
    trace.status = raw.status;
    const classification = classify(ctx, plan, raw);
    if (classification.kind === 'ok') {
      return answered(ctx, options, trace, plan.match, classification.data, raw, idempotent);
    }
    if (classification.kind === 'auth-expired') {
      if (!renewed && (await renewCredentials(ctx, plan, sent.request))) {
        renewed = true;
        continue;
      }
      throw refusedCredentials(ctx, raw.status, renewed);
    }
    const error = withAnswer(classification.error, raw);
    await waitOrThrow(idempotent ? error : withOutcome(error), raw.status);
  }
}

/** What every attempt of the request shares: the prepared request, its key's order and its rate limit. */
async function planAttempts(
  ctx: PipelineContext,
  options: RequestOptions,
  given: EndpointMatch | undefined,
  trace: Trace,
  generation: KeyGeneration,
): Promise<AttemptPlan> {
  const { match, permission, base } = prepareRequest(ctx, options, given);
  trace.endpoint = match?.name;
  const timeout = options.timeout ?? ctx.options.timeout;
  // The fleet's coordination, when the client has one and it answered at start (else the process's own).
  const fleet = await ctx.coordination?.active(options.signal, timeout);
  const { strategy } = generation;
  const limiter = (fleet && generation.fleetLimiter) || generation.limiter;
  const sequenceKey = permission === 'public' ? undefined : strategy.sequenceKey;
  return { options, base, match, sequenceKey, timeout, fleet, limiter, strategy, trace };
}

/** The provider's reading of an answer. */
function classify(ctx: PipelineContext, plan: AttemptPlan, raw: RawResponse): Classification {
  const { provider } = ctx;
  const { base } = plan;
  const classification = provider.classify(raw, {
    provider: provider.name,
    method: base.method,
    path: base.path,
    required: base.permission,
    granted: ctx.grantedList,
    redact: (text) => redactorFor(ctx.keys.secrets()).text(text),
    clock: ctx.options.clock,
    // Read only by the classifiers that need it (an expired gateway call): a reading sorts the samples.
    get clockOffset() {
      return ctx.clockOffset.reading();
    },
  });
  if (ctx.log.enabled) {
    ctx.log.debug(`${provider.name} ${base.method} ${base.path} answered ${raw.status}`, {
      outcome: classification.kind,
    });
  }
  return classification;
}

/** Asks the strategy to renew the credentials `sent` carried; true when it did and the request may go again. */
async function renewCredentials(
  ctx: PipelineContext,
  plan: AttemptPlan,
  sent: PreparedRequest,
): Promise<boolean> {
  if (!(await plan.strategy.expire?.(sent))) return false;
  if (ctx.events.enabled)
    ctx.events.emit({ provider: ctx.provider.name, type: 'session-expired', reason: 'refused' });
  ctx.log.info(`${ctx.provider.name}: credentials expired; authorising again and sending once more`);
  return true;
}

function refusedCredentials(ctx: PipelineContext, status: number, renewed: boolean): AuthenticationError {
  const again = renewed ? ' again after renewing them (a fresh login, a resynchronised clock)' : '';
  return new AuthenticationError(`${ctx.provider.name}: the exchange refused the credentials${again}`, {
    provider: ctx.provider.name,
    status,
  });
}
