import { ConfigurationError } from './errors.js';
import type { RequiredPermission } from './permissions.js';

/** HTTP methods the pipeline sends. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';

/** Query parameters; arrays repeat the key, `undefined` values are left out. */
export type QueryParams = Readonly<
  Record<string, string | number | boolean | undefined | readonly (string | number | boolean)[]>
>;

/**
 * A request ready to go on the wire: every byte that is signed is a byte that is sent.
 *
 * Signers receive one and return a new one with credentials added; they never mutate their input.
 */
export interface PreparedRequest {
  readonly method: HttpMethod;
  /** Absolute URL as sent, query string included. */
  readonly url: string;
  /** The URL's path as sent, without the query string (what path-signing schemes sign). */
  readonly path: string;
  /** The encoded query string as sent, without the leading `?`; `''` when there is none. */
  readonly query: string;
  /** Header names as given by whoever set them; values are final. */
  readonly headers: Readonly<Record<string, string>>;
  /** The serialised body, exactly as sent; `undefined` when the request has none. */
  readonly body: string | undefined;
  /** What the request needs; `'public'` requests are never given credentials. */
  readonly permission: RequiredPermission;
}

/** The answer as received, before any provider reads it. */
export interface RawResponse {
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body as text (empty for no body). */
  readonly text: string;
}

