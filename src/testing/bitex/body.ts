import type { ReceivedRequest, ServerAnswer } from '../http-server.js';
import { problem } from './answers.js';

const JSON_TYPES = ['application/json', 'application/vnd.api+json'];

/** A request body read as JSON, or the answer refusing it. */
export type ParsedBody =
  | { readonly ok: true; readonly json: unknown }
  | { readonly ok: false; readonly answer: ServerAnswer };

/**
 * Reads a request body as JSON. No body is `undefined`; a body must come as `application/json` or
 * `application/vnd.api+json` (415 otherwise) and parse (400 otherwise).
 */
export function parseBody(request: ReceivedRequest): ParsedBody {
  if (request.body.trim() === '') return { ok: true, json: undefined };
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!JSON_TYPES.includes(type)) {
    const detail = `send the body as application/json or application/vnd.api+json, not "${type || 'no type'}"`;
    return {
      ok: false,
      answer: problem(
        { title: 'Unsupported Media Type', detail, code: 'unsupported_media_type', pointer: '' },
        415,
      ),
    };
  }
  try {
    return { ok: true, json: JSON.parse(request.body) };
  } catch {
    const detail = 'the body is not valid JSON';
    return {
      ok: false,
      answer: problem({ title: 'Bad Request', detail, code: 'bad_request', pointer: '' }, 400),
    };
  }
}

/** The attributes of a JSON:API request document, or a 422 when `data` is missing or of another type. */
type Attributes =
  | { readonly ok: true; readonly attributes: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly answer: ServerAnswer };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads `data.attributes` of a `{"data":{"type": type, "attributes": {…}}}` body (attributes may be left out). */
export function attributesOf(json: unknown, type: string): Attributes {
  const data = isRecord(json) ? json.data : undefined;
  if (!isRecord(data)) {
    const detail = `send {"data":{"type":"${type}","attributes":{…}}}`;
    return {
      ok: false,
      answer: problem({ title: 'Missing data', detail, code: 'missing_data', pointer: '/data' }),
    };
  }
  if (data.type !== undefined && data.type !== type) {
    const detail = `data.type must be "${type}"`;
    return {
      ok: false,
      answer: problem({ title: 'Invalid type', detail, code: 'invalid_type', pointer: '/data/type' }),
    };
  }
  return { ok: true, attributes: isRecord(data.attributes) ? data.attributes : {} };
}
