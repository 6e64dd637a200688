import { parseDecimal } from '../decimal.js';

/** An orderbook: a pair of a coin (base) and a currency it is priced in (quote). */
export interface Orderbook {
  readonly id: number;
  readonly code: string;
  readonly base: string;
  readonly quote: string;
  /** The price the seeded market trades around. */
  readonly referencePrice: bigint;
}

const book = (id: number, base: string, quote: string, price: string): Orderbook => ({
  id,
  code: `${base}_${quote}`,
  base,
  quote,
  referencePrice: parseDecimal(price) ?? 0n,
});

/** The orderbooks the sandbox trades. */
export const ORDERBOOKS: readonly Orderbook[] = [
  book(1, 'btc', 'usd', '30000'),
  book(5, 'btc', 'ars', '30000000'),
  book(10, 'bch', 'usd', '250'),
];

/** Coins, which live in `coin_wallets` and leave through `coin_withdrawals`. */
export const COINS: readonly string[] = ['btc', 'bch'];

/** Fiat currencies, which live in `cash_wallets` and leave through `cash_withdrawals`. */
export const CASH: readonly string[] = ['usd', 'ars'];

/** The orderbook with this code (`btc_usd`), if the sandbox has it. */
export function findOrderbook(code: unknown): Orderbook | undefined {
  return ORDERBOOKS.find((orderbook) => orderbook.code === code);
}
