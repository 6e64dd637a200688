import type { Catalog } from '../core/catalog.js';
import { catalogEntry, fillPath, MissingPathParameter } from '../core/catalog.js';
import type { Client, ExchangeResponse, RequestOptions } from '../core/client.js';
import { ClockOffset } from '../core/clock-offset.js';
import { ConfigurationError, clientClosedError, ExchangeAuthError } from '../core/errors.js';
import { createSafeLogger } from '../core/log.js';
import { PERMISSIONS, type Permission } from '../core/permissions.js';
import type { Provider } from '../core/provider.js';
import { maskError, redactorFor } from '../core/redact.js';
import type { KeyRateLimit } from '../core/registry.js';
import type { AuthContext, AuthStrategy } from '../core/strategy.js';
import { authContextFor } from '../pipeline/attempt.js';
import { checkEndpointInput } from '../pipeline/check-endpoint-input.js';
import { checkCall, checkRequest } from '../pipeline/check-request.js';
import type { KeyGeneration, PipelineContext } from '../pipeline/context.js';
import { CoordinationGate } from '../pipeline/coordination-gate.js';
import { createEventSink } from '../pipeline/events.js';
import { execute } from '../pipeline/execute.js';
import type { ResolvedClientOptions } from '../pipeline/settings.js';
import type { Transport } from '../pipeline/transport.js';
import { checkProvider } from './check-provider.js';
import { createTransport } from './create-transport.js';
import { reloaderOf } from './credentials-reloader.js';
import { prepareForChannel } from './extension-prepare.js';
import { holderOf } from './fleet-release.js';
import { inspectClient } from './inspect.js';
import { internedList, internedSet } from './interned.js';
import { KeyGenerations } from './key-generations.js';
import { keyLimits } from './key-limits.js';
import { type ClientOptions, resolveClientOptions } from './options.js';
import { reservedHeaders } from './reserved-headers.js';
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

/**
 * One client's state, which its pipeline reads as its {@link PipelineContext}: one object, its methods shared, so
 * that a service holding a client per user holds little per client. What clients have alike (options, the
 * permission set, the reserved headers, a silent logger) is one object for all of them.
 */
class ClientState implements PipelineContext {
  readonly granted: ReadonlySet<Permission>;
  readonly grantedList: readonly Permission[];
  readonly transport: Transport;
  /** The client's keys: the current one's strategy and limits, and every one it held (for masking). */
  readonly keys: KeyGenerations;
  readonly coordination: CoordinationGate | undefined;
  readonly options: ResolvedClientOptions;
  readonly clockOffset: ClockOffset;
  readonly log: PipelineContext['log'];
  readonly events: PipelineContext['events'];
  /** Headers a caller may not set on this client's requests: framing, and what the provider and strategy set. */
  readonly reserved: ReadonlySet<string>;
  /** The clients derived from this one (closed with it), once there is one. */
  derived: (() => Promise<void>)[] | undefined;
  /** What provider methods opened (sockets), ended when the client closes. */
  releases: (() => Promise<void>)[] | undefined;
  closed = false;

  constructor(
    readonly provider: Provider<Permission, Catalog, object>,
    strategy: AuthStrategy,
    permissions: readonly Permission[],
    shared: Shared,
    readonly parent: ClientState | undefined,
  ) {
    this.grantedList = internedList(permissions);
    this.granted = internedSet(this.grantedList);
    this.transport = shared.transport;
    this.keys = new KeyGenerations({ strategy, limiter: shared.limiter, fleetLimiter: shared.fleetLimiter });
    this.coordination = shared.coordination;
    this.options = shared.options;
    this.clockOffset = shared.clockOffset;
    const secrets = () => this.keys.secrets();
    this.log = createSafeLogger(shared.options.logger, secrets);
    this.events = createEventSink(shared.options.onEvent, provider.name, secrets, this.log);
    this.reserved = reservedHeaders(provider, strategy);
  }

  /** The current key's strategy (what a request beginning now is signed with). */
  get strategy(): AuthStrategy {
    return this.keys.current.strategy;
  }

  get limiter(): KeyRateLimit | undefined {
    return this.keys.current.limiter;
  }

  get fleetLimiter(): KeyRateLimit | undefined {
    return this.keys.current.fleetLimiter;
  }

  /** Not closed, and neither is the client it was derived from. */
  isOpen(): boolean {
    return !this.closed && (this.parent?.isOpen() ?? true);
  }

  ensureOpen(): void {
    if (!this.isOpen()) throw clientClosedError(this.provider.name);
  }

  lifecycleContext(): AuthContext {
    return authContextFor(this, undefined, this.options.timeout);
  }
}

async function request(state: ClientState, input: RequestOptions): Promise<ExchangeResponse<unknown>> {
  state.ensureOpen();
  const options = checkRequest(state.provider.name, state.reserved, input);
  return await execute(state, options, undefined);
}

