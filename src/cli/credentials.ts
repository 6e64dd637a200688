import { readFileSync } from 'node:fs';

/** Thrown for a problem the user can fix; printed as one line. */
export class UsageError extends Error {}

/**
 * Reads a provider's credentials from environment variables, or from a JSON file when `--credentials` names
 * one. Secrets are never taken from command-line arguments, which other users of the machine can read.
 */
export function readCredentials(
  variables: Readonly<Record<string, { option: string; required: boolean }>>,
  file: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
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
    return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, String(value)]));
  }
  const credentials: Record<string, string> = {};
  const missing: string[] = [];
  for (const [variable, { option, required }] of Object.entries(variables)) {
    const value = env[variable];
    if (value !== undefined && value !== '') credentials[option] = value;
    else if (required) missing.push(variable);
  }
  if (missing.length > 0) {
    throw new UsageError(
      `missing environment variable${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ` +
        '(or pass --credentials <file.json>)',
    );
  }
  return credentials;
}

/** The first four characters of a key, so a person can tell which key was used. */
export function keyHint(key: string): string {
  return `${key.slice(0, 4)}…`;
}
