import { divideDecimal } from '../decimal.js';
import type { Orderbook } from './markets.js';
import type { BitexState, Trade } from './state.js';
import { decimal } from './views.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

/** One price level of an orderbook side: the coin amount resting at that price. */
interface PriceLevel {
  readonly price: bigint;
  readonly amount: bigint;
}

/** The trades of an orderbook (all when `orderbook` is `undefined`), oldest first. */
export function tradesOf(state: BitexState, orderbook: Orderbook | undefined): Trade[] {
  return state.trades.filter((trade) => !orderbook || trade.orderbook === orderbook);
}

/** The resting orders of one side grouped by price, best first; amounts in the base coin. */
export function priceLevels(state: BitexState, orderbook: Orderbook, side: 'bid' | 'ask'): PriceLevel[] {
  const levels = new Map<bigint, bigint>();
  for (const order of state.orders) {
    if (order.status !== 'executing' || order.orderbook !== orderbook || order.side !== side) continue;
    const coin = side === 'ask' ? order.remaining : divideDecimal(order.remaining, order.price);
    levels.set(order.price, (levels.get(order.price) ?? 0n) + coin);
  }
  return [...levels]
    .map(([price, amount]) => ({ price, amount }))
    .sort((a, b) => (a.price === b.price ? 0 : a.price > b.price === (side === 'bid') ? -1 : 1));
}

/** Open, high, low, close, volume and VWAP of some trades, as JSON numbers; `fallback` prices an empty span. */
function summary(trades: readonly Trade[], fallback: bigint) {
  const prices = trades.map((trade) => trade.price);
  const coin = trades.reduce((sum, trade) => sum + trade.coinAmount, 0n);
  const cash = trades.reduce((sum, trade) => sum + trade.cashAmount, 0n);
  const max = prices.reduce((a, b) => (b > a ? b : a), prices[0] ?? fallback);
  const min = prices.reduce((a, b) => (b < a ? b : a), prices[0] ?? fallback);
  return {
    open: decimal(prices[0] ?? fallback),
    high: decimal(max),
    low: decimal(min),
    close: decimal(prices.at(-1) ?? fallback),
    volume: decimal(coin),
    vwap: decimal(coin > 0n ? divideDecimal(cash, coin) : fallback),
  };
}

/** The ticker attributes of an orderbook over the last 24 hours. */
export function tickerAttributes(state: BitexState, orderbook: Orderbook): Record<string, unknown> {
  const all = tradesOf(state, orderbook);
  const day = all.filter((trade) => trade.createdAt > state.now() - DAY_MS);
  const { open, high, low, close, volume, vwap } = summary(
    day,
    all.at(-1)?.price ?? orderbook.referencePrice,
  );
  const bid = priceLevels(state, orderbook, 'bid')[0];
  const ask = priceLevels(state, orderbook, 'ask')[0];
  return {
    last: close,
    open,
    high,
    low,
    vwap,
    volume,
    bid: bid ? decimal(bid.price) : null,
    ask: ask ? decimal(ask.price) : null,
    price_before_last: decimal(all.at(-2)?.price ?? all.at(-1)?.price ?? orderbook.referencePrice),
  };
}

/** Hourly candles of an orderbook's trades, oldest first. */
export function candles(state: BitexState, orderbook: Orderbook): Record<string, unknown>[] {
  const hours = new Map<number, Trade[]>();
  for (const trade of tradesOf(state, orderbook)) {
    const hour = Math.floor(trade.createdAt / HOUR_MS) * HOUR_MS;
    hours.set(hour, [...(hours.get(hour) ?? []), trade]);
  }
  const all = tradesOf(state, orderbook);
  return [...hours].map(([hour, trades]) => {
    const before = all.filter((trade) => trade.createdAt < hour).at(-1)?.price;
    return {
      timestamp: hour / 1000,
      ...summary(trades, orderbook.referencePrice),
      price_before_last: decimal(before ?? trades[0]?.price ?? orderbook.referencePrice),
      orderbook_code: orderbook.code,
    };
  });
}
