import type { ServerAnswer } from '../http-server.js';
import type { RefusalReason } from '../request-log.js';
import { REFUSAL_OF, SANDBOX_MESSAGES, type SandboxMessage } from './messages.js';

/** An answer with a JSON body. */
export function answer(status: number, body: unknown, headers?: Record<string, string>): ServerAnswer {
  return headers ? { status, body, headers } : { status, body };
}

/** A refused request: `{"message": …}`, plus `extra` members; `reason` goes to the log. */
export function refused(
  status: number,
  message: string,
  reason: RefusalReason = 'invalid-request',
  extra?: Record<string, unknown>,
): ServerAnswer {
  return { status, body: { message, ...extra }, refusal: reason };
}

/** A request refused with one of the sandbox's {@link SANDBOX_MESSAGES}. */
export function refusedWith(status: number, message: SandboxMessage): ServerAnswer {
  return refused(status, SANDBOX_MESSAGES[message], REFUSAL_OF[message]);
}

/** 404: no such route (or a path outside the base path). */
export function notFound(): ServerAnswer {
  return refusedWith(404, 'notFound');
}

/** 429 with `Retry-After` in whole seconds, at least 1. */
export function tooManyRequests(
  message: 'rateLimited' | 'publicRateLimited',
  retryAfterMs: number,
): ServerAnswer {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return { ...refusedWith(429, message), headers: { 'Retry-After': String(seconds) } };
}

/** 400 naming each invalid field of the body and why. */
export function invalid(errors: Record<string, string>): ServerAnswer {
  return refused(400, 'invalid request', 'invalid-request', { errors });
}

/** 400: not enough of `symbol` available for an order or a withdrawal. */
export function insufficientFunds(symbol: string): ServerAnswer {
  return refused(400, `insufficient funds: not enough ${symbol} available`, 'insufficient-funds');
}
