import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../src/testing/index.js';

// The sandbox refuses what the real exchanges refuse, with the reference's answers, seen on the raw wire.
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

const hmac = (secret: string, message: string) => createHmac('sha256', secret).update(message).digest('hex');

describe('the sandbox is strict', () => {
  it('kiiex: a wrong secret is refused at login', async () => {
    const { apiKey, userId } = sandbox.kiiex.credentials.trader;
    const nonce = '1700000000000';
    const answer = await fetch(`${sandbox.kiiex.baseURL}/AuthenticateUser`, {
      method: 'POST',
      headers: {
        APIKey: apiKey,
        UserId: userId,
        Nonce: nonce,
        Signature: hmac('wrong', nonce + userId + apiKey),
      },
    });
    expect(await answer.json()).toMatchObject({ Authenticated: false, SessionToken: null });
  });

  it('kiiex: a missing, unknown or expired token is errorcode 20', async () => {
    const expected = { result: false, errormsg: 'Not Authorized', errorcode: 20, detail: null };
    for (const headers of [{}, { aptoken: 'not-a-token' }] as Record<string, string>[]) {
      const answer = await fetch(`${sandbox.kiiex.baseURL}/GetAccountPositions`, {
        method: 'POST',
        headers,
        body: '{}',
      });
      expect(await answer.json()).toEqual(expected);
    }
    const { apiKey, apiSecret, userId } = sandbox.kiiex.credentials.trader;
    const login = await fetch(`${sandbox.kiiex.baseURL}/AuthenticateUser`, {
      method: 'POST',
      headers: {
        APIKey: apiKey,
        UserId: userId,
        Nonce: '1',
        Signature: hmac(apiSecret, `1${userId}${apiKey}`),
      },
    });
    const { SessionToken } = (await login.json()) as { SessionToken: string };
    sandbox.kiiex.expireAllSessions();
    const expired = await fetch(`${sandbox.kiiex.baseURL}/GetAccountPositions`, {
      method: 'POST',
      headers: { aptoken: SessionToken },
      body: '{}',
    });
    expect(await expired.json()).toEqual(expected);
  });

  it('bitexbit: a reused nonce and a call above the access type are refused', async () => {
    const { accessKey, privateKey } = sandbox.bitexbit.credentials.read;
    const path = '/api/v2/private/balance';
    const send = (nonce: string) =>
      fetch(`${sandbox.bitexbit.baseURL}${path}`, {
        headers: { 'X-API-Key': accessKey, 'X-Nonce': nonce, 'X-Signature': hmac(privateKey, path + nonce) },
      });
    expect((await send('1800000000000')).status).toBe(200);
    expect((await send('1800000000000')).status).toBe(401);
    const order = '/api/v2/private/order/create';
    const body = '{"symbol":"BTC_USD","type":"buy-limit","price":"1","amount":"1"}';
    const above = await fetch(`${sandbox.bitexbit.baseURL}${order}`, {
      method: 'POST',
      headers: {
        'X-API-Key': accessKey,
        'X-Nonce': '1800000000001',
        'X-Signature': hmac(privateKey, `${order}1800000000001${body}`),
        'Content-Type': 'application/json',
      },
      body,
    });
    expect(above.status).toBe(403);
  });

  it('bitex: a master acting for a user it does not manage is refused', async () => {
    const answer = await fetch(`${sandbox.bitex.baseURL}/coin_wallets`, {
      headers: {
        Authorization: `${sandbox.bitex.credentials.master.apiKey}; user=${sandbox.bitex.users.user}`,
        Version: '2.1',
      },
    });
    expect(answer.status).toBe(401);
    expect(await answer.json()).toEqual({ error: 'Not enough permissions' });
  });
});
