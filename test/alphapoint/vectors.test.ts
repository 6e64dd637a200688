import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alphapointSignature } from '../../src/index.js';
import { type AlphaPointSandbox, startAlphaPointSandbox } from '../../src/testing/index.js';
import { seeded } from '../support/property.js';

// Published vectors (reference/alphapoint-kiiex.md): HMAC-SHA256(secret, nonce + userId + apiKey), lowercase hex.
const HUMMINGBOT = {
  secret: 'test_secret_key',
  nonce: '1234567890',
  userId: '001',
  apiKey: 'test_api_key',
  signature: '6da3735d764bb64c26da9c2d202333a9c7c6ae55198bdbc4a9f696b4a58e5975',
} as const;
const SECOND = {
  secret: 'someSecret',
  nonce: '1655283229419',
  userId: '20',
  apiKey: 'someApiKey',
  signature: 'c134ef198a217c915ffaeec0264cac5f3e0d4c4ed4be919f3e5b353b81c21720',
} as const;

const hmac = (secret: string, message: string) => createHmac('sha256', secret).update(message).digest('hex');

describe('the AlphaPoint login signature', () => {
  it('hummingbot vector: userId "001" is signed verbatim', () => {
    const { secret, nonce, userId, apiKey, signature } = HUMMINGBOT;
    expect(alphapointSignature(secret, nonce, userId, apiKey)).toBe(signature);
  });

  it('second vector', () => {
    const { secret, nonce, userId, apiKey, signature } = SECOND;
    expect(alphapointSignature(secret, nonce, userId, apiKey)).toBe(signature);
  });

  it('the vectors pin the order: the same parts as userId + nonce + apiKey sign to something else', () => {
    for (const { secret, nonce, userId, apiKey, signature } of [HUMMINGBOT, SECOND]) {
      // The documented order reproduces the published vector with node:crypto alone ...
      expect(hmac(secret, `${nonce}${userId}${apiKey}`)).toBe(signature);
      // ... and the swapped order is a different, equally well-formed signature, which the library must not send.
      const swapped = hmac(secret, `${userId}${nonce}${apiKey}`);
      expect(swapped).toMatch(/^[0-9a-f]{64}$/);
      expect(swapped).not.toBe(signature);
      expect(alphapointSignature(secret, nonce, userId, apiKey)).not.toBe(swapped);
    }
  });

  it('any parts: lowercase hex HMAC-SHA256 over nonce + userId + apiKey with no separator', () => {
    const part = fc.string({ minLength: 1, maxLength: 24, unit: 'grapheme-ascii' });
    fc.assert(
      fc.property(part, part, part, part, (secret, nonce, userId, apiKey) => {
        expect(alphapointSignature(secret, nonce, userId, apiKey)).toBe(
          hmac(secret, `${nonce}${userId}${apiKey}`),
        );
      }),
      seeded({ numRuns: 200 }),
    );
  });
});

describe('the exchange verifies the signature itself', () => {
  let sandbox: AlphaPointSandbox;
  beforeAll(async () => {
    sandbox = await startAlphaPointSandbox();
  });
  afterAll(() => sandbox.close());

  /** A login sent by hand, with a signature this test computed; the sandbox recomputes it with its own secret. */
  async function loginWith(
    signature: (secret: string, nonce: string, userId: string, apiKey: string) => string,
  ) {
    const { apiKey, apiSecret, userId } = sandbox.credentials.trader;
    const nonce = '1700000000123';
    const response = await fetch(`${sandbox.baseURL}/AuthenticateUser`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        APIKey: apiKey,
        Signature: signature(apiSecret, nonce, userId, apiKey),
        UserId: userId,
        Nonce: nonce,
      },
      body: '{}',
    });
    return (await response.json()) as { Authenticated: boolean; errormsg: string | null };
  }

  it('the documented order is accepted', async () => {
    const answer = await loginWith((secret, nonce, userId, apiKey) =>
      hmac(secret, `${nonce}${userId}${apiKey}`),
    );
    expect(answer).toMatchObject({ Authenticated: true, errormsg: null });
  });

  it('the library’s signature is accepted', async () => {
    const answer = await loginWith(alphapointSignature);
    expect(answer).toMatchObject({ Authenticated: true });
  });

  it('the swapped order (userId + nonce + apiKey) is refused: Invalid signature', async () => {
    const answer = await loginWith((secret, nonce, userId, apiKey) =>
      hmac(secret, `${userId}${nonce}${apiKey}`),
    );
    expect(answer).toMatchObject({ Authenticated: false, errormsg: 'Invalid signature' });
  });
});
