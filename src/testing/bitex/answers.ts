import type { ServerAnswer } from '../http-server.js';
import type { RefusalReason } from '../request-log.js';

const JSON_API = { 'Content-Type': 'application/vnd.api+json; charset=utf-8' };
const PLAIN_JSON = { 'Content-Type': 'application/json; charset=utf-8' };

/** The messages Bitex answers with, word for word. */
export const BITEX_MESSAGES = {
  invalidApiKey: 'Invalid Api Key',
  notEnoughPermissions: 'Not enough permissions',
  invalidOtp: 'Invalid One-Time-Password',
  tooManyRequests: 'Too many requests',
  versionRequired: 'This sandbox serves API version 2.1 only: send the header Version: 2.1',
} as const;

/** The {@link RefusalReason} of each of Bitex's plain error messages, for the log. */
const REFUSAL_OF: Readonly<Record<string, RefusalReason>> = {
  [BITEX_MESSAGES.invalidApiKey]: 'unknown-key',
  [BITEX_MESSAGES.notEnoughPermissions]: 'missing-permission',
  [BITEX_MESSAGES.invalidOtp]: 'bad-one-time-password',
  [BITEX_MESSAGES.tooManyRequests]: 'rate-limit',
  [BITEX_MESSAGES.versionRequired]: 'unsupported-version',
};

/** A JSON:API resource object. */
export interface Resource {
  readonly id: string;
  readonly type: string;
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly relationships?: Readonly<Record<string, unknown>>;
}

/** Builds a JSON:API resource object. */
export function resource(type: string, id: number | string, attributes: Record<string, unknown>): Resource {
  return { id: String(id), type, attributes };
}

/** A JSON:API document answer: `{"data": …}` plus top-level members such as `included`. */
export function jsonApi(data: unknown, status = 200, extra: Record<string, unknown> = {}): ServerAnswer {
  return { status, headers: JSON_API, body: { data, ...extra } };
}

/** An answer with no body (204). */
export function noContent(): ServerAnswer {
  return { status: 204 };
}

/** Bitex's plain `{"error": …}` answer, as for bad keys and missing permissions. */
export function plainError(
  status: number,
  message: string,
  headers: Record<string, string> = {},
): ServerAnswer {
  const refusal = REFUSAL_OF[message] ?? 'invalid-request';
  return { status, headers: { ...PLAIN_JSON, ...headers }, body: { error: message }, refusal };
}

/**
 * Bitex's 404 answer, `{"errors":[{"code":null,"detail":null}]}`: an id that names nothing the caller may use,
 * or (`unknown-route`) a path that names no route.
 */
export function notFound(reason: RefusalReason = 'unknown-id'): ServerAnswer {
  return {
    status: 404,
    headers: JSON_API,
    body: { errors: [{ code: null, detail: null }] },
    refusal: reason,
  };
}

/** The {@link RefusalReason} of the JSON:API error codes that are not plain bad input. */
const PROBLEM_REFUSALS: Readonly<Record<string, RefusalReason>> = {
  insufficient_funds: 'insufficient-funds',
  invalid_withdrawal_instruction: 'unknown-id',
};

/** One JSON:API error of a refused request. */
interface Problem {
  readonly title: string;
  readonly detail: string;
  readonly code: string;
  /** JSON pointer to the offending member, such as `/data/attributes/amount`. */
  readonly pointer: string;
}

/** A JSON:API errors answer (422 unless told), in Bitex's shape. */
export function problem(issue: Problem, status = 422): ServerAnswer {
  const { title, detail, code, pointer } = issue;
  return {
    status,
    headers: JSON_API,
    body: { errors: [{ status, title, detail, code, source: { pointer } }] },
    refusal: PROBLEM_REFUSALS[code] ?? 'invalid-request',
  };
}
