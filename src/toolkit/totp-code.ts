import { createHmac } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32, as authenticator apps show a TOTP secret; spaces, dashes, `=` and case are ignored. */
export function decodeBase32(text: string): Uint8Array | undefined {
  const clean = text.replace(/[\s=-]/g, '').toUpperCase();
  if (clean === '' || /[^A-Z2-7]/.test(clean)) return undefined;
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of clean) {
    buffer = (buffer << 5) | ALPHABET.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return Uint8Array.from(bytes);
}

/** The RFC 6238 code (HMAC-SHA1, 30 s steps, 6 digits) of a secret's bytes at `atMs`. */
export function totpCodeOf(secret: Uint8Array, atMs: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(atMs / 30_000)));
  const mac = createHmac('sha1', secret).update(counter).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}
