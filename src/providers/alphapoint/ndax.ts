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

/** NDAX's WebSocket gateway, as its API documents spell it (NDAXlO/ndax-api-documentation). */
export const NDAX_WEBSOCKET_URL = 'wss://api.ndax.io/WSGateway/';

/** NDAX's `Authenticate2FA` over HTTP: `GET …/Authenticate2FA?Code=…` with the first answer's `Pending2FaToken`. */
const NDAX_TWO_FACTOR_STEP = { method: 'GET', send: 'pending-token' } as const;

/**
 * Options of {@link ndax}: the AlphaPoint options; `baseURL` defaults to NDAX's. `auth: 'signed-headers'` is
 * available: ccxt's NDAX client signs private calls this way when it holds no session.
 */
export type NdaxOptions<P extends AlphaPointKeyPermission = AlphaPointKeyPermission> = Omit<
  AlphaPointOptions<P>,
  'baseURL' | 'name' | 'login' | 'twoFactorStep' | 'websocketURL'
> & { baseURL?: string; websocketURL?: string };

/**
 * NDAX, an AlphaPoint exchange whose HTTP login is `POST /AP/Authenticate`; a second factor goes to
 * `GET /AP/Authenticate2FA?Code=<code>` with the header `Pending2FaToken` from the first answer (ccxt `ndax`
 * `signIn()`).
 */
export function ndax<const P extends AlphaPointKeyPermission = AlphaPointKeyPermission>(
  options: NdaxOptions<P>,
): Provider<AlphaPointPermissions<P>, AlphaPointCatalog, AlphaPointMethods<AlphaPointPermissions<P>>> {
  const { baseURL, websocketURL, ...rest } = options ?? ({} as NdaxOptions<P>);
  return alphapoint({
    ...rest,
    baseURL: baseURL ?? NDAX_BASE_URL,
    websocketURL: websocketURL ?? NDAX_WEBSOCKET_URL,
    name: 'ndax',
    login: { method: 'POST', path: '/Authenticate' },
    twoFactorStep: NDAX_TWO_FACTOR_STEP,
  });
}
