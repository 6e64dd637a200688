import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  buildRequest,
  ConfigurationError,
  createNonceSource,
  fingerprint,
  type HmacHeaderSignatureOptions,
  hmacHeaderSignature,
  type PreparedRequest,
} from '../../src/index.js';
import { authContext, TestClock } from '../support/clock.js';
import { thrown } from '../support/leaks.js';

const KEY = 'key_0123456789';
const SECRET = 'secret_0123456789';
const NOW = 1_700_000_000_123;
const context = authContext({ clock: new TestClock({ start: NOW }) });

/** Computed here with node:crypto, independently of the library. */
const hmac = (algorithm: string, message: string, encoding: 'hex' | 'base64' = 'hex') =>
  createHmac(algorithm, SECRET).update(message, 'utf8').digest(encoding);

const tsMethodPathBody: HmacHeaderSignatureOptions = {
  keyId: KEY,
  secret: SECRET,
  headers: { key: 'X-KEY', timestamp: 'X-TS', signature: 'X-SIG' },
  message: ({ timestamp, method, path, body }) => timestamp + method + path + body,
};

function prepared(method: 'GET' | 'POST', path: string, body?: unknown): PreparedRequest {
  return buildRequest({ baseURL: 'https://x.test/api', method, path, body, permission: 'read' });
}

