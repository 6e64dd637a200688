import type { RequestOptions } from '../core/client.js';
import { type ExchangeAuthError, RateLimitError } from '../core/errors.js';
import type { PreparedRequest } from '../core/request.js';
import type { PipelineContext } from './context.js';
import { type Trace, where } from './events.js';
import { mayRetry, retryDelay } from './retry.js';

/** The retries of one request: the wait before the next attempt, or the error when no other may follow. */
export interface Backoff {
  /** Retries made so far. */
  readonly retries: number;
  /**
   * Waits before sending again when the resend rule and the retry policy allow it (`status` is the answer's, if
   * one came); else throws `error`.
   */
  waitOrThrow(error: ExchangeAuthError, status: number | undefined): Promise<void>;
}

/**
 * The backoff of one request whose first attempt began at `started` (`idempotent` decides what may be sent
 * again).
 */
export function backoffFor(
  ctx: PipelineContext,
  options: RequestOptions,
  request: PreparedRequest,
  trace: Trace,
  idempotent: boolean,
  started: number,
): Backoff {
  const { clock, retry: policy } = ctx.options;
  let retries = 0;
  return {
    get retries() {
      return retries;
    },
    async waitOrThrow(error, status) {
      if (retries >= policy.retries || !mayRetry(error, idempotent) || options.signal?.aborted) throw error;
      const retryAfter = error instanceof RateLimitError ? error.retryAfterMs : undefined;
      const delay = retryDelay(policy, retries + 1, retryAfter, clock.random());
      if (delay === undefined || clock.now() - started + delay > policy.maxElapsedMs) throw error;
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
        `${ctx.provider.name} ${request.method} ${request.path} failed (${status ?? error.code}); retry ${retries}`,
        { delayMs: delay },
      );
      await clock.sleep(delay, options.signal).catch(() => {
        throw error;
      });
    },
  };
}
