import { describe, expect, it } from 'vitest';
import { buildRequest, createNonceSource, fingerprint } from '../../src/index.js';
import { keyPairSignature } from '../../src/strategies/key-pair-signature.js';
import { authContext, TestClock } from '../support/clock.js';

function increasing(values: readonly string[]): boolean {
  return values.every((value, index) => index === 0 || BigInt(value) > BigInt(values[index - 1] ?? '0'));
}

const request = buildRequest({
  baseURL: 'https://example.test',
  method: 'GET',
  path: '/p',
  permission: 'read',
});

describe('nonces only go up', () => {
  it('a clock that steps back still yields increasing nonces', () => {
    const times = [1_000, 1_005, 1_010, 400, 401, 1_009, 2_000, 1_999, 1_999, 0];
    const source = createNonceSource();
    const nonces = times.map((now) => String(source.next('key', now)));
    expect(increasing(nonces)).toBe(true);
    expect(nonces).toEqual(['1000', '1005', '1010', '1011', '1012', '1013', '2000', '2001', '2002', '2003']);
  });

  it('10,000 nonces in one millisecond are all distinct and increasing', () => {
    const source = createNonceSource();
    const nonces = Array.from({ length: 10_000 }, () => String(source.next('key', 1_700_000_000_000)));
    expect(new Set(nonces).size).toBe(10_000);
    expect(increasing(nonces)).toBe(true);
  });

  it('keys have separate sequences', () => {
    const source = createNonceSource();
    expect([source.next('a', 5), source.next('b', 5), source.next('a', 5)]).toEqual(['5', '5', '6']);
  });

  it('two strategies of one key share the process nonce sequence, so their nonces never collide', async () => {
    const a = keyPairSignature({ accessKey: 'ak_shared_nonce', privateKey: 'sk' });
    const b = keyPairSignature({ accessKey: 'ak_shared_nonce', privateKey: 'sk' });
    expect(a.sequenceKey).toBe(b.sequenceKey);
    expect(a.sequenceKey).toBe(fingerprint('key-pair-signature', 'ak_shared_nonce'));
    // A frozen clock: only a shared sequence keeps the two strategies' nonces apart.
    const context = authContext({ clock: new TestClock({ start: 1_700_000_000_000 }) });
    const nonces: string[] = [];
    for (let i = 0; i < 50; i += 1) {
      const strategy = i % 2 === 0 ? a : b;
      nonces.push((await strategy.authorize(request, context)).headers['X-Nonce'] ?? '');
    }
    expect(new Set(nonces).size).toBe(50);
    expect(increasing(nonces)).toBe(true);
  });

  it('a nonce source that misbehaves is refused before signing', () => {
    const strategy = keyPairSignature({
      accessKey: 'ak',
      privateKey: 'sk_misbehaving',
      nonceSource: { next: () => 'not-a-number' },
      provider: 'bitexbit',
    });
    expect(() => strategy.authorize(request, authContext())).toThrow(/nonce source/);
  });
});
