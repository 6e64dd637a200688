import { divideDecimal, multiplyDecimal, parseDecimal } from '../decimal.js';
import { cancelOrder, heldCurrency, matchPair } from './orders.js';
import { SEED_USER_IDS } from './seed.js';
import type { BitexState, Order } from './state.js';

/**
 * The market maker takes `coin` (default all that is left) of the executing order `orderId` at its price, with
 * an order of its own matched against that order alone (never against the book): a partial fill leaves it
 * executing. An order no longer executing is left alone (`false`).
 */
export function fillOrder(state: BitexState, orderId: number, coin?: string): boolean {
  const order = state.orders.find((candidate) => candidate.id === orderId);
  if (order?.status !== 'executing') return false;
  const asked = coin === undefined ? undefined : parseDecimal(coin);
  const left = order.side === 'ask' ? order.remaining : divideDecimal(order.remaining, order.price);
  const taken = asked === undefined || asked > left ? left : asked;
  const side = order.side === 'bid' ? 'ask' : 'bid';
  const amount = side === 'ask' ? taken : multiplyDecimal(taken, order.price);
  const maker = SEED_USER_IDS.marketMaker;
  const counter: Order = {
    id: state.nextId(),
    side,
    userId: maker,
    orderbook: order.orderbook,
    amount,
    remaining: amount,
    price: order.price,
    status: 'executing',
    createdAt: state.now(),
  };
  if (!state.wallets.reserve(maker, heldCurrency(counter), amount)) return false;
  state.orders.push(counter);
  const [bid, ask] = order.side === 'bid' ? [order, counter] : [counter, order];
  matchPair(state, bid, ask, order.price);
  cancelOrder(state, counter);
  return true;
}

/** Adds `amount` (negative: takes it) to a user's available `currency`, never below 0, recorded as a movement. */
export function changeBalance(state: BitexState, userId: number, currency: string, amount: bigint): void {
  const available = state.wallets.holding(userId, currency).available;
  const change = available + amount < 0n ? -available : amount;
  if (change >= 0n) state.wallets.credit(userId, currency, change);
  else state.wallets.debit(userId, currency, -change);
  const kind = change >= 0n ? 'Deposit' : 'Withdrawal';
  state.recordMovement(userId, { kind, currency, amount: change >= 0n ? change : -change });
}
