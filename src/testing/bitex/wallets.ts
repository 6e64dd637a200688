import { formatDecimal } from '../decimal.js';

/** One user's funds in one currency, in units of 10^-8. */
export interface Holding {
  available: bigint;
  /** Held by open orders. */
  reserved: bigint;
}

/** A holding as decimal strings, for tests and answers. */
export interface BalanceView {
  readonly available: string;
  readonly reserved: string;
  readonly total: string;
}

/** Every user's funds, per currency. Operations that would overdraw refuse and change nothing. */
export class Wallets {
  readonly #holdings = new Map<number, Map<string, Holding>>();

  /** The holding of `userId` in `currency`, created empty on first use. */
  holding(userId: number, currency: string): Holding {
    let user = this.#holdings.get(userId);
    if (!user) {
      user = new Map();
      this.#holdings.set(userId, user);
    }
    let holding = user.get(currency);
    if (!holding) {
      holding = { available: 0n, reserved: 0n };
      user.set(currency, holding);
    }
    return holding;
  }

  /** Adds to the available funds. */
  credit(userId: number, currency: string, amount: bigint): void {
    this.holding(userId, currency).available += amount;
  }

  /** Takes from the available funds; `false` (and no change) when they do not cover `amount`. */
  debit(userId: number, currency: string, amount: bigint): boolean {
    const holding = this.holding(userId, currency);
    if (holding.available < amount) return false;
    holding.available -= amount;
    return true;
  }

  /** Moves available funds to reserved; `false` (and no change) when they do not cover `amount`. */
  reserve(userId: number, currency: string, amount: bigint): boolean {
    const holding = this.holding(userId, currency);
    if (holding.available < amount) return false;
    holding.available -= amount;
    holding.reserved += amount;
    return true;
  }

  /** Moves reserved funds back to available. */
  release(userId: number, currency: string, amount: bigint): void {
    const holding = this.holding(userId, currency);
    holding.reserved -= amount;
    holding.available += amount;
  }

  /** Takes reserved funds away (an order filled). */
  spendReserved(userId: number, currency: string, amount: bigint): void {
    this.holding(userId, currency).reserved -= amount;
  }

  /** Every currency `userId` has touched, as decimal strings. */
  view(userId: number): Record<string, BalanceView> {
    const view: Record<string, BalanceView> = {};
    for (const [currency, holding] of this.#holdings.get(userId) ?? []) {
      view[currency] = {
        available: formatDecimal(holding.available),
        reserved: formatDecimal(holding.reserved),
        total: formatDecimal(holding.available + holding.reserved),
      };
    }
    return view;
  }
}
