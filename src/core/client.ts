import type { z } from 'zod';
import type { Catalog, EndpointDefinition, EndpointTypes, PathParameterNames } from './catalog.js';
import type { CredentialsReload } from './credentials-source.js';
import type { InspectReport } from './inspect.js';
import type { Allowed, Permission, RequiredPermission } from './permissions.js';
import type { Provider } from './provider.js';
import type { HttpMethod, QueryParams } from './request.js';

/** One request through `client.request`. */
export interface RequestOptions {
  method: HttpMethod;
  /** Path relative to the provider's base URL (`/users/me`); may carry a query string. */
  path: string;
  query?: QueryParams;
  /** A value sent as JSON, or a string sent exactly as given. */
  body?: unknown;
  /**
   * What the request needs when it is not in the provider's catalog (`'public'` sends no credentials). For a
   * catalogued request it may only raise the catalog's requirement; a lower one is refused.
   */
  permission?: RequiredPermission;
  /** Whether a repeat cannot do anything twice. Default: the catalog's word, else true only for GET and HEAD. */
  idempotent?: boolean;
  /**
   * The raw escape hatch: send `body` and `query` of a catalogued route as given, without the catalog's request
   * check that `call()` and `request()` otherwise apply (for a field the exchange accepts but does not document).
   * The permission gate and the answer's check still apply. Default false.
   */
  unchecked?: boolean;
  /** A one-time password for endpoints that need one. */
  otp?: string;
  /**
   * Extra headers: strings of Latin-1 characters without control characters. Framing headers (`Host`,
   * `Content-Length`, `Transfer-Encoding`, `Connection` ...) and headers the provider or strategy sets
   * (credentials, `Version`, nonces, one-time passwords) are refused.
   */
  headers?: Readonly<Record<string, string>>;
  /** Aborts the request: every wait settles at once, and an attempt on the wire is cut off. */
  signal?: AbortSignal;
  /** This request's attempt deadline in milliseconds (1 to 2^31−1), instead of the client's `timeout`. */
  timeout?: number;
}

/** What did not match the endpoint's documented schema, in an answer to a request the exchange executed. */
export interface AnswerDrift {
  /** The catalog name of the endpoint (`bids.create`). */
  readonly endpoint: string;
  /** What did not match, one line each: the field's path and zod's message (never a value). */
  readonly issues: readonly string[];
}

/** An answer the provider judged successful. */
export interface ExchangeResponse<T = unknown> {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly data: T;
  /**
   * Set only when the exchange executed a request that moves money and its answer does not match the documented
   * schema (see {@link DriftedResponse}); `data` is then the answer as sent, not `T`.
   */
  readonly drift?: AnswerDrift | undefined;
}

/**
 * The exchange executed the request (it answered 2xx), but the answer does not match the endpoint's documented
 * schema: `data` is the answer as sent, untyped, and `drift` says what did not match. Do not send the request
 * again; read what you need from `data` with care, or reconcile (list your orders or withdrawals).
 */
export interface DriftedResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly data: unknown;
  readonly drift: AnswerDrift;
}

/** An answer that matched its schema: `data` is typed, `drift` is absent. */
export interface CheckedResponse<T> extends ExchangeResponse<T> {
  readonly drift?: undefined;
}

/**
 * What `call` resolves with: for an endpoint that moves money (not idempotent), a checked answer or a
 * {@link DriftedResponse} (test `drift` before reading `data`); for a read, a checked answer.
 */
export type CallResponse<E extends EndpointDefinition> = E['idempotent'] extends false
  ? CheckedResponse<EndpointData<E>> | DriftedResponse
  : CheckedResponse<EndpointData<E>>;

/** Names of the catalog endpoints a client granted `Granted` may call. */
export type CallableEndpoint<C extends Catalog, Granted extends Permission> = {
  [K in keyof C & string]: C[K]['permission'] extends Allowed<Granted> ? K : never;
}[keyof C & string];

/** The `params` field of a call: required, with the path's parameter names, when the path has any. */
export type PathParams<E extends EndpointDefinition> = [PathParameterNames<E['path']>] extends [never]
  ? { params?: undefined }
  : { params: Readonly<Record<PathParameterNames<E['path']>, string | number>> };

/**
 * The body an endpoint takes: the body type a declared catalog entry carries (`DeclaredEndpoint`), else its
 * request schema's input type; anything JSON when it has none.
 */
