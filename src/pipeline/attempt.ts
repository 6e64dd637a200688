import type { RequestOptions } from '../core/client.js';
import type { Coordination } from '../core/coordination.js';
import { clientClosedError } from '../core/errors.js';
import type { KeyRateLimit } from '../core/registry.js';
import type { PreparedRequest, RawResponse } from '../core/request.js';
import type { AuthContext, AuthStrategy } from '../core/strategy.js';
import type { EndpointMatch, PipelineContext } from './context.js';
import { type Trace, where } from './events.js';
import { runInSequence } from './serial-queue.js';
import { signRequest } from './sign.js';

/** What every attempt of one request shares, fixed before the first. */
export interface AttemptPlan {
  readonly options: RequestOptions;
  readonly base: PreparedRequest;
  readonly match: EndpointMatch | undefined;
  /** The key whose signed requests go one at a time; `undefined` for a public call. */
  readonly sequenceKey: string | undefined;
  readonly timeout: number;
  /** The fleet's coordination when it is active, else `undefined` (the process orders the key alone). */
  readonly fleet: Coordination | undefined;
  readonly limiter: KeyRateLimit | undefined;
  /** The key this request took when it began: every attempt is signed with it. */
  readonly strategy: AuthStrategy;
  readonly trace: Trace;
}

/** An attempt that reached the exchange: the request as signed and sent, and the raw answer. */
export interface SentAttempt {
  readonly request: PreparedRequest;
  readonly raw: RawResponse;
}

/** The context a strategy authorises one attempt with. */
export function authContextFor(
  ctx: PipelineContext,
  signal: AbortSignal | undefined,
  timeout: number,
): AuthContext {
  const { clock } = ctx.options;
  return {
    send: async (request) => {
      const sentAt = clock.now();
      const raw = await ctx.transport.send(request, { timeout: ctx.options.timeout });
      ctx.clockOffset.observe({ sentAt, receivedAt: clock.now(), date: raw.headers.date });
      return raw;
    },
    signal,
    deadline: clock.now() + timeout,
    logger: ctx.log,
    clock,
    clockOffset: ctx.clockOffset,
    coordination: ctx.coordination?.current(),
    onEvent: ctx.events.auth,
  };
}

/**
 * One attempt: the key's turn (in this process, and with a fleet, in the fleet), the rate limit, signing, and the
 * transport. An abort leaves the key's queue only while the attempt waits in it: once its turn began, the attempt
 * alone says how it ended (the transport knows whether a byte left).
 */
export function attempt(ctx: PipelineContext, plan: AttemptPlan, number: number): Promise<SentAttempt> {
  const { sequenceKey, fleet, options } = plan;
  const once = (lost?: AbortSignal) => attemptInTurn(ctx, plan, number, lost);
  if (sequenceKey === undefined) return once();
  const inTurn = fleet
    ? () => fleet.order.run(sequenceKey, once, { signal: options.signal, timeoutMs: plan.timeout })
    : () => once();
  return runInSequence(sequenceKey, inTurn, options.signal);
}

/** The attempt once it holds the key's turn. `lost` aborts when the fleet's turn lapsed: nothing may be sent then. */
async function attemptInTurn(
  ctx: PipelineContext,
  plan: AttemptPlan,
  number: number,
  lost: AbortSignal | undefined,
): Promise<SentAttempt> {
  const { options, trace } = plan;
  ensureOpen(ctx);
  if (options.signal?.aborted) throw options.signal.reason;
  const endTurn = plan.limiter ? await waitForRateLimit(ctx, plan, plan.limiter) : undefined;
  try {
    ensureOpen(ctx);
    const context = authContextFor(ctx, options.signal, plan.timeout);
    const extras = { match: plan.match, otp: options.otp };
    const request = await signRequest(ctx.provider, plan.strategy, plan.base, extras, context);
    // close() may have run while this attempt waited for a login.
    ensureOpen(ctx);
    if (lost?.aborted) throw lost.reason;
    trace.attempts += 1;
    if (ctx.log.enabled)
      ctx.log.debug(`${ctx.provider.name} ${request.method} ${request.path}`, { attempt: number });
    trace.onWire = true;
    try {
      const { clock } = ctx.options;
      const sentAt = clock.now();
      const raw = await ctx.transport.send(request, { timeout: plan.timeout, signal: options.signal });
      ctx.clockOffset.observe({ sentAt, receivedAt: clock.now(), date: raw.headers.date });
      return { request, raw };
    } finally {
      trace.onWire = false;
    }
  } finally {
    // A fleet's turn counts until the request has ended.
    endTurn?.();
  }
}

function ensureOpen(ctx: PipelineContext): void {
  if (!ctx.isOpen()) throw clientClosedError(ctx.provider.name);
}

/** Takes a turn of the rate limit, reporting a wait; returns what ends the turn. */
async function waitForRateLimit(
  ctx: PipelineContext,
  plan: AttemptPlan,
  limiter: KeyRateLimit,
): Promise<(() => void) | undefined> {
  const { clock } = ctx.options;
  const before = clock.now();
  const endTurn = await limiter.acquire(plan.options.signal);
  const waitMs = clock.now() - before;
  if (waitMs > 0 && ctx.events.enabled) {
    ctx.events.emit({ ...where(ctx, plan.options, plan.trace), type: 'rate-limit-wait', waitMs });
  }
  if (waitMs > 0 && ctx.log.enabled) {
    const { method, path } = plan.base;
    ctx.log.debug(`${ctx.provider.name} ${method} ${path} waited for the client-side rate limit`, { waitMs });
  }
  return endTurn;
}
