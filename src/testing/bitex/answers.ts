import type { ServerAnswer } from '../http-server.js';

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
  return { status, headers: { ...PLAIN_JSON, ...headers }, body: { error: message } };
}

/** Bitex's 404 answer, `{"errors":[{"code":null,"detail":null}]}`. */
export function notFound(): ServerAnswer {
  return { status: 404, headers: JSON_API, body: { errors: [{ code: null, detail: null }] } };
}

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
  };
}
