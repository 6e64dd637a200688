import { createHmac } from 'node:crypto';

// The one home of the second-factor arithmetic: RFC 4648 base32 (how authenticator apps show a TOTP secret) and
// the RFC 6238 time-based code. Providers, the CLI and the sandboxes of `exchange-auth/testing` all use these.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32, as authenticator apps show a TOTP secret; spaces, dashes, `=` and case are ignored. */
export function decodeBase32(text: string): Uint8Array | undefined {
  const clean = text.replace(/[\s=-]/g, '').toUpperCase();
  if (clean === '' || /[^A-Z2-7]/.test(clean)) return undefined;
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of clean) {
    buffer = ((buffer << 5) | ALPHABET.indexOf(char)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return Uint8Array.from(bytes);
}

/** The RFC 4648 base32 text of `bytes`, without padding. */
export function encodeBase32(bytes: Uint8Array): string {
  let text = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      text += ALPHABET[(buffer >> bits) & 31];
    }
  }
  if (bits > 0) text += ALPHABET[(buffer << (5 - bits)) & 31];
  return text;
}

/**
 * The RFC 6238 code of a secret's bytes at `atMs`: the RFC 4226 HOTP (HMAC-SHA1, dynamic truncation) of the
 * number of whole `stepSeconds` steps since the epoch, left-padded to `digits`. Not part of the public surface:
 * {@link totpCodeOf} is, with the defaults authenticator apps use.
 */
export function timeBasedCode(secret: Uint8Array, atMs: number, stepSeconds: number, digits: number): string {
  if (!(atMs >= 0)) throw new RangeError(`totp: the moment must be a time since the epoch, got ${atMs}`);
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(atMs / (stepSeconds * 1000))));
  const mac = createHmac('sha1', secret).update(counter).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits).padStart(digits, '0');
}

/** The RFC 6238 code (HMAC-SHA1, 30 s steps, 6 digits) of a secret's bytes at `atMs`. */
export function totpCodeOf(secret: Uint8Array, atMs: number): string {
  return timeBasedCode(secret, atMs, 30, 6);
}
