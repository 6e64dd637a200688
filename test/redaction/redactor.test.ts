import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExchangeError, maskError, redactorFor, TransportError } from '../../src/index.js';
import { seeded } from '../support/property.js';

describe('redactorFor', () => {
  it('masks every occurrence of every secret in a text', () => {
    const redactor = redactorFor(['sk_live_abc', 'ak_9']);
    expect(redactor.text('key ak_9 secret sk_live_abc again sk_live_abc')).toBe(
      'key [redacted] secret [redacted] again [redacted]',
    );
  });

  it('masks a secret that contains another one whole, whatever order they are given in', () => {
    expect(redactorFor(['abc', 'abcdef']).text('x abcdef y')).toBe('x [redacted] y');
    expect(redactorFor(['abcdef', 'abc']).text('x abcdef y')).toBe('x [redacted] y');
  });

  it('ignores empty and undefined values instead of masking everything', () => {
    expect(redactorFor(['', undefined, 'k3y']).text('a k3y b')).toBe('a [redacted] b');
  });

  it('masks strings at any depth and in object keys, and survives cycles', () => {
    const deep: Record<string, unknown> = { leaf: 'tok_123' };
    let node = deep;
    for (let i = 0; i < 20; i += 1) node = { child: node, tok_123: i };
    const cyclic: Record<string, unknown> = { node };
    cyclic.self = cyclic;
    const masked = JSON.stringify(redactorFor(['tok_123']).value({ ...cyclic, self: undefined }));
    expect(masked).not.toContain('tok_123');
    expect(masked.match(/\[redacted\]/g)?.length).toBe(21);
    expect(() => redactorFor(['tok_123']).value(cyclic)).not.toThrow();
  });

  it('property: no secret survives in any text around it', () => {
    // Secrets share no character with the mask, so a masked text cannot spell a secret across the mask.
    const secret = fc.stringMatching(/^[A-Z0-9_]{1,40}$/);
    fc.assert(
      fc.property(
        fc.array(secret, { minLength: 1, maxLength: 4 }),
        fc.array(fc.string()),
        (secrets, parts) => {
          const text = parts.map((part, index) => `${part}${secrets[index % secrets.length]}`).join('');
          const masked = redactorFor(secrets).text(text);
          return secrets.every((value) => !masked.includes(value));
        },
      ),
      seeded(),
    );
  });
});

describe('maskError', () => {
  it('returns a masked copy of the same class and leaves the original alone', () => {
    const original = new ExchangeError('bitex: refused "sk_secret_1"', {
      provider: 'bitex',
      status: 422,
      details: [{ title: 'bad key sk_secret_1' }],
    });
    const masked = maskError(original, redactorFor(['sk_secret_1']));
    expect(masked).toBeInstanceOf(ExchangeError);
    expect(masked).not.toBe(original);
    expect(masked.message).toBe('bitex: refused "[redacted]"');
    expect(masked.details).toEqual([{ title: 'bad key [redacted]' }]);
    expect(original.message).toContain('sk_secret_1');
    for (const printed of [JSON.stringify(masked), inspect(masked, { depth: 20 }), masked.stack ?? '']) {
      expect(printed).not.toContain('sk_secret_1');
    }
  });

  it('never rewrites machine-readable fields, even when a secret is a substring of them', () => {
    const error = new TransportError('bitexbit: got no answer (ECONNRESET), token n', {
      provider: 'bitexbit',
      outcome: 'unknown',
      networkCode: 'ECONNRESET',
    });
    const masked = maskError(error, redactorFor(['n', 'unknown', 'bitexbit', 'ECONNRESET']));
    expect(masked.outcome).toBe('unknown');
    expect(masked.provider).toBe('bitexbit');
    expect(masked.networkCode).toBe('ECONNRESET');
    expect(masked.code).toBe('transport');
    expect(masked.name).toBe('TransportError');
    expect(masked.message).not.toContain('unknown');
  });
});
