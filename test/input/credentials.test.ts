import { describe, expect, it } from 'vitest';
import { bitex, bitexbit, ConfigurationError, kiiex, MIN_CREDENTIAL_LENGTH } from '../../src/index.js';
import { thrown } from '../support/leaks.js';

// A credential shorter than six characters would match ordinary text: masking it could not be trusted.
const SHORT = 'k3y_9';

const cases: [string, () => unknown, string][] = [
  ['bitex apiKey', () => bitex({ apiKey: SHORT, environment: 'sandbox' }), 'apiKey'],
  [
    'bitexbit accessKey',
    () => bitexbit({ accessKey: SHORT, privateKey: 'sk_long_enough', access: 'read' }),
    'accessKey',
  ],
  [
    'bitexbit privateKey',
    () => bitexbit({ accessKey: 'ak_long_enough', privateKey: SHORT, access: 'read' }),
    'privateKey',
  ],
  [
    'kiiex apiKey',
    () => kiiex({ apiKey: SHORT, apiSecret: 'secret_long', userId: 7, environment: 'staging' }),
    'apiKey',
  ],
  [
    'kiiex apiSecret',
    () => kiiex({ apiKey: 'key_long_1', apiSecret: SHORT, userId: 7, environment: 'staging' }),
    'apiSecret',
  ],
];

describe('credentials too short to mask are refused at construction', () => {
  it('the limit is six characters', () => {
    expect(MIN_CREDENTIAL_LENGTH).toBe(6);
  });

  for (const [name, make, field] of cases) {
    it(`${name} of ${SHORT.length} characters: ConfigurationError naming ${field}, value not quoted`, async () => {
      const error = await thrown(make);
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error).toMatchObject({ field });
      expect((error as Error).message).toMatch(/too short to be masked safely/);
      expect((error as Error).message).not.toContain(SHORT);
    });
  }

  it('six characters are enough', () => {
    expect(() => bitex({ apiKey: 'k3y_90', environment: 'sandbox' })).not.toThrow();
  });
});
