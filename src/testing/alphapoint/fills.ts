import { formatDecimal, multiplyDecimal, parseDecimal } from '../decimal.js';
import { publishOrderState, publishPosition } from './account-events.js';
import type { AlphaPointState } from './dispatch.js';
import { accountTopic, level1Topic } from './events.js';
import { level1, ticks } from './views.js';

/** The clearing account on the other side of every sandbox trade (slate: "the counterparty is always the clearing account"). */
const CLEARING_ACCOUNT = 1;

/**
 * Trades a working order in full at its limit price against the clearing account, as a market that reaches it:
 * the order becomes `FullyExecuted`, BTC and USD move on its account, BTCUSD's last trade is its price, and the
 * account's subscribers get `OrderTradeEvent`, `OrderStateEvent` and an `AccountPositionEvent` per product, the
 * Level1 subscribers a `Level1UpdateEvent`. Returns the trade id.
 */
export function fillOrder(state: AlphaPointState, orderId: number): number {
  const order = state.book.orders.find((item) => item.orderId === orderId);
  if (order?.state !== 'Working') throw new Error(`alphapoint sandbox: no working order ${orderId}`);
  const account = [...state.accounts.values()].find((item) => item.accountId === order.accountId);
  if (!account) throw new Error(`alphapoint sandbox: no account ${order.accountId}`);
  const quantity = parseDecimal(order.quantity) ?? 0n;
  const price = parseDecimal(order.price) ?? 0n;
  const value = multiplyDecimal(quantity, price);
  const sign = order.side === 'Buy' ? 1n : -1n;
  account.balances.set('BTC', (account.balances.get('BTC') ?? 0n) + sign * quantity);
  account.balances.set('USD', (account.balances.get('USD') ?? 0n) - sign * value);
  order.state = 'FullyExecuted';
  order.quantityExecuted = order.quantity;
  state.book.nextId += 1;
  const tradeId = state.book.nextId;
  const now = state.now();
  const previous = state.market.LastTradedPx;
  Object.assign(state.market, {
    LastTradedPx: Number(order.price),
    LastTradedQty: Number(order.quantity),
    LastTradeTime: now,
  });
  const direction =
    state.market.LastTradedPx > previous
      ? 'Uptick'
      : state.market.LastTradedPx < previous
        ? 'Downtick'
        : 'NoChange';
  // The fields slate lists for OrderTradeEvent (users/_api_users_user_subscribeaccountevents.md).
  state.events.publish(accountTopic(account.accountId), 'OrderTradeEvent', {
    OMSId: account.omsId,
    TradeId: tradeId,
    OrderId: order.orderId,
    AccountId: account.accountId,
    ClientOrderId: order.clientOrderId,
    InstrumentId: order.instrumentId,
    Side: order.side,
    Quantity: Number(order.quantity),
    Price: Number(order.price),
    Value: Number(formatDecimal(value)),
    TradeTime: ticks(now),
    ContraAcctId: CLEARING_ACCOUNT,
    OrderTradeRevision: 1,
    Direction: direction,
    CounterPartyClientUserId: 0,
    NotionalProductId: 0,
    NotionalRate: 0,
    NotionalValue: 0,
  });
  publishOrderState(state, order);
  publishPosition(state, account, 'BTC');
  publishPosition(state, account, 'USD');
  state.events.publish(level1Topic(order.instrumentId), 'Level1UpdateEvent', level1(now, state.market));
  return tradeId;
}
