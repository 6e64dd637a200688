import type { Catalog, EndpointDefinition } from './catalog.js';
import type { Client, RequestOptions } from './client.js';
import type { Clock } from './clock.js';
import type { ClockOffsetReading } from './clock-offset.js';
import type { ExchangeAuthError } from './errors.js';
import type { InspectContext, ProviderInspection } from './inspect.js';
import type { Permission, RequiredPermission } from './permissions.js';
import type { HttpMethod, PreparedRequest, RawResponse } from './request.js';
import type { AuthContext, AuthStrategy } from './strategy.js';

/** What a provider's classifier knows about the request whose answer it reads. Holds no credential. */
export interface ClassifyContext {
  readonly provider: string;
  readonly method: HttpMethod;
  readonly path: string;
  readonly required: RequiredPermission;
  readonly granted: readonly Permission[];
  /** Masks every known secret in a text that came from the exchange. */
  redact(text: string): string;
  /** The client's clock (for `Retry-After` dates). */
  readonly clock: Clock;
  /** The exchange's clock offset as the client measured it, answers before this one included; if any. */
  readonly clockOffset?: ClockOffsetReading | undefined;
}

/** A provider's reading of an answer. */
export type Classification =
  | { readonly kind: 'ok'; readonly data: unknown }
  /** The exchange refused the credentials as expired before executing the request: log in again, send once more. */
  | { readonly kind: 'auth-expired' }
  | { readonly kind: 'error'; readonly error: ExchangeAuthError };

/** What a provider's `prepare` step knows about the request. */
export interface PrepareContext {
  /** The catalog entry the request matched, if any. */
  readonly endpoint: EndpointDefinition | undefined;
  /** The endpoint's catalog name, if any. */
  readonly endpointName: string | undefined;
  /** The one-time password given with the request, if any. */
  readonly otp: string | undefined;
}

/** What a provider's `extend` receives to add methods to its clients. */
export interface ExtensionContext<Granted extends Permission, C extends Catalog> {
  /** The client being extended. */
  readonly client: Client<Granted, C>;
  /**
   * A client that shares this one's transport, rate limit and logger but authorises with another strategy
   * and grants other permissions (for example a Bitex master acting for a managed user).
   */
  derive<G extends Permission>(strategy: AuthStrategy, permissions: readonly G[]): Client<G, C>;
  /** A context for lifecycle methods such as `authenticate()`, with the client's transport, logger and clock. */
  authContext(): AuthContext;
  /**
   * Runs a lifecycle step outside the request pipeline (a login on demand) with the pipeline's guarantees:
   * fails with a ConfigurationError once the client is closed, and masks every known secret in what it throws.
   */
  guard<T>(step: () => Promise<T>): Promise<T>;
  /**
   * The client's one preparation step, without sending: matches the catalog, passes the permission gate and checks
   * a catalogued route's body as `call()` does, for a channel of the provider's own (a WebSocket gateway) that
   * sends what the pipeline does not. Throws as a call would (ConfigurationError, PermissionDeniedError, or a
   * closed client's error), before anything is sent. `endpoint`, when given, names the catalog entry (it is not
   * looked up by its path then).
   */
  prepare(
    request: Pick<RequestOptions, 'method' | 'path' | 'body' | 'permission'>,
    endpoint?: string,
  ): PreparedCall;
  /** Runs `release` when the client closes (it ends what a provider's method opened, such as a socket). */
  onClose(release: () => Promise<void>): void;
}

/** What {@link ExtensionContext.prepare} made of a request: its catalog entry, if any, and what it needs. */
export interface PreparedCall {
  /** The catalog entry's name, `undefined` for a route outside the catalog. */
  readonly endpoint: string | undefined;
  /** The permission the gate let through. */
  readonly permission: RequiredPermission;
  /** Whether a repeat cannot do anything twice: the catalog's word, else true only for GET and HEAD. */
  readonly idempotent: boolean;
  /** The catalog entry's answer schema, if it has one. */
  readonly response: EndpointDefinition['response'];
}

/**
 * Everything the pipeline needs to know about one exchange. Built by a provider factory (`bitex(...)`) from
 * validated options; `createClient` turns it into a client.
 */
export interface Provider<Granted extends Permission, C extends Catalog, Extension extends object = object> {
  /** Short name used in errors and logs (`bitex`). */
  readonly name: string;
  /** Base URL request paths are relative to. */
  readonly baseURL: string;
  /** How credentials go on each request. */
  readonly strategy: AuthStrategy;
  /** What the key may do. */
  readonly permissions: readonly Granted[];
  /** Named endpoints with their permissions and idempotency. */
  readonly catalog: C;
  /** The exchange's documented request rate, in requests per second, or false for none. */
  readonly rateLimit: number | false;
  /** Headers sent with every request, public or not (API version, Accept). */
  readonly headers?: Readonly<Record<string, string>>;
  /** `Content-Type` of request bodies; `application/json` when not set. */
  readonly contentType?: string;
  /** Reads an answer: ok, expired credentials, or an error. */
  classify(response: RawResponse, context: ClassifyContext): Classification;
  /**
   * The headers {@link Provider.prepare} may set (a one-time password header), as it names them. A caller's own
   * header with one of these names (in any case) is refused before anything is sent.
   */
  readonly preparedHeaders?: readonly string[];
  /** Adds what the exchange needs beyond credentials (a one-time password header). Must not mutate input. */
  prepare?(request: PreparedRequest, context: PrepareContext): PreparedRequest | Promise<PreparedRequest>;
  /**
   * The provider's part of `client.inspect()`: asks the exchange, with calls that change nothing, whether the
   * credentials work, what the key may do and whether this address is refused. The client adds the clock and
   * nonce state and compares the permissions. Without it, `inspect()` says only what the client knows.
   */
  inspect?(context: InspectContext): Promise<ProviderInspection>;
  /** Adds provider-specific methods to a client (`onBehalfOf`, `authenticate`). */
  extend?(context: ExtensionContext<Granted, C>): Extension;
}
