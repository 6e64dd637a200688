import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AlphaPointSandbox, startAlphaPointSandbox } from '../../src/testing/index.js';
import { body, RawSocket, signedLogin } from './raw-socket.js';
import { send, signedBy } from './wire.js';

// The APEX WebSocket gateway driven by hand: frames and signatures made in the test with `ws` and node:crypto, the
// exchange's own counts (logins, executions) as the independent expectation.

let sandbox: AlphaPointSandbox;
let socket: RawSocket;
beforeEach(async () => {
  sandbox = await startAlphaPointSandbox();
  socket = await RawSocket.open(sandbox.wsURL);
});
afterEach(() => sandbox.close());

const NOT_AUTHORIZED = { result: false, errormsg: 'Not Authorized', errorcode: 20, detail: null };

describe('frames', () => {
  it('a reply is m 1 with the request i and n, its o a JSON string', async () => {
    const i = socket.send('Ping');
    const reply = await socket.reply(i);
    expect(reply).toEqual({ m: 1, i, n: 'Ping', o: '{"msg":"PONG"}' });
  });

  it('an unknown function: m 5 with the bare text "Endpoint Not Found"', async () => {
    const i = socket.send('NoSuchFunction');
    expect(await socket.reply(i)).toEqual({ m: 5, i, n: 'NoSuchFunction', o: 'Endpoint Not Found' });
  });

  it('text that is no frame gets no answer and the socket stays open', async () => {
    socket.ws.send('this is not json');
    socket.ws.send('{"m":0,"i":2}');
    const reply = await socket.call('Ping');
    expect(socket.received).toEqual([reply]);
  });

  it('the gateway answers on every spelling deployments use, and nowhere else', async () => {
    const origin = sandbox.wsURL.replace(/\/WSGateway\/$/, '');
    for (const path of ['/WSGateway/', '/WSGateway', '/wsgateway', '/wsgateway/']) {
      const other = await RawSocket.open(`${origin}${path}`);
      expect(body(await other.call('Ping'))).toEqual({ msg: 'PONG' });
      await other.close();
    }
    await expect(RawSocket.open(`${origin}/ap/`)).rejects.toThrow(/404/);
  });
});

describe('AuthenticateUser over the socket', () => {
  it('a private call before any login: errorcode 20, in a reply (m 1)', async () => {
    const reply = await socket.call('GetUserInfo', {});
    expect(reply.m).toBe(1);
    expect(body(reply)).toEqual(NOT_AUTHORIZED);
  });

  it('the right signature opens a session: the User of the login answer, then private calls', async () => {
    const { trader } = sandbox.credentials;
    const answer = await socket.login(trader);
    expect(answer).toMatchObject({
      Authenticated: true,
      SessionToken: expect.any(String),
      User: { UserId: Number(trader.userId), ...pick(sandbox.accountIds(trader.apiKey)) },
    });
    const info = body(await socket.call('GetUserInfo', {}));
    expect(info.UserId).toBe(Number(trader.userId));
    expect(sandbox.stats()).toMatchObject({ logins: 1, loginAttempts: 1 });
  });

  it('a wrong signature is refused in a login answer, and the socket stays without a session', async () => {
    const { trader } = sandbox.credentials;
    const wrong = {
      ...signedLogin(trader),
      Signature: signedLogin({ ...trader, apiSecret: 'not-it' }).Signature,
    };
    const answer = body(await socket.call('AuthenticateUser', wrong));
    expect(answer).toMatchObject({ Authenticated: false, SessionToken: null, errormsg: 'Invalid signature' });
    expect(body(await socket.call('GetUserInfo', {}))).toEqual(NOT_AUTHORIZED);
    expect(sandbox.stats()).toMatchObject({ logins: 0, loginAttempts: 1 });
  });

  it('UserId and Nonce as numbers are refused: APEX 3.3 takes them as strings', async () => {
    const signed = signedLogin(sandbox.credentials.trader);
    const numbers = { ...signed, UserId: Number(signed.UserId), Nonce: Number(signed.Nonce) };
    expect(body(await socket.call('AuthenticateUser', numbers))).toMatchObject({ Authenticated: false });
    expect(sandbox.stats().logins).toBe(0);
  });

  it('a key with two-factor: the challenge, then Authenticate2FA {Code} on the same socket', async () => {
    const { twoFactor } = sandbox.credentials;
    expect(await socket.login(twoFactor)).toMatchObject({ Authenticated: true, Requires2FA: true });
    expect(sandbox.stats().logins).toBe(0);
    const code = (await twoFactor.twoFactor?.()) ?? '';
    const done = body(await socket.call('Authenticate2FA', { Code: code }));
    expect(done).toEqual({ Authenticated: true, SessionToken: expect.any(String) });
    expect(body(await socket.call('GetUserInfo', {})).UserId).toBe(Number(twoFactor.userId));
    expect(sandbox.stats().logins).toBe(1);
  });

  it('a wrong second factor is refused and uses up the waiting login', async () => {
    await socket.login(sandbox.credentials.twoFactor);
    const wrong = body(await socket.call('Authenticate2FA', { Code: '000000x' }));
    expect(wrong).toMatchObject({ Authenticated: false, errormsg: 'Invalid two-factor code' });
    const code = (await sandbox.credentials.twoFactor.twoFactor?.()) ?? '';
    const again = body(await socket.call('Authenticate2FA', { Code: code }));
    expect(again).toMatchObject({ Authenticated: false, errormsg: 'No pending two-factor login' });
    expect(sandbox.stats().logins).toBe(0);
  });
});

