import { describe, expect, it } from 'vitest';
import { decodeBase32, totpCodeOf } from '../../src/index.js';
import { totp, totpSecretBase32, verifyTotp } from '../../src/testing/totp.js';

describe('TOTP (RFC 6238, HMAC-SHA1)', () => {
  const secret = '12345678901234567890';

  it('matches the RFC 6238 SHA1 test vectors', () => {
    expect(totp(secret, 59_000, { digits: 8 })).toBe('94287082');
    expect(totp(secret, 59_000)).toBe('287082');
    expect(totp(secret, 1_111_111_109_000, { digits: 8 })).toBe('07081804');
    expect(totp(secret, 1_111_111_111_000, { digits: 8 })).toBe('14050471');
    expect(totp(secret, 1_234_567_890_000, { digits: 8 })).toBe('89005924');
    expect(totp(secret, 2_000_000_000_000, { digits: 8 })).toBe('69279037');
    expect(totp(secret, 20_000_000_000_000, { digits: 8 })).toBe('65353130');
    expect(totp(Buffer.from(secret), 59_000)).toBe('287082');
  });

  it('verifies one step either side and no further', () => {
    const code = totp(secret, 59_000);
    expect(verifyTotp(secret, code, 59_000)).toBe(true);
    expect(verifyTotp(secret, code, 59_000 + 30_000)).toBe(true);
    expect(verifyTotp(secret, code, 59_000 - 30_000)).toBe(true);
    expect(verifyTotp(secret, code, 59_000 + 60_000)).toBe(false);
    expect(verifyTotp(secret, '000000', 59_000)).toBe(false);
    expect(verifyTotp(secret, totp(secret, 0), 10_000)).toBe(true);
    expect(() => totp(secret, -1)).toThrow(RangeError);
  });

  it('publishes secrets in RFC 4648 base32, which the library decodes back to the same codes', () => {
    expect(totpSecretBase32(secret)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(totpSecretBase32(Buffer.from('f'))).toBe('MY');
    expect(totpSecretBase32(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    const decoded = decodeBase32(totpSecretBase32(secret)) as Uint8Array;
    expect(totpCodeOf(decoded, 59_000)).toBe('287082');
    expect(totpCodeOf(decoded, 1_111_111_109_000)).toBe(totp(secret, 1_111_111_109_000));
  });
});
