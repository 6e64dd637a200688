import type { QueryParams } from '../client/types.js';
import { ConfigurationError } from '../core/errors.js';
import type { RequiredPermission } from '../core/permissions.js';
import type { HttpMethod, PreparedRequest } from '../core/strategy.js';
import { hasUnsafeCharacters } from '../core/validate.js';

/** What the pipeline knows when it turns a request into bytes. */
export interface PrepareInput {
  readonly provider: string;
  readonly baseURL: string;
  readonly method: HttpMethod;
  readonly path: string;
  readonly query: QueryParams | undefined;
  readonly body: unknown;
  readonly permission: RequiredPermission;
  readonly headers: Readonly<Record<string, string>>;
  readonly contentType: string;
}

function configurationError(provider: string, field: string, message: string): ConfigurationError {
  return new ConfigurationError(`${provider}: ${message}`, { provider, field });
}

/** Splits `path?query` and checks the path; refuses characters a server would not match. */
export function splitPath(provider: string, path: string): { pathname: string; search: string } {
  if (typeof path !== 'string' || !path.startsWith('/')) {
    throw configurationError(
      provider,
      'path',
      'request path must be a string starting with "/" (e.g. "/users/me")',
    );
  }
  if (hasUnsafeCharacters(path) || path.includes('#')) {
    throw configurationError(
      provider,
      'path',
      'request path contains whitespace, control, invisible (such as U+200B) or "#" characters; retype the path',
    );
  }
  const at = path.indexOf('?');
  return at === -1
    ? { pathname: path, search: '' }
    : { pathname: path.slice(0, at), search: path.slice(at + 1) };
}

function encodeQuery(search: string, query: QueryParams | undefined): string {
  if (search === '' && query === undefined) return '';
  const params = new URLSearchParams(search);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else params.append(key, String(value));
  }
  return params.toString();
}

function serialiseBody(provider: string, body: unknown): string | undefined {
  if (body === undefined) return undefined;
  if (typeof body === 'string') return body;
  try {
    const text = JSON.stringify(body);
    if (text === undefined) throw new TypeError('not serialisable');
    return text;
  } catch {
    throw configurationError(
      provider,
      'body',
      'request body cannot be serialised as JSON (a cycle, a BigInt or a function)',
    );
  }
}

/** Builds the request as it will go on the wire: URL, query and body are final and serialised once. */
export function prepareRequest(input: PrepareInput): PreparedRequest {
  const { pathname, search } = splitPath(input.provider, input.path);
  const query = encodeQuery(search, input.query);
  const url = new URL(`${input.baseURL.replace(/\/+$/, '')}${pathname}${query ? `?${query}` : ''}`);
  const body = serialiseBody(input.provider, input.body);
  const headers: Record<string, string> = Object.assign({}, input.headers);
  if (body !== undefined && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
    headers['Content-Type'] = input.contentType;
  }
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value !== 'string' || /[\r\n\0]/.test(value) || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
      throw configurationError(
        input.provider,
        `headers.${name}`,
        'header names must be tokens and values must not contain CR, LF or NUL',
      );
    }
  }
  return {
    method: input.method,
    url: url.toString(),
    path: url.pathname,
    query,
    headers,
    body,
    permission: input.permission,
  };
}

/** A copy of `request` with `headers` added (later names win); never mutates `request`. */
export function withHeaders(
  request: PreparedRequest,
  headers: Readonly<Record<string, string>>,
): PreparedRequest {
  // A fixed shape and Object.assign, not object spread: spreading header objects costs ~1 µs a request in V8.
  return {
    method: request.method,
    url: request.url,
    path: request.path,
    query: request.query,
    headers: Object.assign({}, request.headers, headers),
    body: request.body,
    permission: request.permission,
  };
}
