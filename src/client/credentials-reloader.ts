import type { Catalog } from '../core/catalog.js';
import type { CredentialsReload } from '../core/credentials-source.js';
import type { ClientEvent } from '../core/events.js';
import type { Logger } from '../core/log.js';
import type { Permission } from '../core/permissions.js';
import type { Provider } from '../core/provider.js';
import type { AuthStrategy } from '../core/strategy.js';
import type { CoordinationGate } from '../pipeline/coordination-gate.js';
import type { ResolvedClientOptions } from '../pipeline/settings.js';
import { CredentialsWatch, credentialsSourceSchema, noCredentialsSource } from './credentials-watch.js';
import { holderOf } from './fleet-release.js';
import { checkSuccessor } from './rotate.js';

/** What {@link reloaderOf} reads of a client's state. */
export interface ReloadedClient {
  readonly provider: Provider<Permission, Catalog, object>;
  readonly options: ResolvedClientOptions;
  readonly log: Logger;
  readonly events: { emit(event: ClientEvent): void };
  readonly strategy: AuthStrategy;
  readonly coordination: CoordinationGate | undefined;
  readonly parent: unknown;
  readonly grantedList: readonly Permission[];
  releases: (() => Promise<void>)[] | undefined;
  ensureOpen(): void;
}

/**
 * `client.reloadCredentials` of a client made by `createClient` with a `credentials` source, whose timers
 * (`refreshEveryMs`, the fleet's checks) stop when the client closes; a refusal for any other client.
 */
export function reloaderOf(
  state: ReloadedClient,
  rotate: (next: Provider<Permission, Catalog, object>) => Promise<void>,
): () => Promise<CredentialsReload> {
  const source = state.options.credentials;
  if (state.parent !== undefined || !source) return noCredentialsSource(state.provider.name, !!state.parent);
  const fleet = state.options.coordination?.keys;
  const watch = new CredentialsWatch(
    {
      provider: state.provider.name,
      clock: state.options.clock,
      log: state.log,
      emit: (event) => state.events.emit(event),
      current: () => state.strategy,
      holder: () => holderOf(state),
      check: (next) => checkSuccessor(state.provider, state.grantedList, next),
      rotate,
      // Only once the client knows it coordinates with the fleet (not when it fell back to its own process).
      fleet: () => (fleet && state.coordination?.current() ? fleet : undefined),
      fleetEveryMs: fleet?.checkEveryMs,
    },
    credentialsSourceSchema.parse(source),
  );
  state.releases ??= [];
  state.releases.push(async () => {
    watch.stop();
    await watch.letGo();
  });
  return () => {
    state.ensureOpen();
    return watch.reload();
  };
}
