import { buildFromEnv, type EnvVariables, readEnvOptions } from '../../core/env.js';
import type { Provider } from '../../core/provider.js';
import type { BitexbitCatalog } from './catalog.js';
import { type BitexbitOptions, bitexbit } from './index.js';
import type { BitexbitAccess } from './options.js';

/** The environment variables {@link bitexbitFromEnv} and the `exchange-auth` command read for bitexbit. */
export const BITEXBIT_ENV_VARIABLES = {
  BITEXBIT_ACCESS_KEY: {
    option: 'accessKey',
    required: true,
    means: 'the access key shown on the bitexbit API page',
  },
  BITEXBIT_PRIVATE_KEY: {
    option: 'privateKey',
    required: true,
    means: 'the private key shown once when the bitexbit key was created',
  },
  BITEXBIT_ACCESS: {
    option: 'access',
    required: false,
    means: 'the key\'s access type: "read" (the default), "trade" or "withdraw"',
  },
} as const satisfies EnvVariables;

/**
 * A bitexbit provider with its key pair from the environment: `BITEXBIT_ACCESS_KEY` and `BITEXBIT_PRIVATE_KEY`
 * (required), `BITEXBIT_ACCESS` (`read`, the default, `trade` or `withdraw`). The other options come from
 * `options`. The access type is only known at run time, so the client is typed as read-only: for trading, call
 * `bitexbit({ ..., access: 'trade' })`.
 *
 * @example
 * ```ts
 * const client = createClient(bitexbitFromEnv());
 * ```
 * @param env - Where to read the variables. Default `process.env`.
 * @throws ConfigurationError naming each missing or invalid variable; never its value.
 */
export function bitexbitFromEnv(
  options: Omit<BitexbitOptions, 'accessKey' | 'privateKey' | 'access'> = {},
  env: Readonly<Record<string, string | undefined>> = process.env,
): Provider<'read', BitexbitCatalog> {
  const read = readEnvOptions('bitexbit', BITEXBIT_ENV_VARIABLES, env);
  return buildFromEnv('bitexbit', BITEXBIT_ENV_VARIABLES, read.variableOf, () =>
    bitexbit({ access: 'read', ...options, ...read.options } as BitexbitOptions<BitexbitAccess>),
  ) as Provider<'read', BitexbitCatalog>;
}
