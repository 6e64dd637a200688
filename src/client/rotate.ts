import type { Catalog } from '../core/catalog.js';
import { ConfigurationError } from '../core/errors.js';
import type { Permission } from '../core/permissions.js';
import type { Provider } from '../core/provider.js';
import type { AuthContext } from '../core/strategy.js';
import type { KeyGeneration } from '../pipeline/context.js';
import { checkProvider } from './check-provider.js';
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
}

function refuse(provider: string, field: string, message: string): ConfigurationError {
  return new ConfigurationError(`${provider}: rotate(): ${message}`, { provider, field });
}

/**
 * The client's `rotate(provider)`: checks that `next` is the same exchange with the same permissions (a key of
 * another access type is another client), then makes its key the one new requests take. Requests under way end
 * with the key they began with; the replaced key is released (its session logged out, once) when the last of them
 * has ended, and the returned promise resolves then.
 */
export function rotation(target: RotationTarget) {
  return async (next: Provider<Permission, Catalog, object>): Promise<void> => {
    target.ensureOpen();
    const name = target.provider.name;
    checkProvider(next, 'rotate');
    if (next.name !== name)
      throw refuse(name, 'provider', `the new provider is ${next.name}; pass a ${name} one`);
    if (next.baseURL !== target.provider.baseURL) {
      throw refuse(name, 'baseURL', 'the new provider names another base URL; create another client for it');
    }
    const granted = new Set(target.permissions);
    const same =
      next.permissions.length === granted.size &&
      next.permissions.every((permission) => granted.has(permission));
    if (!same) {
      throw refuse(
        name,
        'permissions',
        `the new key grants ${JSON.stringify(next.permissions)}, this client ${JSON.stringify(target.permissions)}; a key of another access type needs another client`,
      );
    }
    await target.keys.replace(target.generationOf(next), async (old) => {
      await old.strategy.close?.(target.lifecycleContext());
    });
  };
}
