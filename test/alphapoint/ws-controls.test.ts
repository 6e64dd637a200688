import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type AlphaPointCredentials,
  type AlphaPointSandbox,
  startAlphaPointSandbox,
} from '../../src/testing/index.js';
import { until } from '../faults/support/turns.js';
import { body, RawSocket } from './raw-socket.js';
import { send, signedBy } from './wire.js';

// Each test control of the gateway does what its TSDoc says, seen from a raw socket and from the exchange's counts.
// Nothing waits on time: on one socket the frames arrive in order, so a later reply (or a WebSocket pong) proves
// what did or did not come before it.

let sandbox: AlphaPointSandbox;
let trader: AlphaPointCredentials;
beforeEach(async () => {
  sandbox = await startAlphaPointSandbox();
  trader = sandbox.credentials.trader;
});
afterEach(() => sandbox.close());

const order = () => ({
  ...sandbox.accountIds(trader.apiKey),
  InstrumentId: 1,
  Side: 0,
  OrderType: 2,
  Quantity: 0.1,
  LimitPrice: 100,
});

async function loggedIn(credentials = trader): Promise<RawSocket> {
  const socket = await RawSocket.open(sandbox.wsURL);
  expect((await socket.login(credentials)).Authenticated).toBe(true);
  return socket;
}

describe('counts', () => {
  it('sockets open now and opened so far; logins over HTTP and the socket together', async () => {
    const first = await loggedIn();
    const second = await RawSocket.open(sandbox.wsURL);
    await send(sandbox.baseURL, 'AuthenticateUser', { headers: signedBy(trader) });
    expect(sandbox.stats()).toMatchObject({ openSockets: 2, socketsOpened: 2, logins: 2, loginAttempts: 2 });
    await second.close();
    await until(() => sandbox.stats().openSockets === 1, 'the gateway sees the socket close');
    expect(sandbox.stats()).toMatchObject({ openSockets: 1, socketsOpened: 2 });
    expect(
      sandbox.frames.filter((frame) => frame.socket === 1).map((frame) => JSON.parse(frame.text).n),
    ).toEqual(['AuthenticateUser']);
    await first.close();
  });
});

describe('dropSockets', () => {
  it('drops every socket with no closing handshake (1006); the session lives on for the next socket', async () => {
    const first = await loggedIn();
    const other = await RawSocket.open(sandbox.wsURL);
    const token = body(first.received[0] ?? { m: 1, i: 0, n: '', o: '{}' }).SessionToken;
    expect(sandbox.dropSockets()).toBe(2);
    expect(await first.closed).toBe(1006);
    expect(await other.closed).toBe(1006);
    const again = await RawSocket.open(sandbox.wsURL);
    expect(body(await again.call('WebAuthenticateUser', { SessionToken: token })).Authenticated).toBe(true);
    expect(sandbox.stats().logins).toBe(1);
    await again.close();
  });

  it('with a key: only the sockets logged in with it', async () => {
    const mine = await loggedIn();
    const theirs = await loggedIn(sandbox.addAccount({}));
    expect(sandbox.dropSockets(trader.apiKey)).toBe(1);
    expect(await mine.closed).toBe(1006);
    expect(body(await theirs.call('Ping'))).toEqual({ msg: 'PONG' });
    await theirs.close();
  });
});

describe('stallSockets', () => {
  it('{ pong: true }: the socket stays open and answers pings, but no call and no event', async () => {
    const socket = await loggedIn();
    await socket.call('SubscribeAccountEvents', sandbox.accountIds(trader.apiKey));
    const fresh = await loggedIn();
    expect(sandbox.stallSockets(undefined, { pong: true })).toBe(2);
    socket.send('Ping');
    socket.send('SendOrder', order());
    const token = String(
      (await send(sandbox.baseURL, 'AuthenticateUser', { headers: signedBy(trader) })).body.SessionToken,
    );
    await send(sandbox.baseURL, 'SendOrder', { headers: { aptoken: token }, body: order() });
    await socket.ping();
    expect(socket.received.map((frame) => frame.n)).toEqual(['AuthenticateUser', 'SubscribeAccountEvents']);
    // Only the HTTP order executed: the stalled socket's was read (logged) and left alone.
    expect(sandbox.stats().executions).toEqual({ SendOrder: 1 });
    expect(sandbox.frames.filter((frame) => frame.socket === 1)).toHaveLength(4);
    // A socket opened after the stall answers.
    const late = await RawSocket.open(sandbox.wsURL);
    expect(body(await late.call('Ping'))).toEqual({ msg: 'PONG' });
    await Promise.all([socket.close(), fresh.close(), late.close()]);
  });

  it('by default not even a ping is answered; the frames are still read', async () => {
    const socket = await loggedIn();
    sandbox.stallSockets();
    let ponged = false;
    socket.ws.on('pong', () => {
      ponged = true;
    });
    socket.ws.ping();
    socket.send('Ping');
    await until(() => sandbox.frames.length === 2, 'the stalled socket reads the Ping');
    sandbox.dropSockets();
    await socket.closed;
    expect(ponged).toBe(false);
    expect(socket.received.map((frame) => frame.n)).toEqual(['AuthenticateUser']);
  });
});

