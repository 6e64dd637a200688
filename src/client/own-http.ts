import { TransportError } from '../core/errors.js';
import { networkCodeOf } from '../core/network-code.js';
import type { HttpMethod, PreparedRequest, RawResponse } from '../core/request.js';

/** A request as your own HTTP client sends it: these exact method, URL, headers and body bytes. */
export interface OutgoingRequest {
  readonly method: HttpMethod;
  /** The absolute URL, query string included. */
  readonly url: string;
  /** Every header to send (the provider's own, `Content-Type` and the credentials), names as given. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body to send, exactly these characters (UTF-8); `null` when the request has none. */
  readonly body: string | null;
}

/** An answer as your `send` function hands it back: the status and the whole body as text. */
export interface ReceivedAnswer {
  readonly status: number;
  /** Response headers; names in any case. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The body as text (`''` for none). */
  readonly text: string;
}

/** What a `fetch` `Response` offers that {@link AuthorizerSend} reads: returning `fetch(...)` itself works. */
export interface FetchLikeResponse {
  /** The HTTP status. */
  readonly status: number;
  /** The response headers. */
  readonly headers: {
    /** Calls `callback` with each header. */
    forEach(callback: (value: string, name: string) => void): void;
  };
  /** Reads the whole body as text. */
  text(): Promise<string>;
}

/**
 * Sends a request the library itself needs (a session scheme's login and logout) through your own HTTP stack,
 * and resolves to its answer. `({ url, ...init }) => fetch(url, init)` is one.
 */
export type AuthorizerSend = (request: OutgoingRequest) => Promise<ReceivedAnswer | FetchLikeResponse>;

/** The request in the shape given to your HTTP client. */
export function outgoing(request: PreparedRequest): OutgoingRequest {
  return {
    method: request.method,
    url: request.url,
    headers: Object.assign({}, request.headers),
    body: request.body ?? null,
  };
}

const isFetchResponse = (value: object): value is FetchLikeResponse =>
  typeof (value as { text?: unknown }).text === 'function';

/**
 * Turns a user's `send` function into the transport a strategy logs in with. A throw, or an answer that is not
 * `{ status, text }` nor a fetch `Response`, becomes a TransportError with outcome `unknown` that names what
 * failed, never a header (the login's carry credentials).
 */
export function sendThrough(
  provider: string,
  send: AuthorizerSend,
  redact: (text: string) => string,
): (request: PreparedRequest) => Promise<RawResponse> {
  return async (request) => {
    const where = `${request.method} ${request.path}`;
    const broken = (why: string, networkCode?: string) =>
      new TransportError(`${provider}: your send function ${why} for ${where}`, {
        provider,
        outcome: 'unknown',
        networkCode,
      });
    let answer: unknown;
    let text: unknown;
    try {
      answer = await send(outgoing(request));
      if (typeof answer !== 'object' || answer === null) throw broken('resolved to something else');
      text = isFetchResponse(answer) ? await answer.text() : (answer as ReceivedAnswer).text;
    } catch (error) {
      if (error instanceof TransportError) throw error;
      const reason = error instanceof Error ? `${error.name}: ${redact(error.message)}` : 'a non-Error value';
      throw broken(
        `failed (${reason})`,
        networkCodeOf(error) ?? networkCodeOf((error as { cause?: unknown })?.cause),
      );
    }
    const status = (answer as { status?: unknown }).status;
    if (!Number.isInteger(status) || typeof text !== 'string') {
      throw broken('must resolve to { status, headers?, text } or a fetch Response; it did not');
    }
    const headers: Record<string, string> = {};
    const given = (answer as { headers?: unknown }).headers;
    if (given && typeof (given as FetchLikeResponse['headers']).forEach === 'function' && !isPlain(given)) {
      (given as FetchLikeResponse['headers']).forEach((value, name) => {
        headers[name.toLowerCase()] = value;
      });
    } else if (given && typeof given === 'object') {
      for (const [name, value] of Object.entries(given)) {
        if (typeof value === 'string') headers[name.toLowerCase()] = value;
      }
    }
    return { status: status as number, headers, text };
  };
}

/** A system error code (`ECONNREFUSED`), the one part of a foreign error that is safe to keep as it is. */
function isPlain(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
