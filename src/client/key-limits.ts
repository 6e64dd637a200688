import type { Catalog } from '../core/catalog.js';
import type { Permission } from '../core/permissions.js';
import type { Provider } from '../core/provider.js';
import { registryKey } from '../core/registry.js';
import type { AuthStrategy } from '../core/strategy.js';
import type { KeyGeneration } from '../pipeline/context.js';
import { fleetRateLimit } from '../pipeline/coordination-gate.js';
import { RateLimiter } from '../pipeline/rate-limiter.js';
import type { ResolvedClientOptions } from '../pipeline/settings.js';

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

/** The rate limits of a provider's key: in this process, and in the fleet when the client has one. */
export function keyLimits(
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
