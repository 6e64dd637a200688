import type { ServerAnswer } from '../http-server.js';
import { SANDBOX_MESSAGES, type SandboxMessage } from './messages.js';

/** An answer with a JSON body. */
export function answer(status: number, body: unknown, headers?: Record<string, string>): ServerAnswer {
  return headers ? { status, body, headers } : { status, body };
}

/** A refused request: `{"message": …}`, plus `extra` members. */
export function refused(status: number, message: string, extra?: Record<string, unknown>): ServerAnswer {
  return answer(status, { message, ...extra });
}

/** A request refused with one of the sandbox's {@link SANDBOX_MESSAGES}. */
export function refusedWith(status: number, message: SandboxMessage): ServerAnswer {
  return refused(status, SANDBOX_MESSAGES[message]);
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
  return answer(429, { message: SANDBOX_MESSAGES[message] }, { 'Retry-After': String(seconds) });
}

/** 400 naming each invalid field of the body and why. */
export function invalid(errors: Record<string, string>): ServerAnswer {
  return refused(400, 'invalid request', { errors });
}

/** 400: not enough of `symbol` available for an order or a withdrawal. */
export function insufficientFunds(symbol: string): ServerAnswer {
  return refused(400, `insufficient funds: not enough ${symbol} available`);
}
