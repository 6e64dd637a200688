import type { Catalog } from '../core/catalog.js';
import { ConfigurationError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import type { Permission } from '../core/permissions.js';
import type { Provider } from '../core/provider.js';
import type { AuthContext } from '../core/strategy.js';
import type { KeyGeneration } from '../pipeline/context.js';
import { checkProvider } from './check-provider.js';
import { keyIdOf } from './credentials-watch.js';
import { announceReplaced, releaseReplaced } from './fleet-release.js';
import type { KeyGenerations } from './key-generations.js';

/** What {@link rotation} needs from the client it rotates. */
export interface RotationTarget {
  readonly provider: Provider<Permission, Catalog, object>;
  readonly permissions: readonly Permission[];
  readonly keys: KeyGenerations;
  /** The key's strategy and rate limits, made as `createClient` makes them. */
  generationOf(provider: Provider<Permission, Catalog, object>): KeyGeneration;
  /** A context for the replaced key's logout. */
  lifecycleContext(): AuthContext;
  ensureOpen(): void;
  /** This client's id in the fleet's key holds (made on first use). */
  holder(): string;
  readonly log: Logger;
}

function refuse(provider: string, field: string, message: string): ConfigurationError {
  return new ConfigurationError(`${provider}: rotate(): ${message}`, { provider, field });
}

/**
 * Refuses `next` unless it is a provider of the same exchange (name and base URL) granting the same permissions
 * (a key of another access type is another client).
 */
export function checkSuccessor(
  current: Provider<Permission, Catalog, object>,
  permissions: readonly Permission[],
  next: unknown,
): asserts next is Provider<Permission, Catalog, object> {
  const name = current.name;
  const target = { provider: current, permissions };
  const provider = checkProvider(next, 'rotate');
  if (provider.name !== name)
    throw refuse(name, 'provider', `the new provider is ${provider.name}; pass a ${name} one`);
  if (provider.baseURL !== target.provider.baseURL) {
    throw refuse(name, 'baseURL', 'the new provider names another base URL; create another client for it');
  }
  const granted = new Set(target.permissions);
  const same =
    provider.permissions.length === granted.size &&
    provider.permissions.every((permission) => granted.has(permission));
  if (!same) {
    throw refuse(
      name,
      'permissions',
      `the new key grants ${JSON.stringify(provider.permissions)}, this client ${JSON.stringify(target.permissions)}; a key of another access type needs another client`,
    );
  }
}

/**
 * The client's `rotate(provider)`: checks that `next` is the same exchange with the same permissions (a key of
 * another access type is another client), then makes its key the one new requests take. Requests under way end
 * with the key they began with; the replaced key is released (its session logged out, once) when the last of them
 * has ended, and the returned promise resolves then. In a fleet, the other processes holding the replaced key
 * are told, and its session is logged out once, by the last of them to let it go (docs/fleet.md).
 */
export function rotation(target: RotationTarget) {
  return async (next: Provider<Permission, Catalog, object>): Promise<void> => {
    target.ensureOpen();
    const name = target.provider.name;
    checkSuccessor(target.provider, target.permissions, next);
    const oldId = keyIdOf(target.keys.current.strategy);
    const context = target.lifecycleContext();
    // The switch is synchronous: a request that begins after this call returned takes the new key.
    const released = target.keys.replace(target.generationOf(next), async (old) => {
      await releaseReplaced(
        old.strategy,
        target.lifecycleContext(),
        oldId,
        target.holder(),
        target.log,
        name,
      );
    });
    // Handled now: a release that fails while the fleet is being told must not be an unhandled rejection.
    released.catch(() => undefined);
    await announceReplaced(context, oldId, keyIdOf(next.strategy), target.log, name);
    await released;
  };
}
