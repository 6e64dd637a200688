import { formatDecimal, parseDecimal } from '../decimal.js';

/** A positive amount (`"0.001"`, `22`) in units of 10^-8, or `undefined` when it is not one. */
export function parsePositive(value: unknown): bigint | undefined {
  const units = parseDecimal(value);
  return units !== undefined && units > 0n ? units : undefined;
}

/** One currency's balance of the account. */
interface Holding {
  available: bigint;
  reserved: bigint;
}

/** An account's balances by currency symbol, kept exactly in units of 10^-8. */
export class Ledger {
  readonly #holdings = new Map<string, Holding>();

  constructor(initial: Readonly<Record<string, string>>) {
    for (const [symbol, amount] of Object.entries(initial)) this.set(symbol, amount);
  }

  /** Sets a balance: available = `amount`, reserved = 0. */
  set(symbol: string, amount: string): void {
    const units = parseDecimal(amount);
    if (units === undefined || units < 0n) throw new TypeError(`not a decimal amount: ${amount}`);
    this.#holdings.set(symbol, { available: units, reserved: 0n });
  }

  #holding(symbol: string): Holding {
    let holding = this.#holdings.get(symbol);
    if (!holding) {
      holding = { available: 0n, reserved: 0n };
      this.#holdings.set(symbol, holding);
    }
    return holding;
  }

  /** Moves `units` from available to reserved; false when not enough is available. */
  reserve(symbol: string, units: bigint): boolean {
    const holding = this.#holding(symbol);
    if (holding.available < units) return false;
    holding.available -= units;
    holding.reserved += units;
    return true;
  }

  /** Moves `units` back from reserved to available. */
  release(symbol: string, units: bigint): void {
    const holding = this.#holding(symbol);
    holding.reserved -= units;
    holding.available += units;
  }

  /** Takes `units` out of reserved (an order matched): they leave the account. */
  spendReserved(symbol: string, units: bigint): void {
    this.#holding(symbol).reserved -= units;
  }

  /** Adds `units` to available. */
  credit(symbol: string, units: bigint): void {
    this.#holding(symbol).available += units;
  }

  /** Takes `units` out of available; false when not enough is available. */
  debit(symbol: string, units: bigint): boolean {
    const holding = this.#holding(symbol);
    if (holding.available < units) return false;
    holding.available -= units;
    return true;
  }

  /** Adds `units` (negative: takes them) to available, never below 0: a deposit, or a transfer out. */
  change(symbol: string, units: bigint): void {
    const holding = this.#holding(symbol);
    holding.available = holding.available + units < 0n ? 0n : holding.available + units;
  }

  /** The balances as bitexbit answers them, in decimal strings; every currency when `symbols` is not given. */
  view(symbols?: readonly string[]): { symbol: string; available: string; reserved: string }[] {
    return (symbols ?? [...this.#holdings.keys()]).map((symbol) => {
      const holding = this.#holding(symbol);
      return {
        symbol,
        available: formatDecimal(holding.available),
        reserved: formatDecimal(holding.reserved),
      };
    });
  }
}
