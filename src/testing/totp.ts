import { encodeBase32, timeBasedCode } from '../toolkit/totp-code.js';

// The arithmetic (base32, the RFC 6238 code) is the library's own, in src/toolkit/totp-code.ts; this file only
// adds what a sandbox wants on top: string secrets, other digits and steps, a drift window.

/** Options of {@link totp}. */
export interface TotpOptions {
  /** Digits of the code. Default 6. */
  digits?: number;
  /** Length of one time step in seconds. Default 30. */
  stepSeconds?: number;
}

function secretBytes(secret: Uint8Array | string): Uint8Array {
  return typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
}

/**
 * The RFC 6238 time-based one-time password (HMAC-SHA1) for a moment, as an authenticator app shows it.
 *
 * @param secret - The shared secret: raw bytes, or a string taken as its UTF-8 bytes (not base32).
 * @param atMs - The moment in milliseconds since the epoch. Default: now.
 * @param options - Digits (default 6) and step length (default 30 s).
 * @returns The code, left-padded with zeros to `digits`.
 */
export function totp(
  secret: Uint8Array | string,
  atMs: number = Date.now(),
  options: TotpOptions = {},
): string {
  return timeBasedCode(secretBytes(secret), atMs, options.stepSeconds ?? 30, options.digits ?? 6);
}

/**
 * A TOTP secret as authenticator apps (and `KIIEX_TOTP_SECRET`) take it: the RFC 4648 base32 text of its bytes
 * (a string secret is taken as its UTF-8 bytes, as {@link totp} does), without padding.
 */
export function totpSecretBase32(secret: Uint8Array | string): string {
  return encodeBase32(secretBytes(secret));
}

/**
 * Whether `code` is the TOTP of `secret` at `atMs`, or of one of the `window` steps before or after it
 * (clock drift between the phone and the server).
 *
 * @param secret - The shared secret, as for {@link totp}.
 * @param code - The code the client sent.
 * @param atMs - The server's moment in milliseconds.
 * @param window - How many steps either side are accepted. Default 1.
 */
export function verifyTotp(
  secret: Uint8Array | string,
  code: string,
  atMs: number,
  window = 1,
  options: TotpOptions = {},
): boolean {
  const stepMs = (options.stepSeconds ?? 30) * 1000;
  for (let shift = -window; shift <= window; shift += 1) {
    const at = atMs + shift * stepMs;
    if (at >= 0 && totp(secret, at, options) === code) return true;
  }
  return false;
}
