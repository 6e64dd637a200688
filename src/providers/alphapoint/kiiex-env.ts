import { buildFromEnv, type EnvVariables, readEnvOptions } from '../../core/env.js';
import { ConfigurationError } from '../../core/errors.js';
import type { Provider } from '../../core/provider.js';
import { decodeBase32, totpCodeOf } from '../../toolkit/totp-code.js';
import type { AlphaPointCatalog } from './catalog.js';
import type { AlphaPointMethods, AlphaPointPermissions } from './index.js';
import { type KiiexOptions, kiiex } from './kiiex.js';
import type { AlphaPointKeyPermission, TwoFactorSource } from './options.js';

/** The environment variables {@link kiiexFromEnv} and the `exchange-auth` command read for Kiiex. */
export const KIIEX_ENV_VARIABLES = {
  KIIEX_API_KEY: { option: 'apiKey', required: true, means: 'the API KEY shown when the key was created' },
  KIIEX_API_SECRET: {
    option: 'apiSecret',
    required: true,
    means: 'the API SECRET shown once when the key was created',
  },
  KIIEX_USER_ID: {
    option: 'userId',
    required: true,
    means: 'your numeric Kiiex user id: digits only, such as 001 (at most 16)',
  },
  KIIEX_2FA_CODE: {
    option: 'twoFactor',
    required: false,
    means: 'the current 6-digit code of your authenticator app (two-factor accounts)',
    twoFactor: 'code',
  },
  KIIEX_TOTP_SECRET: {
    option: 'twoFactor',
    required: false,
    means: 'the base32 TOTP secret of your authenticator app; the code is computed',
    twoFactor: 'totp-secret',
  },
} as const satisfies EnvVariables;

function refuse(variable: string, message: string): ConfigurationError {
  return new ConfigurationError(`kiiex: ${message}`, { provider: 'kiiex', field: variable });
}

/** The second factor from `KIIEX_2FA_CODE` or `KIIEX_TOTP_SECRET` (at most one), computed when asked for. */
function twoFactorFrom(env: Readonly<Record<string, string | undefined>>): TwoFactorSource | undefined {
  const code = env.KIIEX_2FA_CODE?.trim() || undefined;
  const secret = env.KIIEX_TOTP_SECRET?.trim() || undefined;
  if (code !== undefined && secret !== undefined) {
    throw refuse('KIIEX_2FA_CODE', 'set only one of KIIEX_2FA_CODE and KIIEX_TOTP_SECRET');
  }
  if (code !== undefined) {
    if (!/^[0-9]{6}$/.test(code)) {
      throw refuse('KIIEX_2FA_CODE', `KIIEX_2FA_CODE must be ${KIIEX_ENV_VARIABLES.KIIEX_2FA_CODE.means}`);
    }
    return () => code;
  }
  if (secret === undefined) return undefined;
  const bytes = decodeBase32(secret);
  if (!bytes) {
    throw refuse('KIIEX_TOTP_SECRET', 'KIIEX_TOTP_SECRET must be base32: letters A-Z and digits 2-7');
  }
  return () => totpCodeOf(bytes, Date.now());
}

/**
 * A Kiiex provider with its key from the environment: `KIIEX_API_KEY`, `KIIEX_API_SECRET` and `KIIEX_USER_ID`
 * (required), and for a two-factor account `KIIEX_2FA_CODE` (the current code) or `KIIEX_TOTP_SECRET` (the
 * base32 secret; each login computes the code). Where to connect, and the other options, come from `options`.
 *
 * @example
 * ```ts
 * const client = createClient(kiiexFromEnv({ environment: 'staging' }));
 * ```
 * @param env - Where to read the variables. Default `process.env`.
 * @throws ConfigurationError naming each missing or invalid variable; never its value.
 */
export function kiiexFromEnv<const P extends AlphaPointKeyPermission = AlphaPointKeyPermission>(
  options: Omit<KiiexOptions<P>, 'apiKey' | 'apiSecret' | 'userId' | 'twoFactor'>,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Provider<AlphaPointPermissions<P>, AlphaPointCatalog, AlphaPointMethods> {
  const read = readEnvOptions('kiiex', KIIEX_ENV_VARIABLES, env);
  const twoFactor = twoFactorFrom(env);
  return buildFromEnv('kiiex', KIIEX_ENV_VARIABLES, read.variableOf, () =>
    kiiex({ ...options, ...read.options, ...(twoFactor ? { twoFactor } : {}) } as KiiexOptions<P>),
  );
}
