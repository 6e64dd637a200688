import type { ReceivedRequest, ServerAnswer } from '../http-server.js';
import { dispatch } from './dispatch.js';
import type { SandboxAccess, SandboxCredentials, SandboxKeyOptions } from './keys.js';
import type { Ledger } from './ledger.js';
import { accountOrders } from './lists.js';
import { rateLimits } from './rate-limits.js';
import { BitexbitState, type Withdrawal } from './state.js';

/** Options of {@link BitexbitExchange}. */
interface BitexbitExchangeOptions {
  /** A path prefix the API is mounted under (`/prefix`), as behind a proxy that passes the path through. */
  basePath?: string;
  /** Enforce 2 private calls per second per key and 100 public calls per second per address. */
  rateLimit?: boolean;
  /** The exchange's clock in milliseconds (the loopback server's, which tests can shift). */
  now?: () => number;
  /** Starting balances of the account. */
  balances?: Readonly<Record<string, string>>;
}

/**
 * The state and rules of a bitexbit exchange, without HTTP: keys with access types and IP lists, signature and
 * nonce checks, balances, orders and withdrawals. {@link startBitexbitSandbox} serves it on loopback.
 */
export class BitexbitExchange {
  readonly #state: BitexbitState;
  readonly #handle: (request: ReceivedRequest) => ServerAnswer;
  readonly #executions = new Map<string, number>();
  /** The account's balances. */
  readonly ledger: Ledger;

  constructor(options: BitexbitExchangeOptions = {}) {
    const now = options.now ?? (() => Date.now());
    this.#state = new BitexbitState(now, options.balances);
    this.ledger = this.#state.ledger;
    const context = {
      basePath: (options.basePath ?? '').replace(/\/+$/, ''),
      state: this.#state,
      limits: rateLimits(options.rateLimit ?? false),
      executed: (route: string) => this.#executions.set(route, this.executions(route) + 1),
    };
    this.#handle = (request) => dispatch(context, request);
  }

  /** Registers a key of the account and returns its credentials. */
  addKey<A extends SandboxAccess>(options: SandboxKeyOptions<A>): SandboxCredentials<A> {
    return this.#state.keys.add(options);
  }

  /** Replaces a key's IP list; an empty list allows any address. */
  setAllowedIps(accessKey: string, ips: readonly string[]): void {
    this.#state.keys.setAllowedIps(accessKey, ips);
  }

  /** The last nonce the exchange received with a valid signature for a key (`undefined` before the first). */
  lastNonce(accessKey: string): bigint | undefined {
    return this.#state.keys.lastNonce(accessKey);
  }

  /**
   * How many times a route's handler ran (`'POST /api/gateway/withdraw/create'`). Requests refused by the
   * authentication, access, IP or rate-limit checks never reach it and do not count.
   */
  executions(route: string): number {
    return this.#executions.get(route) ?? 0;
  }

  /** Every route's execution count. */
  allExecutions(): Readonly<Record<string, number>> {
    return Object.fromEntries(this.#executions);
  }

  /** Orders placed so far, as the exchange lists them. */
  orders(): unknown[] {
    return accountOrders(this.#state);
  }

  /** Withdrawals made so far, oldest first. */
  withdrawals(): readonly Withdrawal[] {
    return [...this.#state.withdrawals];
  }

  /** Runs a scripted change on the exchange's state (a fill by another user, say). */
  script<T>(change: (state: BitexbitState) => T): T {
    return change(this.#state);
  }

  /** Answers one request. */
  handle(request: ReceivedRequest): ServerAnswer {
    return this.#handle(request);
  }
}
