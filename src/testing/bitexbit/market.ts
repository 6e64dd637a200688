import { formatDecimal, parseDecimal } from '../decimal.js';
import { PAIRS } from './markets.js';
import type { TapeTrade } from './state.js';

const units = (amount: string) => parseDecimal(amount) ?? 0n;

/** The price each pair trades around. */
const REFERENCE: Readonly<Record<string, bigint>> = {
  BTC_USD: units('30000'),
  ETH_USD: units('2000'),
  BTC_USDT: units('30000'),
  USDT_USD: units('1'),
  ETH_USDT: units('2000'),
};

/** The price `symbol` trades around (0 for a pair the sandbox does not list). */
export function referencePrice(symbol: string): bigint {
  return REFERENCE[symbol] ?? 0n;
}

/** One resting order of the sandbox's market maker: a price level with an id the account's fills name. */
interface MakerLevel {
  readonly id: number;
  readonly price: bigint;
  readonly amount: bigint;
}

/** The market maker's resting orders of one pair, best first on each side: 0.3% and 0.7% off the reference. */
export function makerBook(symbol: string): { asks: MakerLevel[]; bids: MakerLevel[] } {
  const reference = referencePrice(symbol);
  const index = Object.keys(PAIRS).indexOf(symbol);
  const level = (side: number, permille: bigint, amount: string, slot: number): MakerLevel => ({
    id: 900_000 + index * 10 + slot,
    price: reference + (BigInt(side) * reference * permille) / 1000n,
    amount: units(amount),
  });
  return {
    asks: [level(1, 3n, '0.5', 0), level(1, 7n, '1', 1)],
    bids: [level(-1, 3n, '0.7', 2), level(-1, 7n, '1.4', 3)],
  };
}

/**
 * Whether `id` is one of the market maker's resting orders, of any pair: orders of another user, which the
 * account sees as the `side_order` of its fills.
 */
export function isMakerOrder(id: number): boolean {
  return Object.keys(PAIRS).some((symbol) => {
    const { asks, bids } = makerBook(symbol);
    return [...asks, ...bids].some((level) => level.id === id);
  });
}

/** The documented timeframes of `/ohlcv`, in minutes (`D` is a day). */
const TIMEFRAMES: Readonly<Record<string, number>> = { 5: 5, 15: 15, 30: 30, 60: 60, 240: 240, D: 1440 };

/** A timeframe's length in milliseconds, or `undefined` for one the docs do not list. */
export function timeframeMs(timeframe: string | undefined): number | undefined {
  const minutes = timeframe === undefined ? undefined : TIMEFRAMES[timeframe];
  return minutes === undefined ? undefined : minutes * 60_000;
}

const HISTORY_STEPS_PERMILLE = [-3n, 1n, 4n, -2n, 2n, 0n];

/** Some market history for every pair: six trades, 40 minutes apart, ending 40 minutes before `now`. */
export function seedTape(now: number): TapeTrade[] {
  const tape: TapeTrade[] = [];
  for (const [index, permille] of HISTORY_STEPS_PERMILLE.entries()) {
    for (const symbol of Object.keys(PAIRS)) {
      const reference = referencePrice(symbol);
      tape.push({
        id: 1_000_000 + tape.length,
        date: now - (HISTORY_STEPS_PERMILLE.length - index) * 40 * 60_000,
        symbol,
        price: reference + (reference * permille) / 1000n,
        amount: units('0.1') * BigInt(index + 1),
        type: permille < 0n ? 'sell' : 'buy',
      });
    }
  }
  return tape;
}

/** Open, high, low, close and base volume of some trades, as decimal strings. */
export function summary(trades: readonly TapeTrade[]) {
  const prices = trades.map((trade) => trade.price);
  const first = prices[0] ?? 0n;
  return {
    open: formatDecimal(first),
    high: formatDecimal(prices.reduce((a, b) => (b > a ? b : a), first)),
    low: formatDecimal(prices.reduce((a, b) => (b < a ? b : a), first)),
    close: formatDecimal(prices.at(-1) ?? first),
    volume: trades.reduce((sum, trade) => sum + trade.amount, 0n),
  };
}
