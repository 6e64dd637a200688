import { formatDecimal, multiplyDecimal } from '../decimal.js';
import type { ServerAnswer } from '../http-server.js';
import { answer, insufficientFunds, invalid, refused } from './answers.js';
import { fieldsOf } from './body.js';
import { parsePositive } from './ledger.js';
import { PAIRS } from './markets.js';
import type { BitexbitState, Order } from './state.js';

/** An order as the exchange lists it (without what it reserves). */
export function orderView(order: Order): Record<string, unknown> {
  const { reserve: _reserve, ...view } = order;
  return view;
}

/** Every order of the account, as the exchange lists them. */
export function ordersView(state: BitexbitState): Record<string, unknown>[] {
  return [...state.orders.values()].map(orderView);
}

/** The open orders as the public order book shows them: no ids, no times. */
export function openOrdersView(state: BitexbitState): unknown[] {
  return [...state.orders.values()]
    .filter((order) => order.status === 'open')
    .map(({ symbol, type, price, amount }) => ({ symbol, type, price, amount }));
}

/**
 * Places a limit order from a `{symbol, type, price, amount}` body: 400 naming each invalid field, 400 when the
 * balance cannot cover it (a buy reserves price × amount of the quote, a sell the amount of the base).
 */
export function placeOrder(state: BitexbitState, json: unknown): ServerAnswer {
  const body = fieldsOf(json);
  const errors: Record<string, string> = {};
  const pair = typeof body.symbol === 'string' ? PAIRS[body.symbol] : undefined;
  if (!pair) errors.symbol = `must be one of ${Object.keys(PAIRS).join(', ')}`;
  if (body.type !== 'buy-limit' && body.type !== 'sell-limit')
    errors.type = 'must be buy-limit or sell-limit';
  const price = typeof body.price === 'string' ? parsePositive(body.price) : undefined;
  if (price === undefined) errors.price = 'must be a positive decimal string';
  const amount = typeof body.amount === 'string' ? parsePositive(body.amount) : undefined;
  if (amount === undefined) errors.amount = 'must be a positive decimal string';
  if (!pair || price === undefined || amount === undefined || Object.keys(errors).length > 0) {
    return invalid(errors);
  }
  const type = body.type as Order['type'];
  const reserve =
    type === 'buy-limit'
      ? { symbol: pair[1], units: multiplyDecimal(price, amount) }
      : { symbol: pair[0], units: amount };
  if (!state.ledger.reserve(reserve.symbol, reserve.units)) return insufficientFunds(reserve.symbol);
  const order: Order = {
    id: state.nextId(),
    symbol: body.symbol as string,
    type,
    price: formatDecimal(price),
    amount: formatDecimal(amount),
    status: 'open',
    created_at: state.timestamp(),
    reserve,
  };
  state.orders.set(order.id, order);
  return answer(200, orderView(order));
}

/** Cancels an open order by its id (as in the path) and releases what it reserved. */
export function cancelOrder(state: BitexbitState, id: string): ServerAnswer {
  const order = /^[0-9]+$/.test(id) ? state.orders.get(Number(id)) : undefined;
  if (!order) return refused(400, 'order not found');
  if (order.status !== 'open') return refused(400, 'order is not open');
  order.status = 'cancelled';
  state.ledger.release(order.reserve.symbol, order.reserve.units);
  return answer(200, orderView(order));
}