async function call(state: ClientState, name: string, given: unknown): Promise<unknown> {
  state.ensureOpen();
  const { provider } = state;
  const endpoint = catalogEntry(provider.catalog, name);
  if (!endpoint) {
    throw new ConfigurationError(`${provider.name}: no endpoint named '${name}' in the catalog`, {
      provider: provider.name,
      field: 'name',
    });
  }
  const checked = checkCall(provider.name, state.reserved, given);
  let path: string;
  try {
    path = fillPath(endpoint.path, checked.params);
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
    ? checkEndpointInput(provider.name, name, endpoint, { body: checked.body, query: checked.query })
    : checked;
  if (input.query !== undefined) options.query = input.query as NonNullable<RequestOptions['query']>;
  if (input.body !== undefined) options.body = input.body;
  if (checked.otp !== undefined) options.otp = checked.otp;
  if (checked.headers !== undefined) options.headers = checked.headers;
  if (checked.signal !== undefined) options.signal = checked.signal;
  if (checked.timeout !== undefined) options.timeout = checked.timeout;
  return await execute(state, options, { name, endpoint });
}

async function close(state: ClientState): Promise<void> {
  if (state.closed) return;
  state.closed = true;
  await Promise.all([
    ...(state.derived ?? []).map((closeDerived) => closeDerived()),
    ...(state.releases ?? []).map((release) => release()),
    state.strategy.close?.(state.lifecycleContext()),
  ]);
}

/** `client.rotate`: a new key for a client made by `createClient`; a derived client is refused. */
function rotatorOf(state: ClientState, permissions: readonly Permission[], shared: Shared) {
  if (state.parent !== undefined) {
    return async () => {
      throw new ConfigurationError(
        `${state.provider.name}: rotate() the client this one was derived from, then derive again`,
        { provider: state.provider.name, field: 'rotate' },
      );
    };
  }
  return rotation({
    provider: state.provider,
    permissions,
    keys: state.keys,
    generationOf: (next): KeyGeneration => ({ strategy: next.strategy, ...keyLimits(next, shared.options) }),
    lifecycleContext: () => state.lifecycleContext(),
    ensureOpen: () => state.ensureOpen(),
    holder: () => holderOf(state),
    log: state.log,
  });
}

function build<Granted extends Permission, C extends Catalog, Extension extends object>(
  provider: Provider<Permission, C, Extension>,
  strategy: AuthStrategy,
  permissions: readonly Granted[],
  shared: Shared,
  parent: ClientState | undefined,
): Client<Granted, C> & Extension {
  const state = new ClientState(
    provider as Provider<Permission, Catalog, object>,
    strategy,
    permissions,
    shared,
    parent,
  );
  // The client's methods work detached (`const { call } = client`): each is a closure over the one state.
  // Made on first use: most clients never rotate, and 10,000 clients on 10,000 keys is a real shape.
  let rotator: ((next: Provider<Permission, Catalog, object>) => Promise<void>) | undefined;
  const rotate = (next: Provider<Permission, Catalog, object>) => {
    rotator ??= rotatorOf(state, permissions, shared);
    return rotator(next);
  };
  const client = {
    provider: provider.name,
    permissions: state.grantedList,
    request: (input: RequestOptions) => request(state, input),
    call: (name: string, ...args: unknown[]) => call(state, name, args[0]),
    close: () => close(state),
    inspect: () => inspectClient(state, build(provider, state.strategy, PERMISSIONS, shared, state)),
    rotate,
    // A source is watched from the start (its timers); without one, the refusal is made only when asked for.
    reloadCredentials: state.options.credentials
      ? reloaderOf(state, rotate)
      : () => reloaderOf(state, rotate)(),
  } as unknown as Client<Granted, C>;

  if (parent !== undefined || !provider.extend) return client as Client<Granted, C> & Extension;
  const extension = provider.extend({
    client: client as Client<Permission, C>,
    derive: (derivedStrategy, derivedPermissions) => {
      state.ensureOpen();
      const child = build(provider, derivedStrategy, derivedPermissions, shared, state);
      state.derived ??= [];
      state.derived.push(() => child.close());
      return child;
    },
    authContext: () => state.lifecycleContext(),
    async guard(step) {
      state.ensureOpen();
      try {
        // A lifecycle step (authenticate()) joins the fleet as a request does: the coordination starts first,
        // so the step's context carries it and the fleet's one login is the one used.
        await state.coordination?.active(undefined, shared.options.timeout);
        return await step();
      } catch (error) {
        throw error instanceof ExchangeAuthError
          ? maskError(error, redactorFor(state.keys.secrets()))
          : error;
      }
    },
    prepare(input, name) {
      state.ensureOpen();
      return prepareForChannel(state, input, name);
    },
    onClose(release) {
      state.releases ??= [];
      state.releases.push(release);
    },
  });
  return Object.assign(client, extension);
}
