import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AlphaPointSandbox, startAlphaPointSandbox } from '../../src/testing/index.js';
import { send, signedBy } from './wire.js';

// The exchange ties a code to a login waiting for it, and to nothing else. Driven by hand, with headers this
// test signs itself: no library code between the test and the exchange.
let kiiex: AlphaPointSandbox;
let ndax: AlphaPointSandbox;
beforeEach(async () => {
  kiiex = await startAlphaPointSandbox();
  ndax = await startAlphaPointSandbox({ twoFactorStep: { method: 'GET', send: 'pending-token' } });
});
afterEach(async () => {
  await kiiex.close();
  await ndax.close();
});

const code = (sandbox: AlphaPointSandbox) =>
  sandbox.credentials.twoFactor.twoFactor?.() ?? Promise.resolve('');

/** NDAX's second step: `GET Authenticate2FA?Code=` with whatever Pending2FaToken header is given. */
const ndaxStep = async (pending: string | undefined) =>
  send(ndax.baseURL, 'Authenticate2FA', {
    method: 'GET',
    headers: pending === undefined ? {} : { Pending2FaToken: pending },
    query: `Code=${await code(ndax)}`,
  });

/** Kiiex's second step: `POST Authenticate2FA {"Code"}` with the given headers. */
const kiiexStep = async (headers: Record<string, string>) =>
  send(kiiex.baseURL, 'Authenticate2FA', { headers, body: { Code: await code(kiiex) } });

const ndaxChallenge = async () =>
  String(
    (await send(ndax.baseURL, 'Authenticate', { headers: signedBy(ndax.credentials.twoFactor) })).body
      .Pending2FaToken,
  );

const refused = (message: string) => ({ Authenticated: false, SessionToken: null, errormsg: message });

describe('NDAX (Pending2FaToken): a code is accepted only with the token of a waiting login', () => {
  it('no pending token: refused, even with the right code', async () => {
    await ndaxChallenge();
    expect((await ndaxStep(undefined)).body).toEqual(refused('No pending two-factor login'));
    expect(ndax.stats().logins).toBe(0);
  });

  it('a token the exchange never issued: refused', async () => {
    await ndaxChallenge();
    expect((await ndaxStep(randomUUID())).body).toEqual(refused('No pending two-factor login'));
    expect(ndax.stats().logins).toBe(0);
  });

  it('the token of a login that already completed: refused the second time', async () => {
    const pending = await ndaxChallenge();
    expect((await ndaxStep(pending)).body).toMatchObject({
      Authenticated: true,
      SessionToken: expect.any(String),
    });
    expect((await ndaxStep(pending)).body).toEqual(refused('No pending two-factor login'));
    expect(ndax.stats().logins).toBe(1);
  });

  it('the Kiiex form (POST, signed headers) is not NDAX’s: refused', async () => {
    await ndaxChallenge();
    const answer = await send(ndax.baseURL, 'Authenticate2FA', {
      headers: signedBy(ndax.credentials.twoFactor),
      body: { Code: await code(ndax) },
    });
    expect(answer.body).toMatchObject({ Authenticated: false });
    expect(ndax.stats().logins).toBe(0);
  });
});

describe('Kiiex (signed headers): a code is accepted only for a waiting login of the key that signs it', () => {
  const account = () => kiiex.credentials.twoFactor;
  const login = () => send(kiiex.baseURL, 'AuthenticateUser', { headers: signedBy(account()) });

  it('no login waiting: refused, even signed and with the right code', async () => {
    expect((await kiiexStep(signedBy(account()))).body).toEqual(refused('No pending two-factor login'));
    expect(kiiex.stats().logins).toBe(0);
  });

  it('signed headers that do not verify: refused, and the waiting login stays for the right ones', async () => {
    await login();
    const forged = signedBy({ ...account(), apiSecret: 'not-the-secret-0123456789' });
    expect((await kiiexStep(forged)).body).toEqual(refused('Invalid signature'));
    expect(kiiex.stats().pendingTwoFactor).toBe(1);
    expect((await kiiexStep(signedBy(account()))).body).toMatchObject({ Authenticated: true });
    expect(kiiex.stats().logins).toBe(1);
  });

  it('no signed headers, only a Pending2FaToken: refused', async () => {
    await login();
    expect((await kiiexStep({ Pending2FaToken: randomUUID() })).body).toEqual(
      refused('User api key not found'),
    );
    expect(kiiex.stats().logins).toBe(0);
  });

  it('another key’s waiting login does not count', async () => {
    await login();
    const other = kiiex.addAccount({});
    expect((await kiiexStep(signedBy(other))).body).toEqual(refused('No pending two-factor login'));
    expect(kiiex.stats().pendingTwoFactor).toBe(1);
  });

  it('a login that already completed: refused the second time, freshly signed', async () => {
    await login();
    expect((await kiiexStep(signedBy(account()))).body).toMatchObject({ Authenticated: true });
    expect((await kiiexStep(signedBy(account()))).body).toEqual(refused('No pending two-factor login'));
    expect(kiiex.stats().logins).toBe(1);
  });

  it('a GET (NDAX’s form) is not Kiiex’s: refused', async () => {
    await login();
    const answer = await send(kiiex.baseURL, 'Authenticate2FA', {
      method: 'GET',
      headers: signedBy(account()),
      query: `Code=${await code(kiiex)}`,
    });
    expect(answer.body).toMatchObject({ Authenticated: false });
    expect(kiiex.stats().logins).toBe(0);
  });
});
