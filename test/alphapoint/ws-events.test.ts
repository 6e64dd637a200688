import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type AlphaPointCredentials,
  type AlphaPointSandbox,
  startAlphaPointSandbox,
} from '../../src/testing/index.js';
import { body, type Frame, RawSocket } from './raw-socket.js';
import { send, signedBy } from './wire.js';

// Subscriptions on the gateway, driven by hand. The events' fields are checked against the lists slate prints
// (users/_api_users_user_subscribeaccountevents.md, _api_users_user_subscribelevel1.md).

let sandbox: AlphaPointSandbox;
let trader: AlphaPointCredentials;
let socket: RawSocket;
beforeEach(async () => {
  sandbox = await startAlphaPointSandbox();
  trader = sandbox.credentials.trader;
  socket = await RawSocket.open(sandbox.wsURL);
});
afterEach(() => sandbox.close());

const ids = () => sandbox.accountIds(trader.apiKey);
const order = (Quantity = 0.25) => ({
  ...ids(),
  InstrumentId: 1,
  Side: 0,
  OrderType: 2,
  Quantity,
  LimitPrice: 100,
});

/** An HTTP session of the trader's key. */
async function httpToken(): Promise<string> {
  return String(
    (await send(sandbox.baseURL, 'AuthenticateUser', { headers: signedBy(trader) })).body.SessionToken,
  );
}

/** Logs the socket in and subscribes it to the trader's account events. */
async function subscribed(): Promise<void> {
  await socket.login(trader);
  expect(body(await socket.call('SubscribeAccountEvents', ids()))).toEqual({ Subscribe: true });
}

const ORDER_STATE_FIELDS = [
  'Side',
  'OrderId',
  'Price',
  'Quantity',
  'Instrument',
  'Account',
  'OrderType',
  'ClientOrderId',
  'OrderState',
  'ReceiveTime',
  'OrigQuantity',
  'QuantityExecuted',
  'AvgPrice',
  'ChangeReason',
];

