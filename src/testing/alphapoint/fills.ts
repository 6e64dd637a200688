import { formatDecimal, multiplyDecimal, parseDecimal } from '../decimal.js';
import { publishOrderState, publishPosition } from './account-events.js';
import { changeBalance } from './accounts.js';
import type { AlphaPointState } from './dispatch.js';
import { accountTopic, level1Topic } from './events.js';
import { INSTRUMENT, level1, ticks } from './views.js';

/** The clearing account on the other side of every sandbox trade (slate: "the counterparty is always the clearing account"). */
const CLEARING_ACCOUNT = 1;

/**
 * Trades `amount` (default all that is left) of a working order at its limit price against the clearing account,
 * as a market that reaches it: the order stays `Working` until it is filled whole, then is `FullyExecuted`; the
 * bought product and its price move on its account (a balance never goes below 0); BTCUSD's last trade is its
 * price; and the account's subscribers get `OrderTradeEvent`, `OrderStateEvent` and an `AccountPositionEvent` per
 * product, the Level1 subscribers a `Level1UpdateEvent`. Returns the trade id, or `undefined` when the order is
 * not working (nothing changes).
 */
export function tradeOrder(state: AlphaPointState, orderId: number, amount?: string): number | undefined {
  const order = state.book.orders.find((item) => item.orderId === orderId);
  if (order?.state !== 'Working') return undefined;
  const account = [...state.accounts.values()].find((item) => item.accountId === order.accountId);
  const quantity = parseDecimal(order.quantity) ?? 0n;
  const executed = parseDecimal(order.quantityExecuted) ?? 0n;
  const asked = amount === undefined ? undefined : parseDecimal(amount);
  const left = quantity - executed;
  const filled = asked === undefined || asked > left ? left : asked;
  const price = parseDecimal(order.price) ?? 0n;
  const value = multiplyDecimal(filled, price);
  const buying = order.side === 'Buy';
  if (account) {
    changeBalance(account, INSTRUMENT.Product1Symbol, buying ? filled : -filled);
    changeBalance(account, INSTRUMENT.Product2Symbol, buying ? -value : value);
  }
  order.quantityExecuted = formatDecimal(executed + filled);
  if (executed + filled === quantity) order.state = 'FullyExecuted';
  state.book.nextId += 1;
  const tradeId = state.book.nextId;
  const now = state.now();
  const previous = state.market.LastTradedPx;
  Object.assign(state.market, {
    LastTradedPx: Number(order.price),
    LastTradedQty: Number(formatDecimal(filled)),
    LastTradeTime: now,
  });
  const direction =
    state.market.LastTradedPx > previous
      ? 'Uptick'
      : state.market.LastTradedPx < previous
        ? 'Downtick'
        : 'NoChange';
  // The fields slate lists for OrderTradeEvent (users/_api_users_user_subscribeaccountevents.md).
  if (!account) return tradeId;
  state.events.publish(accountTopic(account.accountId), 'OrderTradeEvent', {
    OMSId: account.omsId,
    TradeId: tradeId,
    OrderId: order.orderId,
    AccountId: account.accountId,
    ClientOrderId: order.clientOrderId,
    InstrumentId: order.instrumentId,
    Side: order.side,
    Quantity: Number(formatDecimal(filled)),
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
  publishPosition(state, account, INSTRUMENT.Product1Symbol);
  publishPosition(state, account, INSTRUMENT.Product2Symbol);
  state.events.publish(level1Topic(order.instrumentId), 'Level1UpdateEvent', level1(now, state.market));
  return tradeId;
}
