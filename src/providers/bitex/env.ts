import { buildFromEnv, type EnvVariables, readEnvOptions } from '../../core/env.js';
import type { Provider } from '../../core/provider.js';
import type { BitexCatalog } from './catalog.js';
import { type BitexOptions, bitex } from './index.js';
import type { BitexKeyPermission } from './options.js';

/** The environment variables {@link bitexFromEnv} and the `exchange-auth` command read for Bitex. */
export const BITEX_ENV_VARIABLES = {
  BITEX_API_KEY: {
    option: 'apiKey',
    required: true,
    means: 'the whole API key shown on the Bitex API keys page',
  },
  BITEX_ROLE: { option: 'role', required: false, means: '"user" (the default) or "master"' },
} as const satisfies EnvVariables;

/**
 * A Bitex provider with its key from the environment: `BITEX_API_KEY` (required) and `BITEX_ROLE` (`user` or
 * `master`). The other options come from `options`. The role is only known at run time, so the client is typed
 * as a user's; for `onBehalfOf`, call `bitex({ ..., role: 'master' })`.
 *
 * @example
 * ```ts
 * const client = createClient(bitexFromEnv({ environment: 'sandbox' }));
 * ```
 * @param env - Where to read the variables. Default `process.env`.
 * @throws ConfigurationError naming each missing or invalid variable; never its value.
 */
export function bitexFromEnv<const P extends BitexKeyPermission = BitexKeyPermission>(
  options: Omit<BitexOptions<P>, 'apiKey' | 'role'> = {},
  env: Readonly<Record<string, string | undefined>> = process.env,
): Provider<P, BitexCatalog> {
  const read = readEnvOptions('bitex', BITEX_ENV_VARIABLES, env);
  return buildFromEnv('bitex', BITEX_ENV_VARIABLES, read.variableOf, () =>
    bitex({ ...options, ...read.options } as BitexOptions<P>),
  );
}
