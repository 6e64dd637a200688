import { describe, expect, it } from 'vitest';
import { createNonceSource, fingerprint, processNonceSource } from '../src/index.js';
import { prepareRequest } from '../src/pipeline/prepare.js';
import { keyPairSignature } from '../src/strategies/key-pair-signature.js';

function increasing(values: readonly string[]): boolean {
  return values.every((value, index) => index === 0 || BigInt(value) > BigInt(values[index - 1] ?? '0'));
}

describe('nonces only go up', () => {
  it('a clock that steps back still yields increasing nonces', () => {
    const times = [1_000, 1_005, 1_010, 400, 401, 1_009, 2_000, 1_999, 1_999, 0];
    let index = 0;
    const source = createNonceSource({ now: () => times[index++] ?? 0 });
    const nonces = times.map(() => String(source.next('key')));
    expect(increasing(nonces)).toBe(true);
    expect(nonces).toEqual(['1000', '1005', '1010', '1011', '1012', '1013', '2000', '2001', '2002', '2003']);
  });

  it('10,000 nonces in one millisecond are all distinct and increasing', () => {
    const source = createNonceSource({ now: () => 1_700_000_000_000 });
    const nonces = Array.from({ length: 10_000 }, () => String(source.next('key')));
    expect(new Set(nonces).size).toBe(10_000);
    expect(increasing(nonces)).toBe(true);
  });

  it('keys have separate sequences', () => {
    const source = createNonceSource({ now: () => 5 });
    expect([source.next('a'), source.next('b'), source.next('a')]).toEqual(['5', '5', '6']);
  });

  it('two strategies of one key share the process nonce source, so their nonces never collide', async () => {
    const a = keyPairSignature({ accessKey: 'ak_shared_nonce', privateKey: 'sk' });
    const b = keyPairSignature({ accessKey: 'ak_shared_nonce', privateKey: 'sk' });
    expect(a.sequenceKey).toBe(b.sequenceKey);
    expect(a.sequenceKey).toBe(fingerprint('key-pair-signature', 'ak_shared_nonce'));
    const request = prepareRequest({
      provider: 't',
      baseURL: 'https://example.test',
      method: 'GET',
      path: '/p',
      query: undefined,
      body: undefined,
      permission: 'read',
      headers: {},
      contentType: 'application/json',
    });
    const context = { send: () => Promise.reject(new Error('unused')) };
    const nonces: string[] = [];
    for (let i = 0; i < 50; i += 1) {
      const strategy = i % 2 === 0 ? a : b;
      nonces.push((await strategy.authorize(request, context)).headers['X-Nonce'] ?? '');
    }
    expect(increasing(nonces)).toBe(true);
    expect(BigInt(await processNonceSource.next(a.sequenceKey ?? ''))).toBeGreaterThan(
      BigInt(nonces.at(-1) ?? '0'),
    );
  });

  it('a nonce source that misbehaves is refused before signing', async () => {
    const strategy = keyPairSignature({
      accessKey: 'ak',
      privateKey: 'sk_misbehaving',
      nonceSource: { next: () => 'not-a-number' },
      provider: 'bitexbit',
    });
    const request = prepareRequest({
      provider: 't',
      baseURL: 'https://example.test',
      method: 'GET',
      path: '/p',
      query: undefined,
      body: undefined,
      permission: 'read',
      headers: {},
      contentType: 'application/json',
    });
    expect(() => strategy.authorize(request, { send: () => Promise.reject(new Error('unused')) })).toThrow(
      /nonce source/,
    );
  });
});
