import { multiplyDecimal, parseDecimal } from '../decimal.js';
import type { ServerAnswer } from '../http-server.js';
import { answer, insufficientFunds, invalid, refused, refusedWith } from './answers.js';
import { fieldsOf } from './body.js';
import { parsePositive } from './ledger.js';
import { isMakerOrder, makerBook } from './market.js';
import { PAIRS } from './markets.js';
import { unspentReserve } from './scripted.js';
import type { BitexbitState, Fill, Order } from './state.js';
import { answeredOrder, orderTrade } from './views.js';

/** The sandbox's fee on every match, as a rate of what the account receives (as the docs' default, 0.2%). */
export const FEE_RATE = '0.002';
/** {@link FEE_RATE} in units of 10^-8. */
export const FEE_UNITS = parseDecimal(FEE_RATE) ?? 0n;

/** The two currencies of an order's pair. */
const currenciesOf = (order: Pick<Order, 'symbol'>) => PAIRS[order.symbol] ?? ['', ''];

/**
 * Matches a new order against the market maker's best resting order when the price crosses it: the whole order
 * fills at the maker's price, the fee is taken from what the account receives, and the unspent reserve is
 * released. An order that does not cross rests.
 */
function match(state: BitexbitState, order: Order): Fill | undefined {
  const [base, quote] = currenciesOf(order);
  const book = makerBook(order.symbol);
  const buying = order.type === 'buy-limit';
  const maker = buying ? book.asks[0] : book.bids[0];
  if (!maker || (buying ? order.price < maker.price : order.price > maker.price)) return undefined;
  const value = multiplyDecimal(maker.price, order.amount);
  const received = buying ? order.amount : value;
  const fee = multiplyDecimal(received, FEE_UNITS);
  if (buying) {
    state.ledger.spendReserved(quote, value);
    state.ledger.release(quote, order.reserve.units - value);
    state.ledger.credit(base, received - fee);
  } else {
    state.ledger.spendReserved(base, order.amount);
    state.ledger.credit(quote, received - fee);
  }
  Object.assign(order, { state: 'filled', filled: order.amount, value, fee, doneAt: state.now() });
  const fill: Fill = {
    id: state.nextId(),
    date: state.now(),
    symbol: order.symbol,
    price: maker.price,
    amount: order.amount,
    type: buying ? 'buy' : 'sell',
    orderId: order.id,
    sideOrder: maker.id,
    fee,
    feeSymbol: buying ? base : quote,
  };
  state.fills.push(fill);
  state.tape.push(fill);
  return fill;
}

/**
 * Places a limit order from a `{symbol, type, price, amount}` body: 400 naming each invalid field, 400 when the
 * balance cannot cover it (a buy reserves price × amount of the quote, a sell the amount of the base). Answers as
 * "Create Order" documents: `{order, trades, funds}`, `funds` being the wallets the order changed.
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
    price,
    amount,
    date: state.now(),
    state: 'submitted',
    filled: 0n,
    value: 0n,
    fee: 0n,
    cancelled: 0n,
    doneAt: undefined,
    reserve,
  };
  state.orders.set(order.id, order);
  const fill = match(state, order);
  const funds = fill ? [...pair] : [reserve.symbol];
  return answer(200, {
    order: answeredOrder(order),
    trades: fill ? [orderTrade(fill)] : [],
    funds: state.ledger.view(funds),
  });
}

/**
 * Cancels a resting order by its id (as in the path) and releases what it reserved. Answers as "Cancel Order"
 * documents: `{cancel: {id, date}, order, funds}`. An order of another user (the market maker's) is refused with
 * 403, as api-docs-v2 ("Errors") words it: "You do not have access to do the operation. For example when you try
 * to cancel orders that was created by other user"; an id that names no order is bad input, 400.
 */
export function cancelOrder(state: BitexbitState, id: string): ServerAnswer {
  const known = /^[0-9]{1,15}$/.test(id);
  const order = known ? state.orders.get(Number(id)) : undefined;
  if (!order && known && isMakerOrder(Number(id))) return refusedWith(403, 'otherUsersOrder');
  if (!order) return refused(400, 'order not found', 'unknown-id');
  if (order.state !== 'submitted') return refused(400, 'order is not open');
  Object.assign(order, { state: 'canceled', cancelled: order.amount - order.filled, doneAt: state.now() });
  state.ledger.release(order.reserve.symbol, unspentReserve(order));
  return answer(200, {
    cancel: { id: state.nextId(), date: state.now() },
    order: answeredOrder(order),
    funds: state.ledger.view([order.reserve.symbol]),
  });
}