describe('SubscribeAccountEvents', () => {
  it('an order sent over HTTP reaches the subscribed socket as an OrderStateEvent', async () => {
    await subscribed();
    const token = await httpToken();
    const placed = await send(sandbox.baseURL, 'SendOrder', { headers: { aptoken: token }, body: order() });
    const event = await socket.event('OrderStateEvent');
    expect(event.m).toBe(3);
    const state = body(event);
    expect(Object.keys(state)).toEqual(expect.arrayContaining(ORDER_STATE_FIELDS));
    expect(state).toMatchObject({
      OrderId: placed.body.OrderId,
      Account: ids().AccountId,
      Instrument: 1,
      Side: 'Buy',
      OrderType: 'Limit',
      OrderState: 'Working',
      Quantity: 0.25,
      ChangeReason: 'NewInputAccepted',
    });
  });

  it('a cancel over HTTP: OrderStateEvent Canceled', async () => {
    await subscribed();
    const token = await httpToken();
    const placed = await send(sandbox.baseURL, 'SendOrder', { headers: { aptoken: token }, body: order() });
    await socket.event('OrderStateEvent');
    await send(sandbox.baseURL, 'CancelOrder', {
      headers: { aptoken: token },
      body: { ...ids(), OrderId: placed.body.OrderId },
    });
    const canceled = body(await socket.event('OrderStateEvent'));
    expect(canceled).toMatchObject({ OrderId: placed.body.OrderId, OrderState: 'Canceled' });
  });

  it('a withdrawal over HTTP: AccountPositionEvent with the balance left', async () => {
    await subscribed();
    const token = await httpToken();
    const withdraw = { ...ids(), ProductId: 3, Amount: 5, TemplateType: 'Standard', TemplateForm: '{}' };
    await send(sandbox.baseURL, 'CreateWithdrawTicket', { headers: { aptoken: token }, body: withdraw });
    const position = body(await socket.event('AccountPositionEvent'));
    expect(position).toMatchObject({ ...ids(), ProductSymbol: 'USDT', ProductId: 3, Amount: 49995, Hold: 0 });
  });

  it('an order on the socket itself: the reply first, then the event (eventOrder default)', async () => {
    await subscribed();
    const i = socket.send('SendOrder', order());
    const reply = await socket.reply(i);
    const event = await socket.event('OrderStateEvent');
    expect(socket.received.indexOf(reply)).toBeLessThan(socket.received.indexOf(event));
    expect(body(event).OrderId).toBe(body(reply).OrderId);
  });

  it("eventOrder 'events-first': the event comes before the reply", async () => {
    await sandbox.close();
    sandbox = await startAlphaPointSandbox({ eventOrder: 'events-first' });
    trader = sandbox.credentials.trader;
    socket = await RawSocket.open(sandbox.wsURL);
    await subscribed();
    const reply = await socket.reply(socket.send('SendOrder', order()));
    const event = await socket.event('OrderStateEvent');
    expect(socket.received.indexOf(event)).toBeLessThan(socket.received.indexOf(reply));
  });

  it("events carry the socket's own counter in i (2, 4, …), not a request's", async () => {
    await subscribed();
    socket.send('SendOrder', order());
    socket.send('SendOrder', order());
    const first = await socket.event('OrderStateEvent');
    const second = await socket.event('OrderStateEvent');
    expect([first.i, second.i]).toEqual([2, 4]);
  });

  it("another user's account is refused (errorcode 100), and its orders send nothing here", async () => {
    const stranger = sandbox.addAccount({});
    await socket.login(trader);
    const { AccountId, OMSId } = sandbox.accountIds(stranger.apiKey);
    const refused = body(await socket.call('SubscribeAccountEvents', { AccountId, OMSId }));
    expect(refused).toEqual({
      result: false,
      errormsg: `Invalid AccountId: ${AccountId}`,
      errorcode: 100,
      detail: null,
    });
    const token = String(
      (await send(sandbox.baseURL, 'AuthenticateUser', { headers: signedBy(stranger) })).body.SessionToken,
    );
    const theirs = { ...order(), AccountId, OMSId };
    await send(sandbox.baseURL, 'SendOrder', { headers: { aptoken: token }, body: theirs });
    // Frames on one socket arrive in order: a Ping's reply after the order proves no event came before it.
    const pong = await socket.call('Ping');
    expect(socket.received.filter((frame: Frame) => frame.m === 3)).toEqual([]);
    expect(pong.n).toBe('Ping');
  });

  it('before a login: errorcode 20; a second subscription: 909 Already Subscribed.', async () => {
    expect(body(await socket.call('SubscribeAccountEvents', ids()))).toMatchObject({ errorcode: 20 });
    await subscribed();
    const again = body(await socket.call('SubscribeAccountEvents', ids()));
    expect(again).toEqual({ result: false, errormsg: 'Already Subscribed.', errorcode: 909, detail: null });
  });

  it('UnsubscribeAccountEvents: no more events', async () => {
    await subscribed();
    expect(body(await socket.call('UnsubscribeAccountEvents', ids()))).toMatchObject({ result: true });
    await socket.call('SendOrder', order());
    await socket.call('Ping');
    expect(socket.received.filter((frame: Frame) => frame.m === 3)).toEqual([]);
    expect(sandbox.stats().executions).toEqual({ SendOrder: 1 });
  });
});

describe('SubscribeLevel1', () => {
  it('the reply is the Level1 snapshot; a market change sends Level1UpdateEvent', async () => {
    const snapshot = body(await socket.call('SubscribeLevel1', { OMSId: 1, InstrumentId: 1 }));
    expect(snapshot).toMatchObject({ OMSId: 1, InstrumentId: 1, BestBid: 29990, BestOffer: 30010 });
    sandbox.moveMarket({ BestBid: 29500, LastTradedPx: 29600 });
    const update = body(await socket.event('Level1UpdateEvent'));
    expect(Object.keys(update)).toEqual(Object.keys(snapshot));
    expect(update).toMatchObject({ InstrumentId: 1, BestBid: 29500, BestOffer: 30010, LastTradedPx: 29600 });
    const http = await send(sandbox.baseURL, 'GetLevel1', { body: { OMSId: 1, InstrumentId: 1 } });
    expect(http.body).toMatchObject({ BestBid: 29500, LastTradedPx: 29600 });
  });

  it('by Symbol too; an unknown instrument is refused; Unsubscribe stops the updates', async () => {
    const bySymbol = body(await socket.call('SubscribeLevel1', { OMSId: 1, Symbol: 'BTCUSD' }));
    expect(bySymbol.InstrumentId).toBe(1);
    const unknown = body(await socket.call('SubscribeLevel1', { OMSId: 1, InstrumentId: 77 }));
    expect(unknown).toMatchObject({ result: false, errorcode: 100, errormsg: 'Invalid InstrumentId: 77' });
    expect(body(await socket.call('UnsubscribeLevel1', { OMSId: 1, InstrumentId: 1 }))).toMatchObject({
      result: true,
    });
    sandbox.moveMarket({ BestBid: 1 });
    await socket.call('Ping');
    expect(socket.received.filter((frame: Frame) => frame.m === 3)).toEqual([]);
  });
});
