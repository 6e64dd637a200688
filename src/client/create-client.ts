import type { Dispatcher } from 'undici';
import type { Catalog } from '../core/catalog.js';
import { fillPath, MissingPathParameter } from '../core/catalog.js';
import type {
  CallArgs,
  CallableEndpoint,
  CallResponse,
  Client,
  ExchangeResponse,
  RequestOptions,
} from '../core/client.js';
import { ClockOffset } from '../core/clock-offset.js';
import { ConfigurationError, clientClosedError, ExchangeAuthError } from '../core/errors.js';
import { createSafeLogger } from '../core/log.js';
import type { Permission } from '../core/permissions.js';
import type { Provider } from '../core/provider.js';
import { maskError, redactorFor } from '../core/redact.js';
import { type KeyRateLimit, registryKey } from '../core/registry.js';
import type { AuthStrategy } from '../core/strategy.js';
import { authContextFor } from '../pipeline/attempt.js';
import { createAxiosTransport } from '../pipeline/axios-transport.js';
import { checkEndpointInput } from '../pipeline/check-endpoint-input.js';
import { checkCall, checkRequest, FRAMING_HEADERS } from '../pipeline/check-request.js';
import type { KeyGeneration, PipelineContext } from '../pipeline/context.js';
import { CoordinationGate, fleetRateLimit } from '../pipeline/coordination-gate.js';
import { createEventSink } from '../pipeline/events.js';
import { execute } from '../pipeline/execute.js';
import { InFlightLimit } from '../pipeline/in-flight.js';
import { RateLimiter } from '../pipeline/rate-limiter.js';
import type { ResolvedClientOptions } from '../pipeline/settings.js';
import type { Transport } from '../pipeline/transport.js';
import { createUndiciTransport } from '../pipeline/undici-transport.js';
import { checkProvider } from './check-provider.js';
import { KeyGenerations } from './key-generations.js';
import { type ClientOptions, resolveClientOptions } from './options.js';
import { rotation } from './rotate.js';

interface Shared {
  readonly transport: Transport;
  readonly limiter: KeyRateLimit | undefined;
  readonly fleetLimiter: KeyRateLimit | undefined;
  readonly coordination: CoordinationGate | undefined;
  readonly options: ResolvedClientOptions;
  readonly clockOffset: ClockOffset;
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
  checkProvider(provider, 'createClient');
  const settings = resolveClientOptions(options, provider.name, provider.rateLimit);
  const { limiter, fleetLimiter } = keyLimits(provider, settings);
  const fleet = settings.coordination;
  const shared: Shared = {
    options: settings,
    clockOffset: new ClockOffset(),
    transport: createTransport(provider.name, settings),
    limiter,
    fleetLimiter,
    coordination: fleet
      ? new CoordinationGate(
          fleet,
          createSafeLogger(settings.logger, () => provider.strategy.secrets()),
          provider.name,
        )
      : undefined,
  };
  return build(provider, provider.strategy, provider.permissions, shared, undefined);
}

/** The rate limits of a provider's key: in this process, and in the fleet when the client has one. */
function keyLimits(
  provider: Provider<Permission, Catalog, object>,
  settings: ResolvedClientOptions,
): Omit<KeyGeneration, 'strategy'> {
  const rateKey = rateLimitKey(provider, provider.strategy);
  const fleet = settings.coordination;
  return {
    limiter:
      settings.rateLimit === false ? undefined : new RateLimiter(settings.rateLimit, settings.clock, rateKey),
    fleetLimiter:
      fleet && rateKey !== undefined && settings.rateLimit !== false
        ? fleetRateLimit(fleet, rateKey, settings.rateLimit, settings.timeout)
        : undefined,
  };
}

/** The client's transport: undici (the default) or axios, with what each is built from. */
function createTransport(provider: string, settings: ResolvedClientOptions): Transport {
  const common = {
    provider,
    clock: settings.clock,
    limits: settings.limits,
    inFlight: new InFlightLimit(settings.maxInFlight),
  };
  if (settings.transport === 'undici')
    return createUndiciTransport({ ...common, dispatcher: settings.dispatcher as Dispatcher | undefined });
  return createAxiosTransport({
    ...common,
    axios: settings.axios,
    httpsAgent: settings.httpsAgent,
    httpAgent: settings.httpAgent,
  });
}

/**
 * Whose rate limit a client's requests count against: the provider, its base URL and the credentials (the
 * strategy's sequence key, else a salted hash of its first secret, never the secret). Every client of one key
 * and one rate in the process, in any copy of the library, shares one limiter, on the clock of the client that
 * created it (the first to send once the key's limiter was idle). `undefined` when the strategy names no
 * credential: the client then has a limiter of its own.
 */
function rateLimitKey(
  provider: Provider<Permission, Catalog, object>,
  strategy: AuthStrategy,
): string | undefined {
  const credential =
    strategy.sequenceKey !== undefined ? `sequence ${strategy.sequenceKey}` : strategy.secrets()[0];
  if (!credential) return undefined;
  return registryKey('rate', provider.name, provider.baseURL, credential);
}

/**
 * The lower-case names of the headers a caller may not set: framing, the provider's own headers, what its
 * `prepare` sets and what the strategy sets. Computed once per client.
 */
