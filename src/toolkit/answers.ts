import { ResponseValidationError } from '../core/errors.js';
import type { Classification, ClassifyContext } from '../core/provider.js';
import { quote } from '../core/quote.js';
import type { RawResponse } from '../core/request.js';

/** The body read as JSON, or what it was instead. */
export type JsonBody =
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'empty' }
  | { readonly kind: 'html' }
  | { readonly kind: 'truncated' }
  | { readonly kind: 'text' };

/** Reads an answer's body as JSON without throwing. */
export function readJson(response: RawResponse): JsonBody {
  try {
    return { kind: 'json', value: JSON.parse(response.text) };
  } catch {
    const text = response.text.trim();
    if (text === '') return { kind: 'empty' };
    if (
      /^<(!doctype|html|head|body|\?xml)/i.test(text) ||
      (response.headers['content-type'] ?? '').includes('html')
    ) {
      return { kind: 'html' };
    }
    return text.startsWith('{') || text.startsWith('[') ? { kind: 'truncated' } : { kind: 'text' };
  }
}

/** A short description of a body that was not JSON, for error messages (never the body itself). */
export function describeBody(response: RawResponse, body: JsonBody): string {
  const size = `${Buffer.byteLength(response.text)} bytes`;
  const type = response.headers['content-type'] ?? 'no content type';
  switch (body.kind) {
    case 'html':
      return `an HTML page (${type}, ${size}), probably a CDN or proxy challenge, not the API`;
    case 'truncated':
      return `truncated or malformed JSON (${size})`;
    case 'empty':
      return 'an empty body';
    case 'text':
      return `a non-JSON body (${type}, ${size})`;
    case 'json':
      return `JSON (${size})`;
  }
}

/** `Retry-After` in milliseconds (seconds, or an HTTP date counted from `now`), when the answer has one. */
export function retryAfterMs(headers: Readonly<Record<string, string>>, now: number): number | undefined {
  const value = headers['retry-after'];
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Reads a field of an object regardless of the case of its name (`SessionToken`, `sessionToken`). */
export function field(value: unknown, name: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (name in record) return record[name];
  const lower = name.toLowerCase();
  for (const key of Object.keys(record)) if (key.toLowerCase() === lower) return record[key];
  return undefined;
}

/**
 * The common reading of a 2xx answer: JSON is ok, an empty body is ok with no data, anything else (an HTML
 * challenge page, truncated JSON) is a ResponseValidationError that says what came back. `undefined` for any
 * other status, which the provider reads itself. A provider that already read the body passes it as `parsed`,
 * so the answer is parsed once.
 */
export function classifySuccess(
  response: RawResponse,
  context: ClassifyContext,
  parsed?: JsonBody,
): Classification | undefined {
  const { status } = response;
  if (status < 200 || status >= 300) return undefined;
  const body = parsed ?? readJson(response);
  if (body.kind === 'json') return { kind: 'ok', data: body.value };
  if (body.kind === 'empty') return { kind: 'ok', data: undefined };
  return {
    kind: 'error',
    error: new ResponseValidationError(
      `${context.provider}: ${context.method} ${context.path} answered ${status} with ${describeBody(response, body)}`,
      { provider: context.provider, status, issues: [`expected JSON, got ${body.kind}`] },
    ),
  };
}

/** What a refusal said, ready for an error message. */
export interface Refusal {
  /** The parsed body, when it was JSON. */
  readonly value: unknown;
  /** The exchange's own message, secrets masked; `''` when it gave none. */
  readonly said: string;
  /** ` "message"`, or ` with <what came back>` for a body that was not JSON, for appending to a sentence. */
  readonly saying: string;
  /** `METHOD /path` of the refused request. */
  readonly where: string;
}

/** Reads a non-2xx answer: its body, the exchange's message (found by `message`), and how to quote it. */
export function readRefusal(
  response: RawResponse,
  context: ClassifyContext,
  message: (value: unknown) => string | undefined,
): Refusal {
  const body = readJson(response);
  const value = body.kind === 'json' ? body.value : undefined;
  const said = quote(context.redact(message(value) ?? ''));
  const saying = said ? ` "${said}"` : body.kind === 'json' ? '' : ` with ${describeBody(response, body)}`;
  return { value, said, saying, where: `${context.method} ${context.path}` };
}
