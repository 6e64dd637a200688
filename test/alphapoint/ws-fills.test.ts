import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AlphaPointSandbox, startAlphaPointSandbox } from '../../src/testing/index.js';
import { body, RawSocket } from './raw-socket.js';
import { send, signedBy } from './wire.js';

// A trade, seen on a subscribed socket: the OrderTradeEvent with every field slate lists for it
// (users/_api_users_user_subscribeaccountevents.md), the order's new state, the balances that moved (computed here
// from the order), and BTCUSD's last trade.

let sandbox: AlphaPointSandbox;
beforeEach(async () => {
  sandbox = await startAlphaPointSandbox();
});
afterEach(() => sandbox.close());

const TRADE_FIELDS = [
  'OMSId',
  'TradeId',
  'OrderId',
  'AccountId',
  'ClientOrderId',
  'InstrumentId',
  'Side',
  'Quantity',
  'Price',
  'Value',
  'TradeTime',
  'ContraAcctId',
  'OrderTradeRevision',
  'Direction',
];

describe('fillOrder', () => {
  it('an HTTP order traded: OrderTradeEvent, OrderStateEvent FullyExecuted, both positions, Level1', async () => {
    const { trader } = sandbox.credentials;
    const ids = sandbox.accountIds(trader.apiKey);
    const socket = await RawSocket.open(sandbox.wsURL);
    await socket.login(trader);
    await socket.call('SubscribeAccountEvents', ids);
    await socket.call('SubscribeLevel1', { OMSId: 1, InstrumentId: 1 });
    const token = (await send(sandbox.baseURL, 'AuthenticateUser', { headers: signedBy(trader) })).body
      .SessionToken;
    const order = {
      ...ids,
      InstrumentId: 1,
      Side: 0,
      OrderType: 2,
      Quantity: 0.5,
      LimitPrice: 30100,
      ClientOrderId: 7,
    };
    const placed = await send(sandbox.baseURL, 'SendOrder', {
      headers: { aptoken: String(token) },
      body: order,
    });
    const orderId = Number(placed.body.OrderId);
    await socket.event('OrderStateEvent');

    const tradeId = sandbox.fillOrder(orderId);
    const trade = body(await socket.event('OrderTradeEvent'));
    expect(Object.keys(trade)).toEqual(expect.arrayContaining(TRADE_FIELDS));
    expect(trade).toMatchObject({
      TradeId: tradeId,
      OrderId: orderId,
      AccountId: ids.AccountId,
      ClientOrderId: 7,
      InstrumentId: 1,
      Side: 'Buy',
      Quantity: 0.5,
      Price: 30100,
      Value: 15050,
      Direction: 'Uptick',
    });
    const state = body(await socket.event('OrderStateEvent'));
    expect(state).toMatchObject({
      OrderId: orderId,
      OrderState: 'FullyExecuted',
      QuantityExecuted: 0.5,
      AvgPrice: 30100,
      ChangeReason: 'Trade',
    });
    const btc = body(await socket.event('AccountPositionEvent'));
    const usd = body(await socket.event('AccountPositionEvent'));
    expect([btc.ProductSymbol, btc.Amount, usd.ProductSymbol, usd.Amount]).toEqual([
      'BTC',
      2.5,
      'USD',
      100000 - 15050,
    ]);
    expect(sandbox.balances(trader.apiKey)).toMatchObject({ BTC: '2.5', USD: '84950' });
    expect(body(await socket.event('Level1UpdateEvent'))).toMatchObject({
      LastTradedPx: 30100,
      LastTradedQty: 0.5,
    });

    const open = await send(sandbox.baseURL, 'GetOpenOrders', {
      headers: { aptoken: String(token) },
      body: ids,
    });
    expect(open.body).toEqual([]);
    expect(() => sandbox.fillOrder(orderId)).toThrow(/no working order/);
    await socket.close();
  });
});

describe('market.fill: the same trade, in parts', () => {
  it('0.2 then the rest of a 0.5 order: each part an OrderTradeEvent of its own quantity; Working, then FullyExecuted', async () => {
    const { trader } = sandbox.credentials;
    const ids = sandbox.accountIds(trader.apiKey);
    const socket = await RawSocket.open(sandbox.wsURL);
    await socket.login(trader);
    await socket.call('SubscribeAccountEvents', ids);
    const order = { ...ids, InstrumentId: 1, Side: 0, OrderType: 2, Quantity: 0.5, LimitPrice: 30100 };
    const orderId = Number(body(await socket.call('SendOrder', order)).OrderId);
    await socket.event('OrderStateEvent');

    sandbox.market.fill(orderId, { amount: '0.2' });
    // A scripted fill runs when the sandbox next looks at its schedule (a request, or reading balances).
    expect(sandbox.balances(trader.apiKey)).toMatchObject({ BTC: '2.2', USD: '93980' });
    expect(body(await socket.event('OrderTradeEvent'))).toMatchObject({
      OrderId: orderId,
      Quantity: 0.2,
      Price: 30100,
      Value: 6020,
    });
    expect(body(await socket.event('OrderStateEvent'))).toMatchObject({
      OrderId: orderId,
      OrderState: 'Working',
      QuantityExecuted: 0.2,
    });

    sandbox.market.fill(orderId);
    expect(sandbox.balances(trader.apiKey)).toMatchObject({ BTC: '2.5', USD: '84950' });
    expect(body(await socket.event('OrderTradeEvent'))).toMatchObject({ Quantity: 0.3, Value: 9030 });
    expect(body(await socket.event('OrderStateEvent'))).toMatchObject({
      OrderState: 'FullyExecuted',
      QuantityExecuted: 0.5,
    });
    await socket.close();
  });
});
