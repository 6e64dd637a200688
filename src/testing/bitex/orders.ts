import { divideDecimal, multiplyDecimal } from '../decimal.js';
import type { Orderbook } from './markets.js';
import type { BitexState, Order } from './state.js';

/** What a new order needs. */
interface OrderRequest {
  readonly userId: number;
  readonly side: 'bid' | 'ask';
  readonly orderbook: Orderbook;
  /** Bid: quote currency to spend. Ask: base coin to sell. */
  readonly amount: bigint;
  readonly price: bigint;
}

/** The currency an order holds: a bid holds quote currency, an ask holds the base coin. */
export function heldCurrency(order: Pick<Order, 'side' | 'orderbook'>): string {
  return order.side === 'bid' ? order.orderbook.quote : order.orderbook.base;
}

function crosses(taker: Order, maker: Order): boolean {
  return taker.side === 'bid' ? maker.price <= taker.price : maker.price >= taker.price;
}

function makersFor(state: BitexState, taker: Order): Order[] {
  return state.orders
    .filter(
      (maker) =>
        maker.status === 'executing' &&
        maker.side !== taker.side &&
        maker.orderbook === taker.orderbook &&
        crosses(taker, maker),
    )
    .sort((a, b) => {
      if (a.price !== b.price) return a.price < b.price === (taker.side === 'bid') ? -1 : 1;
      return a.id - b.id;
    });
}

/** A bid whose remaining cash buys nothing at its price is done: its dust goes back to available. */
function completeIfSpent(state: BitexState, order: Order): void {
  const spent =
    order.side === 'ask' ? order.remaining === 0n : divideDecimal(order.remaining, order.price) === 0n;
  if (!spent || order.status !== 'executing') return;
  if (order.remaining > 0n) state.wallets.release(order.userId, heldCurrency(order), order.remaining);
  order.status = 'completed';
}

/** Matches a bid and an ask at `price` for as much as both allow; `false` when nothing could be matched. */
export function matchPair(state: BitexState, bid: Order, ask: Order, price: bigint): boolean {
  const affordable = divideDecimal(bid.remaining, price);
  const coin = ask.remaining < affordable ? ask.remaining : affordable;
  if (coin <= 0n) return false;
  const cash = multiplyDecimal(coin, price);
  const { base, quote } = bid.orderbook;
  state.wallets.spendReserved(bid.userId, quote, cash);
  state.wallets.credit(bid.userId, base, coin);
  state.wallets.spendReserved(ask.userId, base, coin);
  state.wallets.credit(ask.userId, quote, cash);
  const orderbook = bid.orderbook.code;
  state.recordMovement(bid.userId, { kind: 'Buy', currency: base, amount: coin, orderbook, price });
  state.recordMovement(ask.userId, { kind: 'Sell', currency: base, amount: coin, orderbook, price });
  bid.remaining -= cash;
  ask.remaining -= coin;
  state.trades.push({
    id: state.nextId(),
    orderbook: bid.orderbook,
    buyerId: bid.userId,
    sellerId: ask.userId,
    bidId: bid.id,
    askId: ask.id,
    coinAmount: coin,
    cashAmount: cash,
    price,
    createdAt: state.now(),
  });
  completeIfSpent(state, bid);
  completeIfSpent(state, ask);
  return true;
}

/**
 * Places an order: reserves what it holds, then matches it against resting orders of the other side at their
 * (maker) prices, best price first. What is left rests on the book.
 *
 * @returns The order, or `undefined` (and no change) when the user's available funds do not cover it.
 */
export function placeOrder(state: BitexState, request: OrderRequest): Order | undefined {
  if (!state.wallets.reserve(request.userId, heldCurrency(request), request.amount)) return undefined;
  const order: Order = {
    ...request,
    id: state.nextId(),
    remaining: request.amount,
    status: 'executing',
    createdAt: state.now(),
  };
  state.orders.push(order);
  for (const maker of makersFor(state, order)) {
    const [bid, ask] = order.side === 'bid' ? [order, maker] : [maker, order];
    if (!matchPair(state, bid, ask, maker.price) || order.status !== 'executing') break;
  }
  return order;
}

/** Cancels an executing order, returning what it still holds; cancelling again changes nothing. */
export function cancelOrder(state: BitexState, order: Order): void {
  if (order.status !== 'executing') return;
  state.wallets.release(order.userId, heldCurrency(order), order.remaining);
  order.status = 'cancelled';
}
