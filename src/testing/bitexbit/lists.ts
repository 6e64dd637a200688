import { formatDecimal } from '../decimal.js';
import type { ServerAnswer } from '../http-server.js';
import { answer, invalid } from './answers.js';
import { makerBook, referencePrice, summary, timeframeMs } from './market.js';
import { NETWORKS, PAIRS } from './markets.js';
import { FEE_RATE } from './orders.js';
import type { BitexbitState, Order, TapeTrade } from './state.js';
import { listedOrder, privateTrade, publicTrade } from './views.js';

// The list and market-data answers of API v2, in the shapes of bitexbit/api-docs-v2's examples.

type Query = Readonly<Record<string, string>>;

const CURRENCY_NAMES: Readonly<Record<string, string>> = {
  BTC: 'Bitcoin',
  ETH: 'Ethereum',
  USDT: 'Tether USD',
  USD: 'US Dollar',
};

/** GET /api/v2/public/currencies. */
export function currencies(): unknown[] {
  return Object.keys(NETWORKS).map((code) => ({
    code,
    name: CURRENCY_NAMES[code] ?? code,
    image_url: `https://sandbox.invalid/media/currency/${code}.png`,
    precision: 8,
    is_enabled: true,
  }));
}

/** GET /api/v2/public/pairs. */
export function pairs(): unknown[] {
  return Object.entries(PAIRS).map(([symbol, [base, quote]]) => ({
    symbol,
    label: `${base}/${quote}`,
    base,
    quote,
    price_precision: 8,
    amount_precision: 8,
    min_amount: '0.00001',
    max_amount: '100000000',
    min_value: '0.00001',
    can_create_order: true,
    can_cancel_order: true,
    is_enabled: true,
  }));
}

/** Whether an order passes the documented filters `symbol`, `type` and `status` (active, canceled, done). */
function orderFilter(query: Query) {
  const states = { active: 'submitted', canceled: 'canceled', done: 'filled' } as const;
  const wanted = query.status === undefined ? undefined : states[query.status as keyof typeof states];
  return (order: Order) =>
    (query.symbol === undefined || order.symbol === query.symbol) &&
    (query.type === undefined || order.type === query.type) &&
    (query.status === undefined || order.state === wanted);
}

/** GET /api/v2/private/orders: the account's orders, newest first. */
export function accountOrders(state: BitexbitState, query: Query = {}): unknown[] {
  return [...state.orders.values()]
    .filter(orderFilter(query))
    .reverse()
    .map((order) => listedOrder(order, true));
}

/** GET /api/v2/public/orders: the resting orders of the book, newest first (the account's, in this sandbox). */
export function publicOrders(state: BitexbitState, query: Query): unknown[] {
  return [...state.orders.values()]
    .filter((order) => order.state === 'submitted' && orderFilter(query)(order))
    .reverse()
    .map((order) => listedOrder(order, false));
}

const tradeFilter = (query: Query) => (trade: TapeTrade) =>
  (query.symbol === undefined || trade.symbol === query.symbol) &&
  (query.type === undefined || trade.type === query.type);

/** GET /api/v2/public/trades: the tape, newest first. */
export function publicTrades(state: BitexbitState, query: Query): unknown[] {
  return state.tape.filter(tradeFilter(query)).reverse().map(publicTrade);
}

/** GET /api/v2/private/trades: the account's fills, newest first. */
export function accountTrades(state: BitexbitState, query: Query): unknown[] {
  return state.fills
    .filter(tradeFilter(query))
    .reverse()
    .map((fill) => privateTrade(fill, FEE_RATE));
}

/** GET /api/v2/private/trading-fees: the sandbox's one rate, for every pair. */
export function tradingFees(): unknown {
  const rates = { sell_fee_rate: FEE_RATE, buy_fee_rate: FEE_RATE };
  return { ...rates, pair_fee_rates: Object.keys(PAIRS).map((symbol) => ({ symbol, ...rates })) };
}

