import { describe, expect, it } from 'vitest';
import { alphapointSignature } from '../src/index.js';

// Published vectors (reference/alphapoint-kiiex.md): HMAC-SHA256(secret, nonce + userId + apiKey), lowercase hex.
describe('the AlphaPoint login signature', () => {
  it('hummingbot vector: userId "001" is signed verbatim', () => {
    expect(alphapointSignature('test_secret_key', '1234567890', '001', 'test_api_key')).toBe(
      '6da3735d764bb64c26da9c2d202333a9c7c6ae55198bdbc4a9f696b4a58e5975',
    );
  });

  it('second vector', () => {
    expect(alphapointSignature('someSecret', '1655283229419', '20', 'someApiKey')).toBe(
      'c134ef198a217c915ffaeec0264cac5f3e0d4c4ed4be919f3e5b353b81c21720',
    );
  });

  it('a different order of the same parts gives a different signature', () => {
    expect(alphapointSignature('someSecret', '20', '1655283229419', 'someApiKey')).not.toBe(
      'c134ef198a217c915ffaeec0264cac5f3e0d4c4ed4be919f3e5b353b81c21720',
    );
  });
});
