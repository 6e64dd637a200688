import {
  BITEX_ENV_VARIABLES,
  BITEXBIT_ENV_VARIABLES,
  type EnvVariable,
  KIIEX_ENV_VARIABLES,
} from '../index.js';

/** One environment variable the command line reads: the providers' own, as their `fromEnv()` read it. */
export type CliEnvVariable = EnvVariable;

/**
 * The environment variables of the command line, per provider: the providers' own lists (the names
 * `bitexFromEnv()`, `bitexbitFromEnv()` and `kiiexFromEnv()` read), one set of names everywhere. Secrets are
 * read from here (or a `--credentials` file), never from arguments, which other users of the machine can read.
 */
export const CLI_ENV_VARIABLES = {
  bitex: BITEX_ENV_VARIABLES,
  bitexbit: BITEXBIT_ENV_VARIABLES,
  kiiex: KIIEX_ENV_VARIABLES,
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
