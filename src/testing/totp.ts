import { createHmac } from 'node:crypto';

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
  const digits = options.digits ?? 6;
  const step = options.stepSeconds ?? 30;
  if (!(atMs >= 0)) throw new RangeError(`totp: the moment must be a time since the epoch, got ${atMs}`);
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(atMs / 1000 / step)));
  const mac = createHmac('sha1', secretBytes(secret)).update(counter).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * A TOTP secret as authenticator apps (and `KIIEX_TOTP_SECRET`) take it: the RFC 4648 base32 text of its bytes
 * (a string secret is taken as its UTF-8 bytes, as {@link totp} does), without padding.
 */
export function totpSecretBase32(secret: Uint8Array | string): string {
  let text = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of secretBytes(secret)) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      text += BASE32[(buffer >> bits) & 31];
    }
  }
  if (bits > 0) text += BASE32[(buffer << (5 - bits)) & 31];
  return text;
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