describe('one session per key, whatever the channel', () => {
  it('a token from an HTTP login works on the socket: one login counted', async () => {
    const { trader } = sandbox.credentials;
    const http = await send(sandbox.baseURL, 'AuthenticateUser', { headers: signedBy(trader) });
    const token = String(http.body.SessionToken);
    const answer = body(await socket.call('WebAuthenticateUser', { SessionToken: token }));
    expect(answer).toEqual({ Authenticated: true, SessionToken: token, UserId: Number(trader.userId) });
    const positions = body(await socket.call('GetAccountPositions', sandbox.accountIds(trader.apiKey)));
    expect(positions.map((row: { ProductSymbol: string }) => row.ProductSymbol)).toContain('BTC');
    expect(sandbox.stats()).toMatchObject({ logins: 1, loginAttempts: 1 });
  });

  it('a token from a socket login works over HTTP', async () => {
    const token = (await socket.login(sandbox.credentials.trader)).SessionToken;
    const http = await send(sandbox.baseURL, 'GetUserInfo', { headers: { aptoken: token }, body: {} });
    expect(http.body.UserId).toBe(Number(sandbox.credentials.trader.userId));
    expect(sandbox.stats().logins).toBe(1);
  });

  it('a token the exchange never issued is refused by WebAuthenticateUser', async () => {
    const answer = body(await socket.call('WebAuthenticateUser', { SessionToken: 'never-issued' }));
    expect(answer).toMatchObject({ Authenticated: false, SessionToken: null });
    expect(body(await socket.call('GetUserInfo', {}))).toEqual(NOT_AUTHORIZED);
  });

  it('LogOut on the socket ends the session on both channels', async () => {
    const token = (await socket.login(sandbox.credentials.trader)).SessionToken;
    expect(body(await socket.call('LogOut'))).toEqual({
      result: true,
      errormsg: null,
      errorcode: 0,
      detail: null,
    });
    expect(body(await socket.call('GetUserInfo', {}))).toEqual(NOT_AUTHORIZED);
    const http = await send(sandbox.baseURL, 'GetUserInfo', { headers: { aptoken: token }, body: {} });
    expect(http.body).toEqual(NOT_AUTHORIZED);
    expect(sandbox.stats().logouts).toBe(1);
  });
});

describe('the calls of the HTTP side, through the same dispatch', () => {
  it('SendOrder executes once and shows in GetOpenOrders on HTTP', async () => {
    const { trader } = sandbox.credentials;
    const token = (await socket.login(trader)).SessionToken;
    const order = { ...sandbox.accountIds(trader.apiKey), InstrumentId: 1, Side: 0, OrderType: 2 };
    const placed = body(await socket.call('SendOrder', { ...order, Quantity: 0.5, LimitPrice: 100 }));
    expect(placed).toMatchObject({ status: 'Accepted', OrderId: expect.any(Number) });
    expect(sandbox.stats().executions).toEqual({ SendOrder: 1 });
    const open = await send(sandbox.baseURL, 'GetOpenOrders', {
      headers: { aptoken: token },
      body: sandbox.accountIds(trader.apiKey),
    });
    expect(open.body).toEqual([expect.objectContaining({ OrderId: placed.OrderId })]);
  });

  it("another user's account is refused as over HTTP (errorcode 100), and nothing executes", async () => {
    const { trader } = sandbox.credentials;
    const stranger = sandbox.addAccount({});
    await socket.login(trader);
    const order = { ...sandbox.accountIds(stranger.apiKey), InstrumentId: 1, Side: 0, OrderType: 2 };
    const refused = body(await socket.call('SendOrder', { ...order, Quantity: 1, LimitPrice: 1 }));
    const { AccountId } = sandbox.accountIds(stranger.apiKey);
    expect(refused).toEqual({
      result: false,
      errormsg: `Invalid AccountId: ${AccountId}`,
      errorcode: 100,
      detail: null,
    });
    expect(sandbox.stats().executions).toEqual({});
  });
});

function pick(ids: { OMSId: number; AccountId: number }) {
  return { OMSId: ids.OMSId, AccountId: ids.AccountId };
}
