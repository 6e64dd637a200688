import { readFileSync } from 'node:fs';
import { ConfigurationError } from '../core/errors.js';
import type { CliEnvVariable } from './env.js';

/** Thrown for a problem the user can fix; printed as one line, exit code 2. */
export class UsageError extends Error {}

/** Where the user set one provider option: the variable, flag or file key to name, and what it must be. */
export interface OptionSource {
  readonly label: string;
  readonly means?: string;
}

/** Credentials as provider options, and where each came from. */
interface ReadCredentials {
  readonly values: Record<string, string | readonly string[]>;
  readonly sources: Record<string, OptionSource>;
}

function isStringList(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/**
 * Reads a provider's credentials from environment variables, or from a JSON file when `--credentials` names
 * one. Secrets are never taken from command-line arguments, which other users of the machine can read. The
 * second factor's variables are read by `twoFactorFromEnv`.
 */
export function readCredentials(
  variables: Readonly<Record<string, CliEnvVariable>>,
  file: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): ReadCredentials {
  const plain = Object.entries(variables).filter(([, variable]) => variable.twoFactor === undefined);
  const sources: Record<string, OptionSource> = {};
  if (file !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? 'not valid JSON';
      throw new UsageError(`cannot read the credentials file ${file} (${reason})`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new UsageError(`the credentials file ${file} must hold one JSON object`);
    }
    // A list of strings (a provider's `permissions`) stays a list; everything else is read as text.
    const values = Object.fromEntries(
      Object.entries(parsed).map(([key, value]) => [key, isStringList(value) ? value : String(value)]),
    );
    for (const key of Object.keys(values)) {
      const means = plain.find(([, variable]) => variable.option === key)?.[1].means;
      sources[key] = { label: `"${key}" in ${file}`, ...(means ? { means } : {}) };
    }
    return { values, sources };
  }
  const values: Record<string, string> = {};
  const missing: string[] = [];
  for (const [name, variable] of plain) {
    const value = env[name];
    if (value !== undefined && value !== '') {
      values[variable.option] = value;
      sources[variable.option] = { label: name, means: variable.means };
    } else if (variable.required) missing.push(name);
  }
  if (missing.length > 0) {
    throw new UsageError(
      `missing environment variable${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ` +
        '(or pass --credentials <file.json>)',
    );
  }
  return { values, sources };
}

/** Messages zod writes itself, which name a pattern or a type rather than what the user should do. */
const RAW_MESSAGE = /^(Invalid|Too (small|big)|Expected|Unrecognized)\b/;

/**
 * A library ConfigurationError said in the user's terms: the option field it names becomes the environment
 * variable, flag or file key the user set (`userId` → `KIIEX_USER_ID`), and a raw validation message becomes what
 * the value must be. Other errors are returned unchanged.
 */
export function inUserTerms(error: unknown, sources: Readonly<Record<string, OptionSource>>): unknown {
  if (!(error instanceof ConfigurationError)) return error;
  const source = sources[error.field] ?? sources[error.field.split('.')[0] ?? ''];
  const text = error.message.replace(/^[a-z0-9-]+: /, '').replace(/^option "[^"]*": /, '');
  if (!source) return new UsageError(error.message);
  const leaf = error.field.split('.').at(-1) ?? error.field;
  if (text.startsWith(`${leaf} `)) return new UsageError(`${source.label}${text.slice(leaf.length)}`);
  if (text.startsWith(`"${leaf}" `)) return new UsageError(`${source.label}${text.slice(leaf.length + 2)}`);
  if (RAW_MESSAGE.test(text) && source.means) {
    return new UsageError(`${source.label} is not valid: it must be ${source.means}`);
  }
  return new UsageError(`${source.label}: ${text}`);
}

/**
 * A key as a person may see it: the first four characters when the key is long enough (12 or more) that they
 * give little away, otherwise only its length.
 */
export function keyHint(key: string): string {
  const length = `${key.length} char${key.length === 1 ? '' : 's'}`;
  return key.length >= 12 ? `${key.slice(0, 4)}… [key, ${length}]` : `[key, ${length}]`;
}
