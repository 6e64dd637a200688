import { type ExchangeAuthError, ExchangeError, RateLimitError, TransportError } from '../core/errors.js';
import type { RetryPolicy } from './settings.js';

/**
 * Whether a failed attempt may be sent again. Only idempotent requests are repeated after an answer or an
 * unknown outcome; a request that never left the machine may always be sent again.
 */
export function mayRetry(error: ExchangeAuthError, idempotent: boolean): boolean {
  if (error instanceof TransportError) return error.outcome === 'not-sent' || idempotent;
  if (!idempotent) return false;
  if (error instanceof RateLimitError) return true;
  return error instanceof ExchangeError && error.status !== undefined && error.status >= 500;
}

/**
 * Milliseconds to wait before retry number `retry` (1-based): `Retry-After` when given, else exponential
 * backoff with jitter (`random` in [0, 1) picks a point in the upper half of the doubled delay).
 * `undefined` when the exchange asked for a longer wait than the policy allows: better to give up than to send
 * early and be refused again.
 */
export function retryDelay(
  policy: RetryPolicy,
  retry: number,
  retryAfterMs: number | undefined,
  random: number,
): number | undefined {
  if (retryAfterMs !== undefined)
    return retryAfterMs > policy.maxDelayMs ? undefined : Math.max(retryAfterMs, 0);
  const ceiling = Math.min(policy.maxDelayMs, policy.minDelayMs * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + (random * ceiling) / 2);
}