export function reservedHeaders(
  provider: Provider<Permission, Catalog, object>,
  strategy: AuthStrategy,
): ReadonlySet<string> {
  const names = [
    ...FRAMING_HEADERS,
    ...Object.keys(provider.headers ?? {}),
    ...(strategy.headerNames ?? []),
    ...(provider.preparedHeaders ?? []),
  ];
  return new Set(names.map((name) => name.toLowerCase()));
}

/** Whether a client may still be used: not closed, and neither is the client it was derived from. */
interface OpenState {
  isOpen(): boolean;
}

function build<Granted extends Permission, C extends Catalog, Extension extends object>(
  provider: Provider<Permission, C, Extension>,
  strategy: AuthStrategy,
  permissions: readonly Granted[],
  shared: Shared,
  parent: OpenState | undefined,
): Client<Granted, C> & Extension {
  let closed = false;
  const state: OpenState = { isOpen: () => !closed && (parent?.isOpen() ?? true) };
  const keys = new KeyGenerations({ strategy, limiter: shared.limiter, fleetLimiter: shared.fleetLimiter });
  const log = createSafeLogger(shared.options.logger, () => keys.secrets());
  const ctx: PipelineContext = {
    provider: provider as Provider<Permission, Catalog, object>,
    get strategy() {
      return keys.current.strategy;
    },
    keys,
    granted: new Set<Permission>(permissions),
    grantedList: Object.freeze([...permissions]),
    transport: shared.transport,
    get limiter() {
      return keys.current.limiter;
    },
    get fleetLimiter() {
      return keys.current.fleetLimiter;
    },
    coordination: shared.coordination,
    options: shared.options,
    clockOffset: shared.clockOffset,
    log,
    events: createEventSink(shared.options.onEvent, provider.name, () => keys.secrets(), log),
    isOpen: state.isOpen,
  };
  const lifecycleContext = () => authContextFor(ctx, undefined, shared.options.timeout);
  const derived: (() => Promise<void>)[] = [];
  const ensureOpen = () => {
    if (!state.isOpen()) throw clientClosedError(provider.name);
  };

  // Headers a caller may not set on this client's requests: framing, and what the provider and strategy set.
  const reserved = reservedHeaders(provider, strategy);

  async function request<T>(input: RequestOptions): Promise<ExchangeResponse<T>> {
    ensureOpen();
    const options = checkRequest(provider.name, reserved, input);
    return (await execute(ctx, options, undefined)) as ExchangeResponse<T>;
  }

  async function call<K extends CallableEndpoint<C, Granted>>(
    name: K,
    ...args: CallArgs<C[K]>
  ): Promise<CallResponse<C[K]>> {
    ensureOpen();
    const endpoint = Object.hasOwn(provider.catalog, name) ? provider.catalog[name] : undefined;
    if (!endpoint) {
      throw new ConfigurationError(`${provider.name}: no endpoint named '${name}' in the catalog`, {
        provider: provider.name,
        field: 'name',
      });
    }
    const given = checkCall(provider.name, reserved, args[0]);
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
    const options: RequestOptions = { method: endpoint.method, path };
    const input = endpoint.request
      ? checkEndpointInput(provider.name, name, endpoint, { body: given.body, query: given.query })
      : given;
    if (input.query !== undefined) options.query = input.query as NonNullable<RequestOptions['query']>;
    if (input.body !== undefined) options.body = input.body;
    if (given.otp !== undefined) options.otp = given.otp;
    if (given.headers !== undefined) options.headers = given.headers;
    if (given.signal !== undefined) options.signal = given.signal;
    if (given.timeout !== undefined) options.timeout = given.timeout;
    const response = await execute(ctx, options, { name, endpoint });
    return response as CallResponse<C[K]>;
  }

  async function close(): Promise<void> {
    if (closed) return;
    closed = true;
    await Promise.all([
      ...derived.map((closeDerived) => closeDerived()),
      keys.current.strategy.close?.(lifecycleContext()),
    ]);
  }

  const client: Client<Granted, C> = {
    provider: provider.name,
    permissions: Object.freeze([...permissions]),
    request,
    call,
    close,
    rotate:
      parent === undefined
        ? rotation({
            provider: ctx.provider,
            permissions,
            keys,
            generationOf: (next) => ({ strategy: next.strategy, ...keyLimits(next, shared.options) }),
            lifecycleContext,
            ensureOpen,
          })
        : async () => {
            throw new ConfigurationError(
              `${provider.name}: rotate() the client this one was derived from, then derive again`,
              { provider: provider.name, field: 'rotate' },
            );
          },
  };

  if (parent !== undefined || !provider.extend) return client as Client<Granted, C> & Extension;
  const extension = provider.extend({
    client: client as Client<Permission, C>,
    derive: (derivedStrategy, derivedPermissions) => {
      ensureOpen();
      const child = build(provider, derivedStrategy, derivedPermissions, shared, state);
      derived.push(() => child.close());
      return child;
    },
    authContext: lifecycleContext,
    async guard(step) {
      ensureOpen();
      try {
        // A lifecycle step (authenticate()) joins the fleet as a request does: the coordination starts first,
        // so the step's context carries it and the fleet's one login is the one used.
        await ctx.coordination?.active(undefined, shared.options.timeout);
        return await step();
      } catch (error) {
        throw error instanceof ExchangeAuthError ? maskError(error, redactorFor(keys.secrets())) : error;
      }
    },
  });
  return Object.assign(client, extension);
}
