import { decodeBase32, totpCodeOf } from '../toolkit/totp-code.js';
import { UsageError } from './credentials.js';
import { type CliEnvVariable, type CliProviderName, envVariablesOf } from './env.js';

/** The RFC 6238 code (HMAC-SHA1, 30 s steps, 6 digits) of a base32 secret at `atMs`. */
export function totpCode(base32Secret: string, atMs: number = Date.now()): string {
  const secret = decodeBase32(base32Secret);
  if (!secret) throw new UsageError('the TOTP secret must be base32 (letters A-Z and digits 2-7)');
  return totpCodeOf(secret, atMs);
}

/** How to pass the second factor, for the message when an account asks for one. */
export function twoFactorAdvice(provider: CliProviderName): string | undefined {
  const names = Object.entries(envVariablesOf(provider))
    .filter(([, variable]) => variable.twoFactor !== undefined)
    .map(
      ([name, variable]) =>
        `${name} (${variable.twoFactor === 'code' ? 'the current 6-digit code' : 'the base32 TOTP secret, to compute it'})`,
    );
  return names.length === 0 ? undefined : `set ${names.join(' or ')}`;
}

/**
 * The provider's `twoFactor` option from its environment variables: the code as given, or computed from the TOTP
 * secret at the moment the exchange asks. Undefined when neither is set; a usage error when the value is wrong.
 */
export function twoFactorFromEnv(
  provider: CliProviderName,
  env: NodeJS.ProcessEnv = process.env,
): { source: () => Promise<string>; variable: string } | undefined {
  const set = Object.entries(envVariablesOf(provider) as Record<string, CliEnvVariable>).filter(
    ([name, variable]) => variable.twoFactor !== undefined && (env[name] ?? '') !== '',
  );
  if (set.length > 1) throw new UsageError(`set only one of ${set.map(([name]) => name).join(' and ')}`);
  const [name, variable] = set[0] ?? [];
  if (name === undefined || variable === undefined) return undefined;
  const value = (env[name] ?? '').trim();
  if (variable.twoFactor === 'code') {
    if (!/^[0-9]{6}$/.test(value)) throw new UsageError(`${name} must be ${variable.means}`);
    return { source: async () => value, variable: name };
  }
  if (!decodeBase32(value)) throw new UsageError(`${name} must be ${variable.means}`);
  return { source: async () => totpCode(value), variable: name };
}
