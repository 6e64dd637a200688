import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inUserTerms, keyHint, UsageError } from '../../src/cli/credentials.js';
import { CLI_ENV_VARIABLES } from '../../src/cli/env.js';
import { describeSandbox } from '../../src/cli/sandbox.js';
import { totpCode, twoFactorFromEnv } from '../../src/cli/two-factor.js';
import { packageVersion } from '../../src/cli/version.js';
import { ConfigurationError } from '../../src/index.js';
import { decodeBase32, encodeBase32 } from '../../src/toolkit/totp-code.js';

// The pieces of the command line that need no process: names, masking, messages, TOTP.
describe('CLI_ENV_VARIABLES', () => {
  it('is the one list of the names the CLI reads', () => {
    const names = Object.values(CLI_ENV_VARIABLES).flatMap((variables) => Object.keys(variables));
    expect(names).toEqual([
      'BITEX_API_KEY',
      'BITEX_ROLE',
      'BITEXBIT_ACCESS_KEY',
      'BITEXBIT_PRIVATE_KEY',
      'BITEXBIT_ACCESS',
      'KIIEX_API_KEY',
      'KIIEX_API_SECRET',
      'KIIEX_USER_ID',
      'KIIEX_2FA_CODE',
      'KIIEX_TOTP_SECRET',
      ...['NDAX', 'ALPHAPOINT'].flatMap((prefix) =>
        ['API_KEY', 'API_SECRET', 'USER_ID', '2FA_CODE', 'TOTP_SECRET'].map((name) => `${prefix}_${name}`),
      ),
    ]);
    expect(CLI_ENV_VARIABLES.bitex.BITEX_API_KEY).toMatchObject({ option: 'apiKey', required: true });
    expect(CLI_ENV_VARIABLES.kiiex.KIIEX_USER_ID).toMatchObject({ option: 'userId', required: true });
  });
});

describe('keyHint', () => {
  it('shows only the length below 12 characters, at most four characters from 12 on', () => {
    expect(keyHint('b')).toBe('[key, 1 char]');
    expect(keyHint('abcdefgh')).toBe('[key, 8 chars]');
    expect(keyHint('abcdefghijk')).toBe('[key, 11 chars]');
    expect(keyHint('abcdefghijkl')).toBe('abcd… [key, 12 chars]');
    expect(keyHint('x'.repeat(64))).toBe('xxxx… [key, 64 chars]');
  });
});

describe('inUserTerms', () => {
  const sources = {
    userId: { label: 'KIIEX_USER_ID', means: 'your numeric Kiiex user id' },
    apiKey: { label: 'BITEX_API_KEY', means: 'the key' },
    baseURL: { label: '--url' },
  };
  const error = (field: string, message: string) =>
    new ConfigurationError(message, { provider: 'kiiex', field });

  it('a raw validation message becomes what the value must be, under the name the user set', () => {
    const said = inUserTerms(
      error('userId', 'kiiex: option "userId": Invalid string: must match pattern /x/'),
      sources,
    );
    expect(said).toBeInstanceOf(UsageError);
    expect((said as Error).message).toBe('KIIEX_USER_ID is not valid: it must be your numeric Kiiex user id');
  });

  it('a written message keeps its words, with the field replaced by the variable or flag', () => {
    const key = inUserTerms(error('apiKey', 'bitex: apiKey is too short to be masked safely'), sources);
    expect((key as Error).message).toBe('BITEX_API_KEY is too short to be masked safely');
    const url = inUserTerms(error('baseURL', 'kiiex: baseURL must be an http(s) URL'), sources);
    expect((url as Error).message).toBe('--url must be an http(s) URL');
  });

  it('a field the user did not set keeps the library message; other errors pass through', () => {
    expect((inUserTerms(error('login.path', 'kiiex: login.path is bad'), sources) as Error).message).toBe(
      'kiiex: login.path is bad',
    );
    const other = new Error('boom');
    expect(inUserTerms(other, sources)).toBe(other);
  });
});

describe('TOTP from the environment', () => {
  // RFC 6238 appendix B (SHA-1, 8 digits there; the last 6 here), secret "12345678901234567890".
  const secret = encodeBase32(Buffer.from('12345678901234567890', 'ascii'));

  it('base32 round-trips and reads secrets as authenticator apps show them', () => {
    expect(secret).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(encodeBase32(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(Buffer.from(decodeBase32('mzxw 6ytb oi======') ?? []).toString()).toBe('foobar');
    expect(decodeBase32('not base32!')).toBeUndefined();
    expect(decodeBase32('')).toBeUndefined();
  });

  it.each([
    [59, '287082'],
    [1_111_111_109, '081804'],
    [1_234_567_890, '005924'],
    [2_000_000_000, '279037'],
  ])('at %i s the code is %s', (seconds, code) => {
    expect(totpCode(secret, seconds * 1000)).toBe(code);
  });

  it('KIIEX_TOTP_SECRET gives a source of the current code; KIIEX_2FA_CODE the code as given', async () => {
    const fromSecret = twoFactorFromEnv('kiiex', { KIIEX_TOTP_SECRET: secret });
    expect(fromSecret?.variable).toBe('KIIEX_TOTP_SECRET');
    expect(await fromSecret?.source()).toBe(totpCode(secret));
    const fromCode = twoFactorFromEnv('kiiex', { KIIEX_2FA_CODE: ' 123456 ' });
    expect(await fromCode?.source()).toBe('123456');
    expect(twoFactorFromEnv('kiiex', {})).toBeUndefined();
    expect(twoFactorFromEnv('bitex', { KIIEX_2FA_CODE: '123456' })).toBeUndefined();
  });
});

describe('describeSandbox', () => {
  it('prints every credential as its variable, TOTP secrets in base32, and says which it cannot show', () => {
    const printed = describeSandbox({
      bitex: {
        baseURL: 'http://b/api',
        credentials: { user: { apiKey: 'bitex_key_1', otp: async () => '1' } },
      },
      bitexbit: {
        baseURL: 'http://bb',
        credentials: { read: { accessKey: 'a', privateKey: 'p', access: 'read' } },
      },
      kiiex: {
        baseURL: 'http://k/ap',
        credentials: {
          twoFactor: { apiKey: 'k', apiSecret: 's', userId: '7', totpSecret: '12345678901234567890' },
        },
      },
    } as never);
    expect(printed.kiiex.env.twoFactor).toEqual({
      KIIEX_API_KEY: 'k',
      KIIEX_API_SECRET: 's',
      KIIEX_USER_ID: '7',
      KIIEX_TOTP_SECRET: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
    });
    expect(printed.kiiex.secondFactorNotShown).toEqual([]);
    expect(printed.bitex.secondFactorNotShown).toEqual(['user']);
    expect(printed.bitexbit.env.read).toEqual({
      BITEXBIT_ACCESS_KEY: 'a',
      BITEXBIT_PRIVATE_KEY: 'p',
      BITEXBIT_ACCESS: 'read',
    });
  });
});

describe('packageVersion', () => {
  it('reads the version from the package.json above the file', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(packageVersion()).toBe(manifest.version);
  });
});