describe('expireAllSessions', () => {
  it('the next call on the socket gets errorcode 20, and its token no longer opens a socket', async () => {
    const socket = await loggedIn();
    const token = body(socket.received[0] ?? { m: 1, i: 0, n: '', o: '{}' }).SessionToken;
    sandbox.expireAllSessions();
    expect(body(await socket.call('GetUserInfo', {}))).toMatchObject({
      errorcode: 20,
      errormsg: 'Not Authorized',
    });
    expect(body(await socket.call('WebAuthenticateUser', { SessionToken: token })).Authenticated).toBe(false);
    expect(sandbox.stats().openSockets).toBe(1);
    await socket.close();
  });

  it('account events stop with the session, and come back when the socket logs in again', async () => {
    const socket = await loggedIn();
    await socket.call('SubscribeAccountEvents', sandbox.accountIds(trader.apiKey));
    sandbox.expireAllSessions();
    const token = String(
      (await send(sandbox.baseURL, 'AuthenticateUser', { headers: signedBy(trader) })).body.SessionToken,
    );
    await send(sandbox.baseURL, 'SendOrder', { headers: { aptoken: token }, body: order() });
    await socket.call('Ping');
    expect(socket.received.filter((frame) => frame.m === 3)).toEqual([]);
    await socket.login(trader);
    await send(sandbox.baseURL, 'SendOrder', { headers: { aptoken: token }, body: order() });
    expect(body(await socket.event('OrderStateEvent')).OrderId).toBe(sandbox.orders()[1]?.orderId);
    await socket.close();
  });
});

describe('refuseNextLogins', () => {
  it('refuses the next N logins on either channel, then logins work again', async () => {
    sandbox.refuseNextLogins(2, { errormsg: 'Try again later' });
    const socket = await RawSocket.open(sandbox.wsURL);
    expect(await socket.login(trader)).toMatchObject({ Authenticated: false, errormsg: 'Try again later' });
    const http = await send(sandbox.baseURL, 'AuthenticateUser', { headers: signedBy(trader) });
    expect(http.body).toMatchObject({ Authenticated: false, errormsg: 'Try again later' });
    expect(await socket.login(trader)).toMatchObject({ Authenticated: true });
    expect(sandbox.stats()).toMatchObject({ logins: 1, loginAttempts: 3 });
    await socket.close();
  });

  it('clearFaults forgets the refusals left', async () => {
    sandbox.refuseNextLogins(5);
    sandbox.clearFaults();
    const socket = await loggedIn();
    await socket.close();
  });
});

describe('dropSocketOnNext', () => {
  it('executes the named call, then drops the socket: no reply, one execution', async () => {
    const socket = await loggedIn();
    sandbox.dropSocketOnNext('SendOrder');
    expect(body(await socket.call('Ping'))).toEqual({ msg: 'PONG' });
    const i = socket.send('SendOrder', order());
    expect(await socket.closed).toBe(1006);
    expect(socket.received.filter((frame) => frame.i === i && frame.m !== 3)).toEqual([]);
    expect(sandbox.stats().executions).toEqual({ SendOrder: 1 });
    expect(sandbox.orders()).toHaveLength(1);
  });

  it('{ execute: false }: dropped before executing, nothing executed', async () => {
    const socket = await loggedIn();
    sandbox.dropSocketOnNext('SendOrder', { execute: false });
    socket.send('SendOrder', order());
    expect(await socket.closed).toBe(1006);
    expect(sandbox.stats().executions).toEqual({});
    expect(sandbox.orders()).toHaveLength(0);
  });

  it('only once, and clearFaults forgets a queued one', async () => {
    const socket = await loggedIn();
    sandbox.dropSocketOnNext('GetUserInfo');
    socket.send('GetUserInfo', {});
    await socket.closed;
    sandbox.dropSocketOnNext('GetUserInfo');
    sandbox.clearFaults();
    const next = await loggedIn();
    expect(body(await next.call('GetUserInfo', {})).UserId).toBe(Number(trader.userId));
    await next.close();
  });
});
