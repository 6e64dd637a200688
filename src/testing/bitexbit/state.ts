import { KeyRing } from './keys.js';
import { Ledger } from './ledger.js';

/** The account's balances when none are given. */
export const DEFAULT_BALANCES: Readonly<Record<string, string>> = {
  BTC: '2',
  ETH: '10',
  USD: '100000',
  USDT: '50000',
};

/** A limit order; `reserve` is what it holds of the balance while open. */
export interface Order {
  readonly id: number;
  readonly symbol: string;
  readonly type: 'buy-limit' | 'sell-limit';
  readonly price: string;
  readonly amount: string;
  status: 'open' | 'cancelled';
  readonly created_at: string;
  readonly reserve: { readonly symbol: string; readonly units: bigint };
}

/** A withdrawal the sandbox executed. */
export interface Withdrawal {
  readonly id: number;
  readonly ticker: string;
  readonly network: string;
  readonly address: string | undefined;
  readonly card: string | undefined;
  readonly amount: string;
  readonly fee: string;
  readonly fee_payer: string;
  readonly client_order_id: string | undefined;
  readonly status: 'pending';
  readonly created_at: string;
}

/** Everything the sandbox exchange knows: keys, balances, orders and withdrawals of its one account. */
export class BitexbitState {
  readonly keys = new KeyRing();
  readonly ledger: Ledger;
  readonly orders = new Map<number, Order>();
  /** Oldest first. */
  readonly withdrawals: Withdrawal[] = [];
  /** Every `client_order_id` a withdrawal used. */
  readonly clientOrderIds = new Set<string>();
  /** The exchange's clock in milliseconds. */
  readonly now: () => number;
  #nextId = 1;

  constructor(now: () => number, balances: Readonly<Record<string, string>> = DEFAULT_BALANCES) {
    this.now = now;
    this.ledger = new Ledger(balances);
  }

  /** A fresh id, shared by orders and withdrawals. */
  nextId(): number {
    return this.#nextId++;
  }

  /** The exchange's clock as an ISO 8601 timestamp, as records carry it. */
  timestamp(): string {
    return new Date(this.now()).toISOString();
  }
}
