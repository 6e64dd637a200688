import { multiplyDecimal } from '../decimal.js';
import { parsePositive } from './ledger.js';
import { makerBook } from './market.js';
import { PAIRS } from './markets.js';
import { FEE_UNITS } from './orders.js';
import type { BitexbitState, Order } from './state.js';

/** What a resting order still holds of its reserve: a buy spent price × filled, a sell the amount filled. */
export function unspentReserve(order: Order): bigint {
  return order.reserve.units - (order.type === 'buy-limit' ? order.value : order.filled);
}

/**
 * Another user takes `amount` (default all that is open) of the account's resting order `id` at its price: the
 * fee is taken from what the account receives, the order stays `submitted` until it is filled whole. An order no
 * longer open is left alone (`false`); an amount above what is open fills what is open.
 */
export function fillResting(state: BitexbitState, id: number, amount?: string): boolean {
  const order = state.orders.get(id);
  if (order?.state !== 'submitted') return false;
  const asked = amount === undefined ? undefined : parsePositive(amount);
  if (amount !== undefined && asked === undefined)
    throw new TypeError('bitexbit sandbox: amount must be a positive decimal string');
  const open = order.amount - order.filled;
  const filled = asked === undefined || asked > open ? open : asked;
  const [base, quote] = PAIRS[order.symbol] ?? ['', ''];
  const buying = order.type === 'buy-limit';
  const value = multiplyDecimal(order.price, filled);
  const fee = multiplyDecimal(buying ? filled : value, FEE_UNITS);
  state.ledger.spendReserved(buying ? quote : base, buying ? value : filled);
  state.ledger.credit(buying ? base : quote, (buying ? filled : value) - fee);
  order.filled += filled;
  order.value += value;
  order.fee += fee;
  if (order.filled === order.amount) {
    state.ledger.release(order.reserve.symbol, unspentReserve(order));
    Object.assign(order, { state: 'filled', doneAt: state.now() });
  }
  const book = makerBook(order.symbol);
  const taker = buying ? book.asks[0] : book.bids[0];
  const fill = {
    id: state.nextId(),
    date: state.now(),
    symbol: order.symbol,
    price: order.price,
    amount: filled,
    type: buying ? ('sell' as const) : ('buy' as const),
    orderId: order.id,
    sideOrder: taker?.id ?? 0,
    fee,
    feeSymbol: buying ? base : quote,
  };
  state.fills.push(fill);
  state.tape.push(fill);
  return true;
}
