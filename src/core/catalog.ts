import type { z } from 'zod';
import { type PathTemplate, pathTemplate } from './path-template.js';
import type { RequiredPermission } from './permissions.js';
import type { HttpMethod } from './request.js';

/** One endpoint of a provider's catalog. */
export interface EndpointDefinition {
  readonly method: HttpMethod;
  /** Path relative to the provider's base URL; `:name` marks a path parameter (`/bids/:id/cancel`). */
  readonly path: `/${string}`;
  /** What the call needs; `'public'` calls carry no credentials. */
  readonly permission: RequiredPermission;
  /** True when sending it twice cannot do anything twice; only such calls are retried after a fault. */
  readonly idempotent: boolean;
  /** True when the exchange wants a one-time password (second factor) with this call. */
  readonly requiresOtp?: boolean;
  /** What the exchange's documents say the call does, in a line (for generated docs). */
  readonly summary?: string;
  /**
   * False when the exchange documents no permission for this call and the catalog's is the provider's
   * reading of it (said in the provider's docs page). Default true.
   */
  readonly permissionDocumented?: boolean;
  /**
   * Schemas of the call's input, checked before anything is sent; `client.call` takes their input types, so a
   * wrong field is a compile error. Write them strict: an unknown field is a mistake.
   */
  readonly request?: EndpointRequest;
  /**
   * Schema the answer's data must match; the client's `call` returns its output type. Write it loose: a field
   * the exchange adds later must pass through.
   */
  readonly response?: z.ZodType;
}

/** The schemas of an endpoint's input. */
export interface EndpointRequest {
  /** The query parameters. */
  readonly query?: z.ZodType;
  /** The body (sent as JSON). */
  readonly body?: z.ZodType;
}

/**
 * An endpoint's TypeScript types, declared rather than inferred from its schemas: the body and query
 * `client.call` takes, and the data it answers with. `never` where the endpoint has no such schema (any body or
 * query is then taken, and the data is `unknown`).
 */
export interface EndpointTypes {
  readonly body: unknown;
  readonly query: unknown;
  readonly data: unknown;
}

/** The schemas an endpoint may have: its request's `body` and `query`, and its `response`. */
export type EndpointSchemaName = 'body' | 'query' | 'response';

/**
 * A catalog entry of a declared catalog type: its method, path, permission and idempotency as literals, the
 * schemas it has (`S`) typed `z.ZodType`, and its {@link EndpointTypes} in `types`, a member that exists only in
 * the type (never set at run time). `client.call` reads the types from there instead of inferring them from the
 * schemas, which costs the compiler far less. The built-in catalogs' declared types are generated from their
 * schemas (`npx tsx scripts/catalog-types.ts <provider>`).
 */
export type DeclaredEndpoint<
  M extends HttpMethod,
  P extends `/${string}`,
  R extends RequiredPermission,
  I extends boolean,
  T extends EndpointTypes,
  S extends EndpointSchemaName = never,
> = EndpointDefinition & {
  readonly method: M;
  readonly path: P;
  readonly permission: R;
  readonly idempotent: I;
  /** Type only: never set at run time. */
  readonly types?: T;
} & ([Exclude<S, 'response'>] extends [never]
    ? unknown
    : { readonly request: { readonly [K in Exclude<S, 'response'>]: z.ZodType } }) &
  ('response' extends S ? { readonly response: z.ZodType } : unknown);

/** A provider's endpoints by name (`'orders.create'`). */
export type Catalog = Readonly<Record<string, EndpointDefinition>>;

type Inspect = (value: unknown, options?: object) => string;

/**
 * What `util.inspect` shows of a catalog: each endpoint's method, path and permission, not its schemas (whose
 * printed form runs to megabytes and takes a quarter of a second per catalog).
 */
function inspectCatalog(this: Catalog, _depth: number, options: object, inspect: Inspect): string {
  const summary: Record<string, string> = {};
  for (const [name, endpoint] of Object.entries(this)) {
    summary[name] = `${endpoint.method} ${endpoint.path} (${endpoint.permission})`;
  }
  return `Catalog ${inspect(summary, { ...options, depth: 1, maxArrayLength: 20 })}`;
}

