import { ConfigurationError } from '../core/errors.js';

const SIX_DIGITS = /^[0-9]{6}$/;

/**
 * Checks a one-time code (an OTP or a second factor) before it is sent: exactly 6 digits. Returns the code, or
 * throws a ConfigurationError naming `field` with `message` (which must not quote the code).
 */
export function checkOneTimeCode(code: unknown, provider: string, field: string, message: string): string {
  if (typeof code === 'string' && SIX_DIGITS.test(code)) return code;
  throw new ConfigurationError(`${provider}: ${message}`, { provider, field });
}
