import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AlphaPointSandbox, startAlphaPointSandbox } from '../../src/testing/index.js';
import { fixture, shapeDifferences } from '../fixtures/shape.js';
import { send, signedBy } from './wire.js';

// Every documented AlphaPoint answer (test/fixtures/alphapoint/README.md says where each comes from) against the
// sandbox's answer in the same situation: same field names, same case, same JSON types, nothing extra.
let kiiex: AlphaPointSandbox;
let ndax: AlphaPointSandbox;
beforeAll(async () => {
  kiiex = await startAlphaPointSandbox();
  ndax = await startAlphaPointSandbox({ twoFactorStep: { method: 'GET', send: 'pending-token' } });
});
afterAll(async () => {
  await kiiex.close();
  await ndax.close();
});

const documented = (name: string) => fixture(`alphapoint/${name}.json`);

describe('the shape comparison', () => {
  it('passes different values of the same types', () => {
    expect(shapeDifferences({ a: 1, b: { c: 'x' }, d: [1] }, { a: 2, b: { c: 'y' }, d: [7] })).toEqual([]);
  });

  it('names a missing field, an extra one, one in another case, and another JSON type', () => {
    expect(shapeDifferences({ a: 1, B: 2, e: 4 }, { a: 1, b: 2, c: 3 })).toEqual([
      '$.b: spelled B',
      '$.c: missing',
      '$.e: extra',
    ]);
    expect(shapeDifferences({ a: '1', n: null, o: [] }, { a: 1, n: 'x', o: {} })).toEqual([
      '$.a: expected number, got string',
      '$.n: expected string, got null',
      '$.o: expected object, got array',
    ]);
    expect(shapeDifferences({ u: { id: 1, x: 2 } }, { u: { id: 1 } })).toEqual(['$.u.x: extra']);
    expect(shapeDifferences([{ a: 1 }, { a: 'b' }], [{ a: 0 }])).toEqual([
      '$[1].a: expected number, got string',
    ]);
  });
});

describe('the sandbox answers as the documents show', () => {
  it('login success', async () => {
    const { body } = await send(kiiex.baseURL, 'AuthenticateUser', {
      headers: signedBy(kiiex.credentials.trader),
    });
    expect(shapeDifferences(body, documented('login-success'))).toEqual([]);
  });

  it('login failure (unknown key), at HTTP 200', async () => {
    const unknown = { ...kiiex.credentials.trader, apiKey: 'never-issued-key' };
    const { status, body } = await send(kiiex.baseURL, 'AuthenticateUser', { headers: signedBy(unknown) });
    expect(status).toBe(200);
    expect(shapeDifferences(body, documented('login-failure'))).toEqual([]);
  });

  it('a locked account', async () => {
    const { body } = await send(kiiex.baseURL, 'AuthenticateUser', {
      headers: signedBy(kiiex.credentials.locked),
    });
    expect(body).toMatchObject({ Locked: true });
    expect(shapeDifferences(body, documented('login-locked'))).toEqual([]);
  });

  it('the second-factor challenge, NDAX over HTTP', async () => {
    const { body } = await send(ndax.baseURL, 'Authenticate', {
      headers: signedBy(ndax.credentials.twoFactor),
    });
    expect(body).toMatchObject({ Authenticated: true, Requires2FA: true });
    expect(shapeDifferences(body, documented('two-factor-challenge-ndax'))).toEqual([]);
  });

  it('the second-factor challenge, Kiiex: the login answer’s fields, authenticated, no session token', async () => {
    const { body } = await send(kiiex.baseURL, 'AuthenticateUser', {
      headers: signedBy(kiiex.credentials.twoFactor),
    });
    expect(body).toMatchObject({
      Authenticated: true,
      Requires2FA: true,
      SessionToken: null,
      TwoFAType: 'Google',
    });
    expect(Object.keys(body)).toEqual(Object.keys(documented('login-success') as object));
  });

  it('Authenticate2FA success, Kiiex (POST, the four headers signed anew)', async () => {
    const account = kiiex.credentials.twoFactor;
    await send(kiiex.baseURL, 'AuthenticateUser', { headers: signedBy(account) });
    const { body } = await send(kiiex.baseURL, 'Authenticate2FA', {
      headers: signedBy(account),
      body: { Code: await account.twoFactor?.() },
    });
    expect(body).toMatchObject({ Authenticated: true });
    expect(shapeDifferences(body, documented('authenticate2fa-success'))).toEqual([]);
  });

  it('Authenticate2FA success, NDAX (GET, Pending2FaToken)', async () => {
    const account = ndax.credentials.twoFactor;
    const challenge = await send(ndax.baseURL, 'Authenticate', { headers: signedBy(account) });
    const { body } = await send(ndax.baseURL, 'Authenticate2FA', {
      method: 'GET',
      headers: { Pending2FaToken: String(challenge.body.Pending2FaToken) },
      query: `Code=${await account.twoFactor?.()}`,
    });
    expect(body).toMatchObject({ Authenticated: true });
    expect(shapeDifferences(body, documented('authenticate2fa-success-ndax'))).toEqual([]);
  });

  for (const status of [200, 400, 401] as const) {
    it(`Not Authorized (errorcode 20) at HTTP ${status}`, async () => {
      const refusing = await startAlphaPointSandbox({ notAuthorizedStatus: status });
      try {
        const answer = await send(refusing.baseURL, 'GetAccountPositions', {
          headers: { aptoken: 'no-such-session-token' },
          body: { OMSId: 1, AccountId: 1 },
        });
        expect(answer.status).toBe(status);
        expect(shapeDifferences(answer.body, documented('not-authorized'))).toEqual([]);
      } finally {
        await refusing.close();
      }
    });
  }

  it('LogOut', async () => {
    const login = await send(kiiex.baseURL, 'AuthenticateUser', {
      headers: signedBy(kiiex.credentials.trader),
    });
    const { body } = await send(kiiex.baseURL, 'LogOut', {
      headers: { aptoken: String(login.body.SessionToken) },
    });
    expect(body).toMatchObject({ result: true });
    expect(shapeDifferences(body, documented('logout'))).toEqual([]);
  });
});
