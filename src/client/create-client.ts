import type { Catalog } from '../core/catalog.js';
import { fillPath, MissingPathParameter } from '../core/catalog.js';
import { ConfigurationError } from '../core/errors.js';
import { createSafeLogger } from '../core/log.js';
import type { Permission } from '../core/permissions.js';
import type { Provider } from '../core/provider.js';
import type { AuthContext, AuthStrategy } from '../core/strategy.js';
import { executeCall, executeRequest, type PipelineContext } from '../pipeline/execute.js';
import { RateLimiter } from '../pipeline/rate-limiter.js';
import { createAxiosTransport, type Transport } from '../pipeline/transport.js';
import { type ClientOptions, resolveClientOptions } from './options.js';
import type { CallOptions, Client, ExchangeResponse, RequestOptions } from './types.js';

interface Shared {
  readonly transport: Transport;
  readonly limiter: RateLimiter | undefined;
  readonly options: ReturnType<typeof resolveClientOptions>;
}

/**
 * Creates a client for one provider and one key: every request goes through the same pipeline (permission gate,
 * serialisation, authorisation, transport, classification, retries).
 *
 * @example
 * ```ts
 * const client = createClient(bitex({ apiKey, environment: 'sandbox' }));
 * const { data } = await client.request({ method: 'GET', path: '/users/me' });
 * ```
 */
export function createClient<Granted extends Permission, C extends Catalog, Extension extends object>(
  provider: Provider<Granted, C, Extension>,
  options?: ClientOptions,
): Client<Granted, C> & Extension {
  const settings = resolveClientOptions(options, provider.name, provider.rateLimit);
  const shared: Shared = {
    options: settings,
    transport: createAxiosTransport({
      provider: provider.name,
      axios: settings.axios,
      httpsAgent: settings.httpsAgent,
      httpAgent: settings.httpAgent,
    }),
    limiter: settings.rateLimit === false ? undefined : new RateLimiter(settings.rateLimit),
  };
  return build(provider, provider.strategy, provider.permissions, shared, true);
}

function build<Granted extends Permission, C extends Catalog, Extension extends object>(
  provider: Provider<Permission, C, Extension>,
  strategy: AuthStrategy,
  permissions: readonly Granted[],
  shared: Shared,
  extend: boolean,
): Client<Granted, C> & Extension {
  const authContext: AuthContext = {
    send: (request) => shared.transport.send(request, { timeout: shared.options.timeout }),
  };
  const ctx: PipelineContext = {
    provider: provider as Provider<Permission, Catalog, object>,
    strategy,
    granted: new Set<Permission>(permissions),
    grantedList: Object.freeze([...permissions]),
    transport: shared.transport,
    limiter: shared.limiter,
    options: shared.options,
    log: createSafeLogger(shared.options.logger, () => strategy.secrets()),
    authContext,
  };
  let closed = false;
  const ensureOpen = () => {
    if (closed) {
      throw new ConfigurationError(`${provider.name}: this client is closed; create a new one`, {
        provider: provider.name,
        field: 'client',
      });
    }
  };

  const client: Client<Granted, C> = {
    provider: provider.name,
    permissions: Object.freeze([...permissions]),
    async request<T>(request: RequestOptions): Promise<ExchangeResponse<T>> {
      ensureOpen();
      if (typeof request !== 'object' || request === null) {
        throw new ConfigurationError(
          `${provider.name}: request() needs an options object with method and path`,
          {
            provider: provider.name,
            field: 'request',
          },
        );
      }
      return (await executeRequest(ctx, request)) as ExchangeResponse<T>;
    },
    async call(name: string, callOptions?: CallOptions<never>) {
      ensureOpen();
      const endpoint = Object.hasOwn(provider.catalog, name) ? provider.catalog[name] : undefined;
      if (!endpoint) {
        throw new ConfigurationError(`${provider.name}: no endpoint named '${name}' in the catalog`, {
          provider: provider.name,
          field: 'name',
        });
      }
      const given = (callOptions ?? {}) as CallOptions<never> & { params?: Record<string, string | number> };
      let path: string;
      try {
        path = fillPath(endpoint.path, given.params);
      } catch (error) {
        if (!(error instanceof MissingPathParameter)) throw error;
        throw new ConfigurationError(`${provider.name}: '${name}' needs params.${error.parameter}`, {
          provider: provider.name,
          field: `params.${error.parameter}`,
        });
      }
      // Named fields, not object rest/spread: this runs on every call.
      const request: RequestOptions = { method: endpoint.method, path };
      if (given.query !== undefined) request.query = given.query;
      if (given.body !== undefined) request.body = given.body;
      if (given.otp !== undefined) request.otp = given.otp;
      if (given.headers !== undefined) request.headers = given.headers;
      if (given.signal !== undefined) request.signal = given.signal;
      if (given.timeout !== undefined) request.timeout = given.timeout;
      return executeCall(ctx, request, { name, endpoint });
    },
    async close() {
      if (closed) return;
      closed = true;
      await strategy.close?.(authContext);
    },
  } as Client<Granted, C>;

  if (!extend || !provider.extend) return client as Client<Granted, C> & Extension;
  const extension = provider.extend({
    client: client as Client<Permission, C>,
    derive: (derived, derivedPermissions) => build(provider, derived, derivedPermissions, shared, false),
    authContext: () => authContext,
  });
  return Object.defineProperties(client, Object.getOwnPropertyDescriptors(extension)) as Client<Granted, C> &
    Extension;
}
