import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationError, createClient, kiiex, ndax } from '../../src/index.js';
import { fixture } from '../fixtures/shape.js';
import { TestClock } from '../support/clock.js';
import { thrown } from '../support/leaks.js';
import { hmac } from './wire.js';

// The documented answers themselves (test/fixtures/alphapoint), replayed to the client: the challenge as NDAX
// sends it and as the APEX login form carries it, then the documented Authenticate2FA answer.
const ORIGIN = 'https://apex.documented.test';
// Each test its own key: sessions are kept per key, and one test's session must not serve another.
let keys = 0;
const credentials = { apiKey: 'documented-key-123', apiSecret: 'documented-secret-456', userId: 57764 };
const fresh = () => {
  keys += 1;
  return { ...credentials, apiKey: `${credentials.apiKey}-${keys}` };
};
// nock intercepts Node's http module, which the axios transport sends through (undici does not).
const settings = () =>
  ({ transport: 'axios', rateLimit: false, retry: false, clock: new TestClock() }) as const;
const CODE = '123456';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('the documented second-factor answers, replayed', () => {
  it('NDAX: the ccxt-quoted challenge, then GET Authenticate2FA with its Pending2FaToken; the session is the one documented', async () => {
    const challenge = fixture('alphapoint/two-factor-challenge-ndax.json') as Record<string, string>;
    const success = fixture('alphapoint/authenticate2fa-success-ndax.json') as Record<string, string>;
    const seen: Headers[] = [];
    nock(ORIGIN)
      .post('/AP/Authenticate')
      .reply(200, challenge)
      .get('/AP/Authenticate2FA')
      .query({ Code: CODE })
      .reply((request) => {
        seen.push(request.headers);
        return [200, success];
      })
      .post('/AP/GetAccountPositions')
      .reply((request) => {
        seen.push(request.headers);
        return [200, []];
      });
    const client = createClient(
      ndax({ ...fresh(), baseURL: `${ORIGIN}/AP`, twoFactor: () => CODE }),
      settings(),
    );
    expect(await client.authenticate()).toMatchObject({ userId: 57764 });
    await client.request({ method: 'POST', path: '/GetAccountPositions', body: { OMSId: 1, AccountId: 1 } });
    expect(seen[0]?.get('pending2fatoken')).toBe(challenge.Pending2FaToken);
    expect(seen[0]?.get('signature')).toBeNull();
    expect(seen[1]?.get('aptoken')).toBe(success.SessionToken);
    expect(nock.isDone()).toBe(true);
  });

  it('Kiiex: Authenticated true with Requires2FA true and no SessionToken is a challenge, not a session', async () => {
    const loginForm = fixture('alphapoint/login-success.json') as Record<string, unknown>;
    const challenge = {
      ...loginForm,
      SessionToken: null,
      User: null,
      Requires2FA: true,
      TwoFAType: 'Google',
    };
    const success = {
      ...(fixture('alphapoint/authenticate2fa-success.json') as object),
      SessionToken: 'tok-0123456789abcdef',
    };
    let second: { headers: Headers; body: unknown } | undefined;
    nock(ORIGIN)
      .post('/ap/AuthenticateUser')
      .reply(200, challenge)
      .post('/ap/Authenticate2FA')
      .reply(async (request) => {
        second = { headers: request.headers, body: await request.json() };
        return [200, success];
      });
    const client = createClient(
      kiiex({ ...fresh(), baseURL: `${ORIGIN}/ap`, twoFactor: () => CODE }),
      settings(),
    );
    await client.authenticate();
    expect(second?.body).toEqual({ Code: CODE });
    const header = (name: string) => second?.headers.get(name) ?? '';
    expect(header('apikey')).toMatch(/^documented-key-123-/);
    expect(header('signature')).toBe(
      hmac(credentials.apiSecret, `${header('nonce')}${header('userid')}${header('apikey')}`),
    );
    expect(nock.isDone()).toBe(true);
  });

  it('an answer with a SessionToken but Requires2FA true is not a complete login', async () => {
    nock(ORIGIN)
      .post('/ap/AuthenticateUser')
      .reply(200, {
        Authenticated: true,
        Requires2FA: true,
        SessionToken: 'half-done-token-0123',
        TwoFAType: 'Google',
      })
      .post('/ap/Authenticate2FA')
      .reply(200, { Authenticated: false, SessionToken: null, errormsg: 'Invalid two-factor code' });
    const client = createClient(
      kiiex({ ...fresh(), baseURL: `${ORIGIN}/ap`, twoFactor: () => CODE }),
      settings(),
    );
    const error = await thrown(() => client.authenticate());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toMatch(/second factor/);
    expect(nock.isDone()).toBe(true);
  });
});
