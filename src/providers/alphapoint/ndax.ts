import type { Provider } from '../../core/provider.js';
import type { AlphaPointCatalog } from './catalog.js';
import {
  type AlphaPointMethods,
  type AlphaPointOptions,
  type AlphaPointPermissions,
  alphapoint,
} from './index.js';
import type { AlphaPointKeyPermission } from './options.js';

/** NDAX's API base. */
export const NDAX_BASE_URL = 'https://api.ndax.io:8443/AP';

/** Options of {@link ndax}: the AlphaPoint options; `baseURL` defaults to NDAX's. */
export type NdaxOptions<P extends AlphaPointKeyPermission = AlphaPointKeyPermission> = Omit<
  AlphaPointOptions<P>,
  'baseURL' | 'name' | 'login'
> & { baseURL?: string };

/**
 * NDAX, an AlphaPoint exchange whose HTTP login is `POST /AP/Authenticate` (and `Authenticate2FA` with a
 * `Pending2FaToken` when the account asks for a second factor).
 */
export function ndax<const P extends AlphaPointKeyPermission = AlphaPointKeyPermission>(
  options: NdaxOptions<P>,
): Provider<AlphaPointPermissions<P>, AlphaPointCatalog, AlphaPointMethods> {
  const { baseURL, ...rest } = options ?? ({} as NdaxOptions<P>);
  return alphapoint({
    ...rest,
    baseURL: baseURL ?? NDAX_BASE_URL,
    name: 'ndax',
    login: { method: 'POST', path: '/Authenticate' },
  });
}