/** What {@link buildRequest} turns into a {@link PreparedRequest}. */
export interface RequestInput {
  /** The base URL the path is relative to (`https://bitex.la/api`). */
  readonly baseURL: string;
  readonly method: HttpMethod;
  /** Path relative to the base URL, starting with `/`; may carry a query string. */
  readonly path: string;
  /** Query parameters appended after any in `path`. */
  readonly query?: QueryParams | undefined;
  /** A value sent as JSON, or a string sent exactly as given; `undefined` for no body. */
  readonly body?: unknown;
  /** Headers of the request (credentials are added later, by a signer). */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** `Content-Type` added when there is a body and no such header. Default `application/json`. */
  readonly contentType?: string | undefined;
  /** What the request needs. Default `'public'`. */
  readonly permission?: RequiredPermission | undefined;
  /** The provider's name, for error messages. Default `exchange-auth`. */
  readonly provider?: string | undefined;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const UNSAFE_PATH = /[\s\p{Cc}\p{Cf}#]/u;

function refuse(provider: string, field: string, message: string): ConfigurationError {
  return new ConfigurationError(`${provider}: ${message}`, { provider, field });
}

/** Splits `path?query` and checks the path; refuses characters a server would not match. */
export function splitPath(path: string, provider = 'exchange-auth'): { pathname: string; search: string } {
  if (typeof path !== 'string' || !path.startsWith('/')) {
    throw refuse(provider, 'path', 'request path must be a string starting with "/" (e.g. "/users/me")');
  }
  if (UNSAFE_PATH.test(path)) {
    throw refuse(
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

/** Segments of letters, digits and `-._~`, none of them `.` or `..`: a URL parser keeps such a path as written. */
const PLAIN_PATH = /^(?:\/(?!\.\.?(?:\/|$))[A-Za-z0-9\-._~]*)+$/;

/** Base URLs already parsed (a client uses one or two): origin and path, or `null` for one with more parts. */
const parsedBases = new Map<string, { origin: string; pathname: string } | null>();

function parsedBase(baseURL: string): { origin: string; pathname: string } | null {
  let base = parsedBases.get(baseURL);
  if (base !== undefined) return base;
  const url = new URL(baseURL.replace(/\/+$/, ''));
  base =
    url.search || url.hash || url.username || url.password || url.origin === 'null'
      ? null
      : { origin: url.origin, pathname: url.pathname.replace(/\/+$/, '') };
  if (parsedBases.size >= 64) parsedBases.clear();
  parsedBases.set(baseURL, base);
  return base;
}

/** The request's URL and path, as `new URL` would write them; a plain path is joined without parsing it again. */
function resolveUrl(baseURL: string, pathname: string, query: string): { url: string; path: string } {
  const base = PLAIN_PATH.test(pathname) ? parsedBase(baseURL) : null;
  if (base) {
    const path = base.pathname + pathname;
    return { url: `${base.origin}${path}${query ? `?${query}` : ''}`, path };
  }
  const url = new URL(`${baseURL.replace(/\/+$/, '')}${pathname}${query ? `?${query}` : ''}`);
  return { url: url.toString(), path: url.pathname };
}

function serialiseBody(provider: string, body: unknown): string | undefined {
  if (body === undefined) return undefined;
  if (typeof body === 'string') return body;
  try {
    const text = JSON.stringify(body);
    if (text === undefined) throw new TypeError('not serialisable');
    return text;
  } catch {
    throw refuse(
      provider,
      'body',
      'request body cannot be serialised as JSON (a cycle, a BigInt or a function)',
    );
  }
}

/**
 * Builds a request as it will go on the wire: URL, query and body are final and serialised once, and header
 * names and values are checked. The one request builder: the pipeline, logins and the CLI all use it.
 *
 * @example
 * ```ts
 * const request = buildRequest({ baseURL: 'https://x.test/ap', method: 'POST', path: '/GetUserInfo', body: {} });
 * ```
 */
export function buildRequest(input: RequestInput): PreparedRequest {
  const provider = input.provider ?? 'exchange-auth';
  const { pathname, search } = splitPath(input.path, provider);
  const query = encodeQuery(search, input.query);
  const { url, path } = resolveUrl(input.baseURL, pathname, query);
  const body = serialiseBody(provider, input.body);
  const headers: Record<string, string> = Object.assign({}, input.headers);
  if (body !== undefined && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
    headers['Content-Type'] = input.contentType ?? 'application/json';
  }
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value !== 'string' || /[\r\n\0]/.test(value) || !TOKEN.test(name)) {
      throw refuse(
        provider,
        `headers.${name}`,
        'header names must be tokens and values must not contain CR, LF or NUL',
      );
    }
  }
  return {
    method: input.method,
    url,
    path,
    query,
    headers,
    body,
    permission: input.permission ?? 'public',
  };
}

/** Whether `name` is one of `names` in any case (header names are case-insensitive). */
function named(name: string, names: readonly string[]): boolean {
  for (const other of names) {
    if (other.length === name.length && (other === name || other.toLowerCase() === name.toLowerCase())) {
      return true;
    }
  }
  return false;
}

/**
 * A copy of `request` with `headers` added; never mutates `request`. An added header replaces one the request
 * already has under the same name in any case (`x-sig` gives way to `X-SIG`), so a header a signer sets is the
 * only one of its name on the wire, whoever set one before.
 */
export function withHeaders(
  request: PreparedRequest,
  headers: Readonly<Record<string, string>>,
): PreparedRequest {
  const added = Object.keys(headers);
  const merged: Record<string, string> = {};
  for (const name of Object.keys(request.headers)) {
    if (!named(name, added)) merged[name] = request.headers[name] as string;
  }
  // A fixed shape and Object.assign, not object spread: spreading header objects costs ~1 µs a request in V8.
  return {
    method: request.method,
    url: request.url,
    path: request.path,
    query: request.query,
    headers: Object.assign(merged, headers),
    body: request.body,
    permission: request.permission,
  };
}

/** A copy of `request` with `body` as its body (and `Content-Type` when it has none); never mutates `request`. */
export function withBody(
  request: PreparedRequest,
  body: string,
  contentType = 'application/json',
): PreparedRequest {
  const typed = Object.keys(request.headers).some((name) => name.toLowerCase() === 'content-type');
  const copy = typed ? { ...request } : withHeaders(request, { 'Content-Type': contentType });
  return { ...copy, body };
}

/** A copy of `request` whose query string is `query` (encoded, without `?`); never mutates `request`. */
export function withQuery(request: PreparedRequest, query: string): PreparedRequest {
  const url = request.url.split('?')[0] as string;
  return { ...request, url: query ? `${url}?${query}` : url, query };
}