describe('hmacHeaderSignature: what it puts on a request', () => {
  it('HMAC-SHA256 over ts + method + path + body, hex, in the declared headers', async () => {
    const request = prepared('POST', '/v1/orders?client=7', { side: 'buy' });
    const signed = await hmacHeaderSignature(tsMethodPathBody).authorize(request, context);
    const ts = String(NOW);
    expect(signed.headers).toEqual({
      'Content-Type': 'application/json',
      'X-KEY': KEY,
      'X-TS': ts,
      'X-SIG': hmac('sha256', `${ts}POST/api/v1/orders{"side":"buy"}`),
    });
    // A new request: the one given is untouched, and the bytes signed are the bytes sent.
    expect(request.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(signed.body).toBe('{"side":"buy"}');
    expect(signed.url).toBe(request.url);
  });

  it('a request without a body signs an empty body', async () => {
    const signed = await hmacHeaderSignature(tsMethodPathBody).authorize(
      prepared('GET', '/v1/balance'),
      context,
    );
    expect(signed.headers['X-SIG']).toBe(hmac('sha256', `${NOW}GET/api/v1/balance`));
  });

  it('the message builder sees the query, the key id, and a nonce when one is declared', async () => {
    const seen: unknown[] = [];
    const strategy = hmacHeaderSignature({
      keyId: KEY,
      secret: SECRET,
      headers: { key: 'API-Key', nonce: 'API-Nonce', signature: 'API-Sign' },
      nonceSource: { next: () => '42' },
      message: (parts) => {
        seen.push(parts);
        return `${parts.nonce}|${parts.query}`;
      },
    });
    const signed = await strategy.authorize(prepared('GET', '/v1/trades?pair=BTC-USD&limit=2'), context);
    expect(seen).toEqual([
      {
        method: 'GET',
        path: '/api/v1/trades',
        query: 'pair=BTC-USD&limit=2',
        body: '',
        nonce: '42',
        timestamp: '',
        keyId: KEY,
      },
    ]);
    expect(signed.headers).toEqual({
      'API-Key': KEY,
      'API-Nonce': '42',
      'API-Sign': hmac('sha256', '42|pair=BTC-USD&limit=2'),
    });
  });

  it('sha512 and base64, a timestamp in seconds', async () => {
    const strategy = hmacHeaderSignature({
      ...tsMethodPathBody,
      algorithm: 'sha512',
      encoding: 'base64',
      timestamp: (now) => String(Math.floor(now / 1000)),
    });
    const signed = await strategy.authorize(prepared('GET', '/v1/balance'), context);
    expect(signed.headers['X-TS']).toBe('1700000000');
    expect(signed.headers['X-SIG']).toBe(hmac('sha512', '1700000000GET/api/v1/balance', 'base64'));
  });

  it('declares its headers once: they are its headerNames', () => {
    expect(hmacHeaderSignature(tsMethodPathBody).headerNames).toEqual(['X-KEY', 'X-TS', 'X-SIG']);
    const bare = hmacHeaderSignature({ ...tsMethodPathBody, headers: { signature: 'X-SIG' } });
    expect(bare.headerNames).toEqual(['X-SIG']);
  });

  it('orders one key’s requests only when it sends nonces', () => {
    expect(hmacHeaderSignature(tsMethodPathBody).sequenceKey).toBeUndefined();
    const withNonce = hmacHeaderSignature({
      ...tsMethodPathBody,
      headers: { key: 'X-KEY', nonce: 'X-NONCE', signature: 'X-SIG' },
    });
    expect(withNonce.sequenceKey).toBe(fingerprint('hmac-header-signature', KEY));
  });

  it('nonces strictly increase, each attempt signed afresh', async () => {
    const strategy = hmacHeaderSignature({
      ...tsMethodPathBody,
      headers: { nonce: 'X-NONCE', signature: 'X-SIG' },
      nonceSource: createNonceSource(),
      message: ({ nonce, method, path }) => nonce + method + path,
    });
    const request = prepared('GET', '/v1/balance');
    const first = await strategy.authorize(request, context);
    const second = await strategy.authorize(request, context);
    expect(Number(second.headers['X-NONCE'])).toBeGreaterThan(Number(first.headers['X-NONCE']));
    expect(second.headers['X-SIG']).not.toBe(first.headers['X-SIG']);
  });

  it('lists the secret, the key id and the recent signatures as secrets', async () => {
    const strategy = hmacHeaderSignature(tsMethodPathBody);
    const signed = await strategy.authorize(prepared('GET', '/v1/balance'), context);
    expect(strategy.secrets()).toEqual([SECRET, KEY, signed.headers['X-SIG']]);
  });
});

describe('hmacHeaderSignature: options are checked when it is made', () => {
  const refusal = async (options: unknown) => {
    const error = await thrown(() => hmacHeaderSignature(options as HmacHeaderSignatureOptions));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).not.toContain(SECRET);
    return error as ConfigurationError;
  };

  it.each([
    [{ ...tsMethodPathBody, headers: { key: 'X-KEY' } }, 'headers.signature', /header name/],
    [{ ...tsMethodPathBody, headers: { signature: 'X SIG' } }, 'headers.signature', /HTTP header name/],
    [{ ...tsMethodPathBody, headers: { key: 'x-sig', signature: 'X-SIG' } }, 'headers', /different header/],
    [{ ...tsMethodPathBody, headers: undefined }, 'headers', /headers is required/],
    [{ ...tsMethodPathBody, secret: '' }, 'secret', /must not be empty/],
    [{ ...tsMethodPathBody, keyId: 'key with space' }, 'keyId', /printable ASCII/],
    [{ ...tsMethodPathBody, message: 'ts+method' }, 'message', /must be a function/],
    [{ ...tsMethodPathBody, algorithm: 'md5' }, 'algorithm', /sha256/],
    [{ ...tsMethodPathBody, nonceSource: { next: () => '1' } }, 'headers.nonce', /required with nonceSource/],
    [
      { ...tsMethodPathBody, headers: { signature: 'X-SIG' }, timestamp: String },
      'headers.timestamp',
      /required/,
    ],
    [{ ...tsMethodPathBody, headersNames: ['X-SIG'] }, 'headersNames', /not an option/],
  ])('bad options (case %#) are refused, naming the field', async (options, field, message) => {
    const error = await refusal(options);
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });

  it('names the provider it is made for', async () => {
    const error = await refusal({ ...tsMethodPathBody, secret: '', provider: 'five' });
    expect(error.provider).toBe('five');
    expect(error.message).toMatch(/^five: /);
  });

  it('a message builder that returns no string, or a timestamp that is not printable, fails before sending', async () => {
    const noText = hmacHeaderSignature({ ...tsMethodPathBody, message: () => 7 as unknown as string });
    const error = await thrown(() => noText.authorize(prepared('GET', '/v1/balance'), context));
    expect((error as ConfigurationError).field).toBe('message');
    const badStamp = hmacHeaderSignature({ ...tsMethodPathBody, timestamp: () => '1\r\nX-Evil: 1' });
    const stamped = await thrown(() => badStamp.authorize(prepared('GET', '/v1/balance'), context));
    expect((stamped as ConfigurationError).field).toBe('timestamp');
  });

  it('a nonce source that returns no digits fails before sending', async () => {
    const strategy = hmacHeaderSignature({
      ...tsMethodPathBody,
      headers: { nonce: 'X-NONCE', signature: 'X-SIG' },
      nonceSource: { next: () => Promise.resolve('12a') },
    });
    const error = await thrown(() => strategy.authorize(prepared('GET', '/v1/balance'), context));
    expect((error as ConfigurationError).field).toBe('nonceSource');
  });
});