export type EndpointBody<E extends EndpointDefinition> = E extends {
  readonly types?: infer T extends EndpointTypes;
}
  ? [T['body']] extends [never]
    ? unknown
    : T['body']
  : E['request'] extends { body: z.ZodType }
    ? z.input<E['request']['body']>
    : unknown;

/**
 * The query an endpoint takes: the query type a declared catalog entry carries (`DeclaredEndpoint`), else its
 * request schema's input type; any query when it has none.
 */
export type EndpointQuery<E extends EndpointDefinition> = E extends {
  readonly types?: infer T extends EndpointTypes;
}
  ? [T['query']] extends [never]
    ? QueryParams
    : T['query']
  : E['request'] extends { query: z.ZodType }
    ? z.input<E['request']['query']> & QueryParams
    : QueryParams;

/** Options of one `client.call`. */
export type CallOptions<E extends EndpointDefinition> = PathParams<E> & {
  query?: EndpointQuery<E>;
  body?: EndpointBody<E>;
  otp?: string;
  headers?: Readonly<Record<string, string>>;
  signal?: AbortSignal;
  timeout?: number;
};

/** `call`'s options argument: required when the endpoint's path has parameters. */
export type CallArgs<E extends EndpointDefinition> = [PathParameterNames<E['path']>] extends [never]
  ? [options?: CallOptions<E>]
  : [options: CallOptions<E>];

/**
 * The data type an endpoint answers with: the data type a declared catalog entry carries (`DeclaredEndpoint`),
 * else its answer schema's output type; `unknown` when it has none.
 */
export type EndpointData<E extends EndpointDefinition> = E extends {
  readonly types?: infer T extends EndpointTypes;
}
  ? [T['data']] extends [never]
    ? unknown
    : T['data']
  : E['response'] extends z.ZodType
    ? z.output<E['response']>
    : unknown;

/** A client for one provider and one key. */
export interface Client<Granted extends Permission, C extends Catalog> {
  /** The provider's name. */
  readonly provider: string;
  /** What this client's key may do. */
  readonly permissions: readonly Granted[];
  /** Sends any request, with the permission from the catalog or from `options.permission`. */
  request<T = unknown>(options: RequestOptions): Promise<ExchangeResponse<T>>;
  /** Calls a catalog endpoint by name; only endpoints the key's permissions cover compile. */
  call<K extends CallableEndpoint<C, Granted>>(name: K, ...args: CallArgs<C[K]>): Promise<CallResponse<C[K]>>;
  /** Releases what the client holds (logs out of a session). Safe to call more than once. */
  close(): Promise<void>;
  /**
   * The key doctor: asks the exchange, with calls that change nothing, whether the credentials are valid, what
   * the key may do (compared with the permissions this client was configured with), and whether this machine's
   * address is refused; adds the clock offset measured from its answers and the key's nonce state (in this
   * process, and in the fleet when a `coordination` is configured). Never rejects for what the exchange
   * answered: a refusal is a finding. Holds no secret.
   *
   * @example
   * ```ts
   * const report = await client.inspect();
   * if (!report.healthy) console.error(report.problems, report.notes);
   * ```
   */
  inspect(): Promise<InspectReport>;
  /**
   * Replaces the client's key without a restart: `provider` is the same exchange (name and base URL) with new
   * credentials granting the same permissions. Requests that began before keep the key they began with for every
   * attempt; requests that begin after take the new one, with its own nonce sequence, order and rate limit. The
   * replaced key is released (an AlphaPoint session logged out, once) when its last request has ended: the
   * promise resolves then. Both keys stay masked in every error and log line. Rotate the root client: a client
   * derived from it (a Bitex master acting for a user) refuses, and is derived again after the rotation.
   *
   * @example
   * ```ts
   * await client.rotate(bitexbit({ accessKey: next.accessKey, privateKey: next.privateKey, access: 'trade' }));
   * ```
   */
  rotate(provider: Provider<Granted, C, object>): Promise<void>;
  /**
   * Reads the client's `credentials` source now (joining a read under way) and rotates to its key when it is
   * another one: resolves to `'rotated'` once the replaced key is released, `'unchanged'` when the source gave
   * the key the client holds. A load that fails or does not answer within `loadTimeoutMs`, or a key `rotate`
   * refuses, rejects (and is reported as a `credentials-failed` event), and the client keeps its current key.
   * A client without a source rejects with a ConfigurationError naming `credentials`.
   */
  reloadCredentials(): Promise<CredentialsReload>;
}
