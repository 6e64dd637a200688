import type { Catalog } from '../core/catalog.js';
import { ConfigurationError } from '../core/errors.js';
import type { Permission } from '../core/permissions.js';
import type { Provider } from '../core/provider.js';

/**
 * `value` as a provider, or a ConfigurationError saying what to pass (`createClient(null)`, `createClient({})`,
 * a provider's factory forgotten: `createClient(bitex)`).
 */
export function checkProvider(value: unknown, factory: string): Provider<Permission, Catalog, object> {
  const candidate = value as Partial<Provider<Permission, Catalog, object>> | null | undefined;
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    typeof candidate.name !== 'string' ||
    typeof candidate.strategy?.authorize !== 'function' ||
    typeof candidate.catalog !== 'object' ||
    typeof candidate.classify !== 'function'
  ) {
    throw new ConfigurationError(
      `exchange-auth: ${factory} needs a provider, such as bitex({ ... }) or kiiex({ ... })`,
      { provider: 'exchange-auth', field: 'provider' },
    );
  }
  return candidate as Provider<Permission, Catalog, object>;
}
