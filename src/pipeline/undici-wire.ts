import { networkCodeOf } from '../core/network-code.js';
import type { PreparedRequest } from '../core/request.js';
import { headersToSend, plainHeaders } from './transport.js';

// What the undici transport puts on the wire and reads off it, in undici's terms.

/** Asked of every request unless the caller set it: compressed answers, read under both caps. */
const ACCEPT_ENCODING = 'gzip, deflate, br';
const USER_AGENT = 'exchange-auth';

/** Where a request goes, as undici's `dispatch` takes it: the origin, and the path with its query. */
export function target(url: string): { origin: string; path: string } {
  const start = url.indexOf('//') + 2;
  let end = url.indexOf('/', start);
  const query = url.indexOf('?', start);
  if (end === -1 || (query !== -1 && query < end)) end = query === -1 ? url.length : query;
  const rest = url.slice(end);
  return { origin: url.slice(0, end), path: rest.startsWith('/') ? rest : `/${rest}` };
}

/** The request's headers for undici: as prepared, plus `Accept-Encoding` and `User-Agent` unless it set them. */
export function wireHeaders(request: PreparedRequest): Record<string, string> {
  const headers = headersToSend(request);
  let encoding = false;
  let agent = false;
  for (const name in headers) {
    const lower = name.toLowerCase();
    if (lower === 'accept-encoding') encoding = true;
    else if (lower === 'user-agent') agent = true;
  }
  if (!encoding) headers['accept-encoding'] = ACCEPT_ENCODING;
  if (!agent) headers['user-agent'] = USER_AGENT;
  return headers;
}

/**
 * The answer's headers as the pipeline reads them (lower-case names, one string each). undici's own parse already
 * lower-cases names, so its object is kept as it is unless a header repeats (an array) or an interceptor passed
 * other names: then a copy is made.
 */
export function answerHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  for (const name in headers) {
    if (typeof headers[name] !== 'string' || name !== name.toLowerCase()) return plainHeaders(headers);
  }
  return headers as Record<string, string>;
}

/**
 * An engine error's network code. undici reports a connection the server closed or reset under a request as
 * `UND_ERR_SOCKET`; Node's http (and so axios) reports the same as `ECONNRESET`, which is what a caller matches.
 */
export function engineCode(error: unknown): string | undefined {
  const code = networkCodeOf(error);
  return code === 'UND_ERR_SOCKET' ? 'ECONNRESET' : code;
}