/**
 * Declares a catalog, keeping its literal types so `client.call` can check names and permissions. `util.inspect`
 * of it shows each endpoint's method, path and permission (not its schemas).
 */
export function defineCatalog<const C extends Catalog>(catalog: C): C {
  Object.defineProperty(catalog, Symbol.for('nodejs.util.inspect.custom'), {
    value: inspectCatalog,
    enumerable: false,
  });
  return catalog;
}

/**
 * A catalog built on its first use rather than at import: `build` runs when the catalog is first read (an entry,
 * its names, `in`), once, and the catalog then holds what it returned. Building the three built-in catalogs'
 * schemas took most of the library's import time, so each is built only when a program uses it.
 */
export function lazyCatalog<const C extends Catalog>(build: () => C): C {
  const target = defineCatalog({}) as C;
  let built = false;
  const filled = (): C => {
    if (!built) {
      built = true;
      const catalog = build();
      for (const name of Object.keys(catalog)) {
        Object.defineProperty(
          target,
          name,
          Object.getOwnPropertyDescriptor(catalog, name) as PropertyDescriptor,
        );
      }
    }
    return target;
  };
  const proxy = new Proxy(target, {
    get: (_, key) => Reflect.get(filled(), key),
    has: (_, key) => Reflect.has(filled(), key),
    ownKeys: () => Reflect.ownKeys(filled()),
    getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(filled(), key),
    set: (_, key, value) => Reflect.set(filled(), key, value),
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(filled(), key, descriptor),
    deleteProperty: (_, key) => Reflect.deleteProperty(filled(), key),
    isExtensible: () => Reflect.isExtensible(filled()),
    preventExtensions: () => Reflect.preventExtensions(filled()),
  });
  lazyTargets.set(proxy, filled);
  return proxy;
}

/** Each lazy catalog's way to its built entries, so a lookup on every call skips the proxy's traps. */
const lazyTargets = new WeakMap<Catalog, () => Catalog>();

/** The catalog's own entry named `name`, if it has one (an inherited name such as `toString` is none). */
export function catalogEntry(catalog: Catalog, name: string): EndpointDefinition | undefined {
  const entries = lazyTargets.get(catalog)?.() ?? catalog;
  return Object.hasOwn(entries, name) ? entries[name] : undefined;
}

/** The names of path parameters in a path template: `'/bids/:id/cancel'` gives `'id'`. */
export type PathParameterNames<Path extends string> = Path extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParameterNames<`/${Rest}`>
  : Path extends `${string}:${infer Name}`
    ? Name
    : never;

interface CompiledEndpoint {
  readonly name: string;
  readonly endpoint: EndpointDefinition;
  readonly template: PathTemplate;
}

const compiled = new WeakMap<Catalog, CompiledEndpoint[]>();

function compile(catalog: Catalog): CompiledEndpoint[] {
  let entries = compiled.get(catalog);
  if (!entries) {
    entries = Object.entries(catalog).map(([name, endpoint]) => ({
      name,
      endpoint,
      template: pathTemplate(endpoint.path),
    }));
    compiled.set(catalog, entries);
  }
  return entries;
}

/** The catalog entry a request matches by method and path, if any. */
export function findEndpoint(
  catalog: Catalog,
  method: HttpMethod,
  path: string,
): { name: string; endpoint: EndpointDefinition } | undefined {
  for (const entry of compile(catalog)) {
    if (entry.endpoint.method === method && entry.template.match(path)) return entry;
  }
  return undefined;
}

/** Fills a path template's `:name` parameters, URL-encoding each value. */
export function fillPath(
  template: string,
  params: Readonly<Record<string, string | number>> | undefined,
): string {
  if (!template.includes('/:')) return template;
  return template
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment;
      const name = segment.slice(1);
      const value = params?.[name];
      if (value === undefined || value === '') throw new MissingPathParameter(name);
      return encodeURIComponent(String(value));
    })
    .join('/');
}

/** Thrown by {@link fillPath} when a parameter is missing; the client turns it into a ConfigurationError. */
export class MissingPathParameter extends Error {
  constructor(readonly parameter: string) {
    super(`missing path parameter "${parameter}"`);
  }
}
