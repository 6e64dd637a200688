import { describe, expect, it } from 'vitest';
import { decodeBase32, totpCodeOf } from '../../src/index.js';
import { encodeBase32, timeBasedCode } from '../../src/toolkit/totp-code.js';

// The one home of base32 and TOTP, checked against the published vectors (the independent oracle: the sandboxes
// and the CLI use this same code, so they cannot catch a mistake in it).

describe('RFC 6238 appendix B (SHA-1), secret "12345678901234567890"', () => {
  const secret = Buffer.from('12345678901234567890', 'ascii');
  it.each([
    [59, '94287082'],
    [1_111_111_109, '07081804'],
    [1_111_111_111, '14050471'],
    [1_234_567_890, '89005924'],
    [2_000_000_000, '69279037'],
    [20_000_000_000, '65353130'],
  ])('at %i s the 8-digit code is %s, and the 6-digit one its last 6', (seconds, code) => {
    expect(timeBasedCode(secret, seconds * 1000, 30, 8)).toBe(code);
    expect(totpCodeOf(secret, seconds * 1000)).toBe(code.slice(2));
  });

  it('a moment before the epoch, or not a number, is refused', () => {
    expect(() => totpCodeOf(secret, -1)).toThrow(RangeError);
    expect(() => totpCodeOf(secret, Number.NaN)).toThrow(RangeError);
  });
});

describe('RFC 4648 section 10 base32 vectors', () => {
  it.each([
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('%s ⇄ %s (padding left off, and ignored when read)', (text, base32) => {
    expect(encodeBase32(Buffer.from(text))).toBe(base32);
    expect(Buffer.from(decodeBase32(base32) ?? []).toString()).toBe(text);
    expect(Buffer.from(decodeBase32(`${base32.toLowerCase()}======`) ?? []).toString()).toBe(text);
  });

  it('long secrets round-trip byte for byte', () => {
    const bytes = Uint8Array.from({ length: 257 }, (_, index) => (index * 37 + 11) & 0xff);
    expect(decodeBase32(encodeBase32(bytes))).toEqual(bytes);
  });

  it('anything but the base32 alphabet is no secret', () => {
    expect(decodeBase32('')).toBeUndefined();
    expect(decodeBase32('MZXW1')).toBeUndefined();
  });
});
