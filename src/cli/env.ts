import {
  BITEX_ENV_VARIABLES,
  BITEXBIT_ENV_VARIABLES,
  type EnvVariable,
  KIIEX_ENV_VARIABLES,
} from '../index.js';

/** One environment variable the command line reads: the providers' own, as their `fromEnv()` read it. */
export type CliEnvVariable = EnvVariable;

/**
 * Kiiex's variables under another AlphaPoint exchange's prefix (`NDAX_API_KEY` ...): every AlphaPoint exchange
 * takes the same credentials, so one list, renamed, is read the same way.
 */
function alphapointVariables(prefix: string, exchange: string): Readonly<Record<string, CliEnvVariable>> {
  return Object.fromEntries(
    Object.entries(KIIEX_ENV_VARIABLES).map(([name, variable]) => [
      name.replace(/^KIIEX_/, `${prefix}_`),
      { ...variable, means: variable.means.replaceAll('Kiiex', exchange) },
    ]),
  );
}

/**
 * The environment variables of the command line, per provider: the providers' own lists (the names
 * `bitexFromEnv()`, `bitexbitFromEnv()` and `kiiexFromEnv()` read), one set of names everywhere; NDAX and any
 * other AlphaPoint exchange read Kiiex's list under their own prefix. Secrets are read from here (or a
 * `--credentials` file), never from arguments, which other users of the machine can read.
 */
export const CLI_ENV_VARIABLES = {
  bitex: BITEX_ENV_VARIABLES,
  bitexbit: BITEXBIT_ENV_VARIABLES,
  kiiex: KIIEX_ENV_VARIABLES,
  ndax: alphapointVariables('NDAX', 'NDAX'),
  alphapoint: alphapointVariables('ALPHAPOINT', 'AlphaPoint'),
} as const;

/** A provider the command line knows. */
export type CliProviderName = keyof typeof CLI_ENV_VARIABLES;

/** The variables of one provider, as plain records. */
export function envVariablesOf(provider: CliProviderName): Readonly<Record<string, CliEnvVariable>> {
  return CLI_ENV_VARIABLES[provider];
}

/** Help text lines listing every variable: `  NAME  (required) what it means`. */
export function envHelp(): string {
  const lines: string[] = [];
  for (const [provider, variables] of Object.entries(CLI_ENV_VARIABLES)) {
    lines.push(`  ${provider}:`);
    for (const [name, variable] of Object.entries(variables as Record<string, CliEnvVariable>)) {
      const need = variable.required ? 'required; ' : '';
      lines.push(`    ${name.padEnd(21)} ${need}${variable.means}`);
    }
  }
  return lines.join('\n');
}
