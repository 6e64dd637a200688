import { ConfigurationError } from '../../core/errors.js';
import type { Provider } from '../../core/provider.js';
import type { AlphaPointCatalog } from './catalog.js';
import {
  type AlphaPointMethods,
  type AlphaPointOptions,
  type AlphaPointPermissions,
  alphapoint,
} from './index.js';
import type { AlphaPointKeyPermission } from './options.js';

/** Kiiex's documented API bases. */
export const KIIEX_ENVIRONMENTS = {
  staging: 'https://apstage.proxy.kiiex.io/ap',
  production: 'https://alphaprod.proxy.kiiex.io/ap',
} as const;

/** Kiiex's `Authenticate2FA`: a POST with `{"Code": …}` and the four headers, freshly signed. */
const KIIEX_TWO_FACTOR_STEP = { method: 'POST', send: 'signed-headers' } as const;

/**
 * Options of {@link kiiex}: the AlphaPoint options, with an environment in place of a base URL. The login, the
 * second-factor step and the session are Kiiex's (no source shows Kiiex accepting signed headers per call).
 */
export type KiiexOptions<P extends AlphaPointKeyPermission = AlphaPointKeyPermission> = Omit<
  AlphaPointOptions<P>,
  'baseURL' | 'name' | 'login' | 'twoFactorStep' | 'auth'
> &
  (
    | { environment: keyof typeof KIIEX_ENVIRONMENTS; baseURL?: string }
    | { environment?: undefined; baseURL: string }
  );

/**
 * Kiiex, an AlphaPoint exchange: the login goes to `POST <base>/AuthenticateUser`, every call to
 * `POST <base>/<FunctionName>` with `aptoken`. A second factor goes to `POST <base>/Authenticate2FA` as
 * `{"Code": …}` with the four headers signed anew (KiiChain/kiichain-docs `Authenticate2FA.yaml`).
 *
 * @example
 * ```ts
 * const client = createClient(kiiex({ apiKey, apiSecret, userId, environment: 'staging' }));
 * await client.request({ method: 'POST', path: '/GetAccountPositions', body: { OMSId: 1, AccountId: 7 } });
 * ```
 */
export function kiiex<const P extends AlphaPointKeyPermission = AlphaPointKeyPermission>(
  options: KiiexOptions<P>,
): Provider<AlphaPointPermissions<P>, AlphaPointCatalog, AlphaPointMethods<AlphaPointPermissions<P>>> {
  const { environment, baseURL, ...rest } = options ?? ({} as KiiexOptions<P>);
  if (
    environment !== undefined &&
    (typeof environment !== 'string' || !Object.hasOwn(KIIEX_ENVIRONMENTS, environment))
  ) {
    throw new ConfigurationError('kiiex: environment must be "staging" or "production"', {
      provider: 'kiiex',
      field: 'environment',
    });
  }
  const base = baseURL ?? (environment ? KIIEX_ENVIRONMENTS[environment] : undefined);
  if (base === undefined) {
    throw new ConfigurationError(
      'kiiex: say where to connect: environment "staging" or "production", or a baseURL',
      {
        provider: 'kiiex',
        field: 'environment',
      },
    );
  }
  return alphapoint({
    ...rest,
    baseURL: base,
    name: 'kiiex',
    login: { method: 'POST', path: '/AuthenticateUser' },
    twoFactorStep: KIIEX_TWO_FACTOR_STEP,
  });
}