/** A required `symbol` that names a listed pair, or the 400 refusing it. */
function pairOf(query: Query): string | ServerAnswer {
  const symbol = query.symbol;
  if (symbol !== undefined && PAIRS[symbol]) return symbol;
  return invalid({ symbol: `required, one of ${Object.keys(PAIRS).join(', ')}` });
}

/** GET /api/v2/public/tickers (`symbols`: up to 5, comma-separated). */
export function tickers(state: BitexbitState, query: Query): unknown[] {
  const wanted = query.symbols?.split(',').filter((symbol) => symbol !== '');
  const day = state.now() - 24 * 60 * 60_000;
  return Object.keys(PAIRS)
    .filter((symbol) => !wanted || wanted.includes(symbol))
    .map((symbol) => {
      const all = state.tape.filter((trade) => trade.symbol === symbol);
      const recent = all.filter((trade) => trade.date > day);
      const { high, low, volume } = summary(recent.length ? recent : all.slice(-1));
      const book = makerBook(symbol);
      const last = all.at(-1)?.price ?? referencePrice(symbol);
      const first = recent[0]?.price ?? last;
      const change = first > 0n ? ((last - first) * 100n * 10n ** 8n) / first : 0n;
      return {
        date: all.at(-1)?.date ?? state.now(),
        symbol,
        last: formatDecimal(last),
        buy: formatDecimal(book.bids[0]?.price ?? 0n),
        sell: formatDecimal(book.asks[0]?.price ?? 0n),
        change: formatDecimal(change),
        vol1: formatDecimal(volume),
        vol2: formatDecimal(
          recent.reduce((sum, trade) => sum + (trade.price * trade.amount) / 10n ** 8n, 0n),
        ),
        high,
        low,
      };
    });
}

/** GET /api/v2/public/depth (`symbol` required): price levels as JSON numbers, as the example shows. */
export function depth(state: BitexbitState, query: Query): ServerAnswer {
  const symbol = pairOf(query);
  if (typeof symbol !== 'string') return symbol;
  const limit = Math.min(Number(query.limit ?? 50) || 50, 50);
  const book = makerBook(symbol);
  const mine = (type: Order['type']) =>
    [...state.orders.values()]
      .filter((order) => order.symbol === symbol && order.type === type && order.state === 'submitted')
      .map((order) => ({ price: order.price, amount: order.amount - order.filled }));
  const side = (levels: { price: bigint; amount: bigint }[], descending: boolean) => {
    const merged = new Map<bigint, bigint>();
    for (const level of levels) merged.set(level.price, (merged.get(level.price) ?? 0n) + level.amount);
    return [...merged]
      .sort(([a], [b]) => (a === b ? 0 : a < b === descending ? 1 : -1))
      .slice(0, limit)
      .map(([price, amount]) => [Number(formatDecimal(price)), Number(formatDecimal(amount))]);
  };
  const asks = side([...book.asks, ...mine('sell-limit')], false);
  const bids = side([...book.bids, ...mine('buy-limit')], true);
  const sum = (levels: number[][]) => levels.reduce((total, level) => total + (level[1] ?? 0), 0);
  return answer(200, { date: state.now() / 1000, asks, bids, sum_bids: sum(bids), sum_asks: sum(asks) });
}

/** GET /api/v2/public/ohlcv (`symbol` and `timeframe` required): `[opened at (ms), o, h, l, c, volume]`. */
export function ohlcv(state: BitexbitState, query: Query): ServerAnswer {
  const symbol = pairOf(query);
  if (typeof symbol !== 'string') return symbol;
  const span = timeframeMs(query.timeframe);
  if (span === undefined) return invalid({ timeframe: 'required, one of 5, 15, 30, 60, 240, D' });
  const buckets = new Map<number, TapeTrade[]>();
  for (const trade of state.tape) {
    if (trade.symbol !== symbol) continue;
    const start = Math.floor(trade.date / span) * span;
    buckets.set(start, [...(buckets.get(start) ?? []), trade]);
  }
  return answer(
    200,
    [...buckets].map(([start, trades]) => {
      const { open, high, low, close, volume } = summary(trades);
      return [start, open, high, low, close, formatDecimal(volume)];
    }),
  );
}
