import type { RequiredPermission } from './permissions.js';

/** HTTP methods the pipeline sends. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';

/**
 * A request ready to go on the wire: every byte that is signed is a byte that is sent.
 *
 * Strategies receive one and return a new one with credentials added; they never mutate their input.
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

/** What a strategy may use while authorising: the pipeline's own transport, for logins. */
export interface AuthContext {
  /** Send a request through the client's transport (agents, proxies, timeouts and interceptors apply). */
  send(request: PreparedRequest): Promise<RawResponse>;
  /** The caller's abort signal, if it gave one. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * How credentials are put on a request. One implementation per scheme; a strategy knows nothing about HTTP
 * libraries, endpoints or any one exchange.
 */
export interface AuthStrategy {
  /** A short name of the scheme, for logs (`static-header-key`, `key-pair-signature`, `session-token`). */
  readonly scheme: string;

  /** Returns a new request carrying credentials. Must not mutate `request`. */
  authorize(request: PreparedRequest, context: AuthContext): PreparedRequest | Promise<PreparedRequest>;

  /**
   * Values that must never be printed (keys, secrets, current tokens). The pipeline masks them in every log
   * line and in any text an exchange sends back.
   */
  secrets(): readonly string[];

  /**
   * When set, private requests of every client whose strategy has the same key go one at a time, in the order
   * they were authorised (for nonce schemes whose exchange refuses a nonce lower than the last one it
   * received). Use a fingerprint of the credentials, never the credentials.
   */
  readonly sequenceKey?: string;

  /**
   * The exchange said the credentials carried by `request` expired. Drop them if they are still the current
   * ones and return true when authorising again can help (a new session); false when it cannot.
   */
  expire?(request: PreparedRequest): boolean | Promise<boolean>;

  /** Release what the strategy holds (log out of a session). Safe to call more than once. */
  close?(context: AuthContext): Promise<void>;
}
