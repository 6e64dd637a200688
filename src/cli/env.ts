/** One environment variable the command line reads, and the provider option it fills. */
export interface CliEnvVariable {
  /** The provider option (`bitex({ apiKey })` ...) the value becomes. */
  readonly option: string;
  /** Whether the command refuses to run without it. */
  readonly required: boolean;
  /** What the value must be, for help texts and for the message when it is wrong. */
  readonly means: string;
  /** For the second factor: the value is the current code, or the TOTP secret the code is computed from. */
  readonly twoFactor?: 'code' | 'totp-secret';
}

/**
 * The environment variables of the command line, per provider: the one list of names, for the CLI's help, its
 * error messages and a future `fromEnv()`. Secrets are read from here (or a `--credentials` file), never from
 * arguments, which other users of the machine can read.
 */
export const CLI_ENV_VARIABLES = {
  bitex: {
    BITEX_API_KEY: {
      option: 'apiKey',
      required: true,
      means: 'the whole API key shown on the Bitex API keys page',
    },
    BITEX_ROLE: { option: 'role', required: false, means: '"user" (the default) or "master"' },
  },
  bitexbit: {
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
  },
  kiiex: {
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
  },
} as const satisfies Readonly<Record<string, Readonly<Record<string, CliEnvVariable>>>>;

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
