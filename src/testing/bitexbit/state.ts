import { KeyRing } from './keys.js';
import { Ledger } from './ledger.js';
import { seedTape } from './market.js';

/** The account's balances when none are given. */
const DEFAULT_BALANCES: Readonly<Record<string, string>> = {
  BTC: '2',
  ETH: '10',
  USD: '100000',
  USDT: '50000',
};

/** A limit order of the account. Amounts are units of 10^-8; `reserve` is what it holds while open. */
export interface Order {
  readonly id: number;
  readonly symbol: string;
  readonly type: 'buy-limit' | 'sell-limit';
  readonly price: bigint;
  readonly amount: bigint;
  /** When it was placed, milliseconds. */
  readonly date: number;
  /** The documented states this sandbox reaches: resting, matched whole on placing, or cancelled. */
  state: 'submitted' | 'filled' | 'canceled';
  /** Base amount matched. */
  filled: bigint;
  /** Quote amount matched. */
  value: bigint;
  /** Fee charged on what was matched, in the currency received. */
  fee: bigint;
  /** Base amount cancelled. */
  cancelled: bigint;
  /** When it was filled or cancelled, milliseconds. */
  doneAt: number | undefined;
  readonly reserve: { readonly symbol: string; readonly units: bigint };
}

/** A trade of the public tape: the sandbox's market history and the account's own fills. */
export interface TapeTrade {
  readonly id: number;
  readonly date: number;
  readonly symbol: string;
  readonly price: bigint;
  readonly amount: bigint;
  /** The taker's side. */
  readonly type: 'buy' | 'sell';
}

/** One of the account's fills: its order matched the market maker's resting order `sideOrder`. */
export interface Fill extends TapeTrade {
  readonly orderId: number;
  readonly sideOrder: number;
  readonly fee: bigint;
  readonly feeSymbol: string;
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

/** What a withdrawal request said beyond {@link Withdrawal}, echoed in its answers. */
export interface WithdrawalDetails {
  readonly comment: string | null;
  readonly callbackUrl: string | null;
  readonly paymentId: string | null;
  readonly memo: string | null;
  readonly destinationTag: string | null;
  /** The buy order placed with the withdrawal (`auto_buy_ticker`), if asked for: ticker, amount, price. */
  readonly autoBuy: { readonly symbol: string; readonly amount: number; readonly price: number } | null;
}

/** Everything the sandbox exchange knows: keys, balances, orders, trades and withdrawals of its one account. */
export class BitexbitState {
  readonly keys = new KeyRing();
  readonly ledger: Ledger;
  readonly orders = new Map<number, Order>();
  /** The public tape, oldest first. */
  readonly tape: TapeTrade[] = [];
  /** The account's fills, oldest first. */
  readonly fills: Fill[] = [];
  /** Oldest first. */
  readonly withdrawals: Withdrawal[] = [];
  readonly withdrawalDetails = new Map<number, WithdrawalDetails>();
  /** Every `client_order_id` a withdrawal used. */
  readonly clientOrderIds = new Set<string>();
  /** The exchange's clock in milliseconds. */
  readonly now: () => number;
  #nextId = 1;

  constructor(now: () => number, balances: Readonly<Record<string, string>> = DEFAULT_BALANCES) {
    this.now = now;
    this.ledger = new Ledger(balances);
    this.tape.push(...seedTape(now()));
  }

  /** A fresh id, shared by orders, fills and withdrawals. */
  nextId(): number {
    return this.#nextId++;
  }

  /** The exchange's clock as an ISO 8601 timestamp, as records carry it. */
  timestamp(): string {
    return new Date(this.now()).toISOString();
  }
}
