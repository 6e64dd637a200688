import type { Catalog } from '../core/catalog.js';
import type { Permission } from '../core/permissions.js';
import type { Provider } from '../core/provider.js';
import type { AuthStrategy } from '../core/strategy.js';
import { FRAMING_HEADERS } from '../pipeline/check-request.js';
import { internedSet } from './interned.js';

/**
 * The lower-case names of the headers a caller may not set: framing, the provider's own headers, what its
 * `prepare` sets and what the strategy sets. One set for every client with the same names.
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
  return internedSet(names.map((name) => name.toLowerCase()));
}
