import type { Catalog } from '../core/catalog.js';
import type { Permission } from '../core/permissions.js';
import type { Provider } from '../core/provider.js';
import type { PreparedRequest } from '../core/request.js';
import type { AuthContext, AuthStrategy } from '../core/strategy.js';
import type { EndpointMatch } from './context.js';

/**
 * The signing step: the provider's `prepare` (a one-time password, a `{}` body), then the strategy's
 * credentials unless the request is public. The pipeline calls it for every attempt, and the CLI's `sign`
 * calls it too, so both put the same bytes on a request.
 */
export async function signRequest(
  provider: Provider<Permission, Catalog, object>,
  strategy: AuthStrategy,
  base: PreparedRequest,
  extras: { readonly match: EndpointMatch | undefined; readonly otp: string | undefined },
  context: AuthContext,
): Promise<PreparedRequest> {
  const prepared = provider.prepare
    ? await provider.prepare(base, {
        endpoint: extras.match?.endpoint,
        endpointName: extras.match?.name,
        otp: extras.otp,
      })
    : base;
  return prepared.permission === 'public' ? prepared : strategy.authorize(prepared, context);
}
