import { ConfigurationError } from './errors.js';

/** One environment variable a provider's `fromEnv` (and the command line) reads, and the option it fills. */
export interface EnvVariable {
  /** The provider option (`bitex({ apiKey })` ...) the value becomes. */
  readonly option: string;
  /** Whether the provider cannot be built without it. */
  readonly required: boolean;
  /** What the value must be, for help texts and for the message when it is wrong or missing. */
  readonly means: string;
  /** For the second factor: the value is the current code, or the TOTP secret the code is computed from. */
  readonly twoFactor?: 'code' | 'totp-secret';
}

/** A provider's environment variables, by name. */
export type EnvVariables = Readonly<Record<string, EnvVariable>>;

/**
 * Reads the plain (not second-factor) options of `variables` from `env`. An empty value counts as unset.
 *
 * @returns The options the set variables fill, and which variable filled each option.
 * @throws ConfigurationError naming every missing required variable and what it must be; never a value.
 */
export function readEnvOptions(
  provider: string,
  variables: EnvVariables,
  env: Readonly<Record<string, string | undefined>>,
): { options: Record<string, string>; variableOf: Record<string, string> } {
  const options: Record<string, string> = {};
  const variableOf: Record<string, string> = {};
  const missing: string[] = [];
  for (const [name, variable] of Object.entries(variables)) {
    if (variable.twoFactor !== undefined) continue;
    const value = env[name];
    if (value !== undefined && value !== '') {
      options[variable.option] = value;
      variableOf[variable.option] = name;
    } else if (variable.required) missing.push(name);
  }
  if (missing.length > 0) {
    const list = missing.map((name) => `${name} (${variables[name]?.means})`).join(', ');
    throw new ConfigurationError(
      `${provider}: missing environment variable${missing.length > 1 ? 's' : ''} ${list}`,
      { provider, field: missing[0] as string },
    );
  }
  return { options, variableOf };
}

/**
 * Builds a provider from options read from the environment; an option the provider refuses is reported under
 * the variable that set it (`KIIEX_USER_ID must be ...`), never with its value.
 */
export function buildFromEnv<T>(
  provider: string,
  variables: EnvVariables,
  variableOf: Readonly<Record<string, string>>,
  build: () => T,
): T {
  try {
    return build();
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    const option = error.field.split('.')[0] ?? error.field;
    const variable = variableOf[option];
    if (variable === undefined) throw error;
    const said = error.message.replace(/^[a-z0-9-]+: /, '').replace(/^option "[^"]*": /, '');
    // A message zod wrote itself names a pattern or a type; say what the value must be instead.
    const raw = /^(Invalid|Too (small|big)|Expected|Unrecognized)\b/.test(said);
    const text = raw ? `it must be ${variables[variable]?.means}` : said;
    throw new ConfigurationError(`${provider}: ${variable} is not valid: ${text}`, {
      provider,
      field: variable,
    });
  }
}
