import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type AuthStrategy,
  answerClassifier,
  buildRequest,
  createAuthorizer,
  createClient,
  defineCatalog,
  hmacHeaderSignature,
  type Provider,
  withHeaders,
} from '../../src/index.js';
import type { LoopbackServer } from '../../src/testing/index.js';
import { expectRefused, startRecorder } from './support.js';

// The headers a strategy signs with are declared once, and a caller can never replace them: a strategy's
// declared names are refused on a caller's request before anything is sent; a header a hand-written strategy
// sets without declaring it still replaces the caller's, in any case, so only the signed one goes out.

const SECRET = 'signedHeadersSecret_0123';
const catalog = defineCatalog({
  balance: { method: 'GET', path: '/v1/balance', permission: 'read', idempotent: true },
});

function providerWith(strategy: AuthStrategy, server: LoopbackServer): Provider<'read', typeof catalog> {
  return {
    name: 'five',
    baseURL: server.origin,
    strategy,
    permissions: ['read'],
    catalog,
    rateLimit: false,
    classify: answerClassifier(),
  };
}

const declared = () =>
  hmacHeaderSignature({
    keyId: 'fiveKey_0123',
    secret: SECRET,
    headers: { key: 'X-KEY', timestamp: 'X-TS', signature: 'X-SIG' },
    message: ({ timestamp, method, path, body }) => timestamp + method + path + body,
  });

/** A hand-written strategy that signs into X-SIG and declares nothing. */
const undeclared: AuthStrategy = {
  scheme: 'undeclared',
  authorize: (request) =>
    withHeaders(request, { 'X-SIG': createHmac('sha256', SECRET).update(request.path).digest('hex') }),
  secrets: () => [SECRET],
};

describe("a strategy's declared headers are reserved: a caller's is refused before anything is sent", () => {
  for (const name of ['X-SIG', 'x-sig', 'X-Ts', 'x-key']) {
    it(`client.call with ${name}`, async () => {
      const server = await startRecorder();
      const client = createClient(providerWith(declared(), server), { retry: false });
      await expectRefused(
        () => client.call('balance', { headers: { [name]: 'Qz7~forged' } }),
        server,
        `headers.${name}`,
        'Qz7~forged',
      );
    });
  }

  it('client.request and an authoriser refuse it too', async () => {
    const server = await startRecorder();
    const provider = providerWith(declared(), server);
    const client = createClient(provider, { retry: false });
    const headers = { 'X-SIG': 'Qz7~forged' };
    await expectRefused(
      () => client.request({ method: 'GET', path: '/v1/balance', permission: 'read', headers }),
      server,
      'headers.X-SIG',
    );
    const authorizer = createAuthorizer(provider);
    await expectRefused(
      () => authorizer.authorize({ method: 'GET', path: '/v1/balance', permission: 'read', headers }),
      server,
      'headers.X-SIG',
    );
  });

  it('other headers of the caller go out next to the signed ones', async () => {
    const server = await startRecorder();
    const client = createClient(providerWith(declared(), server), { retry: false });
    await client.call('balance', { headers: { 'X-Bot': 'mine' } });
    const seen = server.log.at(-1)?.headers ?? {};
    expect(seen['x-bot']).toBe('mine');
    expect(seen['x-sig']).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('a header a strategy sets without declaring it still replaces the caller’s, in any case', () => {
  const signed = createHmac('sha256', SECRET).update('/v1/balance').digest('hex');

  for (const name of ['X-SIG', 'x-sig', 'X-Sig']) {
    it(`${name}: one X-SIG on the wire, the signer's`, async () => {
      const server = await startRecorder();
      const client = createClient(providerWith(undeclared, server), { retry: false });
      await client.call('balance', { headers: { [name]: 'forged' } });
      // Repeated headers would arrive joined with ', '. (axios keeps one header per name in any case, the later;
      // an authoriser, below, hands its headers to the user's own HTTP client, which might send both.)
      expect(server.log.at(-1)?.headers['x-sig']).toBe(signed);
    });
  }

  it('an authoriser hands out one header of the name, the signer’s', async () => {
    const server = await startRecorder();
    const authorizer = createAuthorizer(providerWith(undeclared, server));
    const request = await authorizer.authorize({
      method: 'GET',
      path: '/v1/balance',
      permission: 'read',
      headers: { 'x-sig': 'forged', 'X-Bot': 'mine' },
    });
    const sigs = Object.entries(request.headers).filter(([name]) => name.toLowerCase() === 'x-sig');
    expect(sigs).toEqual([['X-SIG', signed]]);
    expect(request.headers['X-Bot']).toBe('mine');
  });

  it('withHeaders: an added name replaces the same name in any case, and the input is untouched', () => {
    const request = buildRequest({
      baseURL: 'https://x.test',
      method: 'GET',
      path: '/v1/balance',
      headers: { 'x-sig': 'forged', Accept: 'application/json' },
    });
    const signed = withHeaders(request, { 'X-SIG': 'real', 'X-TS': '1' });
    expect(signed.headers).toEqual({ Accept: 'application/json', 'X-SIG': 'real', 'X-TS': '1' });
    expect(request.headers).toEqual({ 'x-sig': 'forged', Accept: 'application/json' });
  });
});
