import type { ReceivedRequest, ServerAnswer } from '../http-server.js';
import { refused } from './answers.js';

/** A request body read as JSON (`undefined` for no body), or the answer refusing it. */
export type ParsedBody =
  | { readonly ok: true; readonly json: unknown }
  | { readonly ok: false; readonly answer: ServerAnswer };

/** Reads a request body as JSON, whatever its `Content-Type`; a body that does not parse is 400. */
export function parseBody(request: ReceivedRequest): ParsedBody {
  if (request.body === '') return { ok: true, json: undefined };
  try {
    return { ok: true, json: JSON.parse(request.body) };
  } catch {
    return { ok: false, answer: refused(400, 'invalid request: the body is not JSON') };
  }
}

/** The members of a JSON object body; anything else reads as an empty object. */
export function fieldsOf(json: unknown): Record<string, unknown> {
  return (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
}
