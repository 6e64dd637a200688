import type { z } from 'zod';
import type { Catalog, EndpointDefinition, PathParameterNames } from './catalog.js';
import type { Allowed, Permission, RequiredPermission } from './permissions.js';
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

/** An answer the provider judged successful. */
export interface ExchangeResponse<T = unknown> {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly data: T;
}

/** Names of the catalog endpoints a client granted `Granted` may call. */
export type CallableEndpoint<C extends Catalog, Granted extends Permission> = {
  [K in keyof C & string]: C[K]['permission'] extends Allowed<Granted> ? K : never;
}[keyof C & string];

/** The `params` field of a call: required, with the path's parameter names, when the path has any. */
export type PathParams<E extends EndpointDefinition> = [PathParameterNames<E['path']>] extends [never]
  ? { params?: undefined }
  : { params: Readonly<Record<PathParameterNames<E['path']>, string | number>> };

/** The body an endpoint takes: its request schema's input type, or anything JSON when it has none. */
export type EndpointBody<E extends EndpointDefinition> = E['request'] extends { body: z.ZodType }
  ? z.input<E['request']['body']>
  : unknown;

/** The query an endpoint takes: its request schema's input type, or any query when it has none. */
export type EndpointQuery<E extends EndpointDefinition> = E['request'] extends { query: z.ZodType }
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

/** The data type an endpoint answers with: its schema's output, or `unknown`. */
export type EndpointData<E extends EndpointDefinition> = E['response'] extends z.ZodType
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
  call<K extends CallableEndpoint<C, Granted>>(
    name: K,
    ...args: CallArgs<C[K]>
  ): Promise<ExchangeResponse<EndpointData<C[K]>>>;
  /** Releases what the client holds (logs out of a session). Safe to call more than once. */
  close(): Promise<void>;
}
