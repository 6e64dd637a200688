import type { FaultKind } from './faults/aim.js';
import type { ReceivedRequest } from './http-server.js';

/**
 * Why a sandbox exchange refused a request, one name for the same reason on every exchange (each exchange's own
 * words stay in the answer's body).
 */
export type RefusalReason =
  /** No credentials, or headers not in the exchange's shape. */
  | 'missing-credentials'
  /** A key the exchange does not know. */
  | 'unknown-key'
  /** A signature (or login HMAC) that does not verify. */
  | 'bad-signature'
  /** A nonce not greater than the last one received for the key (bitexbit). */
  | 'stale-nonce'
  /** A request deadline already past (bitexbit's `X-Timeout`). */
  | 'expired-deadline'
  /** A session token that is unknown, ended or idle too long (AlphaPoint errorcode 20). */
  | 'expired-session'
  /** A wrong or missing one-time password. */
  | 'bad-one-time-password'
  /** A locked account. */
  | 'account-locked'
  /** A key (or user) without the permission, access type or role the call needs. */
  | 'missing-permission'
  /** A caller address outside the key's IP list. */
  | 'ip-not-allowed'
  /** Past the exchange's rate limit (429). */
  | 'rate-limit'
  /** An id (order, account, instrument, user …) that names nothing the caller may use. */
  | 'unknown-id'
  /** A path that names no route or function. */
  | 'unknown-route'
  /** A body or parameter the call cannot take. */
  | 'invalid-request'
  /** Not enough available balance. */
  | 'insufficient-funds'
  /** An API version the sandbox does not serve (Bitex's `Version` header). */
  | 'unsupported-version';

/** What became of a request once its answer was decided. */
export interface RequestOutcome {
  /** The status the client received; `undefined` when the connection was dropped or stalled. */
  readonly status: number | undefined;
  /** Why the exchange refused it, when it did. */
  readonly refusal: RefusalReason | undefined;
  /** Whether the exchange executed it: its action ran and was accepted. */
  readonly executed: boolean;
  /** The injected fault that hit it, if one did. */
  readonly fault: FaultKind | undefined;
}

/**
 * A request as received ({@link ReceivedRequest}, with the endpoint and route it names), and, once its answer is
 * decided (`done`), what became of it ({@link RequestOutcome}).
 */
export interface LogEntry extends ReceivedRequest, Partial<RequestOutcome> {
  /** The catalog name of its endpoint (`'orders.create'`, `'SendOrder'`), when the sandbox knows it. */
  readonly endpoint: string | undefined;
  /** Its route, `'METHOD /template'`, when it names one. */
  readonly route: string | undefined;
  /** Whether its answer has been decided (sent, dropped or stalled); the outcome fields are set from then on. */
  readonly done: boolean;
}

/** What {@link LogEntry} fields a finished request must have to match; every field given must be equal. */
export interface LogFilter {
  endpoint?: string;
  /** `'METHOD /template'` or `'METHOD /path'` as received. */
  route?: string;
  executed?: boolean;
  /** A status, or `'none'` for a request that got no answer (dropped or stalled). */
  status?: number | 'none';
  refusal?: RefusalReason;
  /** A fault kind, or `'none'` for a request no fault hit. */
  fault?: FaultKind | 'none';
}

/** Counters of what became of the requests a sandbox received. */
export interface OutcomeStats {
  /** Requests refused by the exchange, every reason together. */
  readonly refused: number;
  /** Refused requests by reason; a reason never seen is absent. */
  readonly refusals: Readonly<Partial<Record<RefusalReason, number>>>;
  /** Requests hit by an injected fault, by kind; a kind never injected is absent. */
  readonly faults: Readonly<Partial<Record<FaultKind, number>>>;
  /** Requests executed, by catalog endpoint name (requests of no known endpoint are left out). */
  readonly executionsByEndpoint: Readonly<Record<string, number>>;
}

/** Whether a finished entry matches a filter. */
export function matches(entry: LogEntry, filter: LogFilter): boolean {
  if (filter.endpoint !== undefined && entry.endpoint !== filter.endpoint) return false;
  if (
    filter.route !== undefined &&
    filter.route !== entry.route &&
    filter.route !== `${entry.method} ${entry.path}`
  )
    return false;
  if (filter.executed !== undefined && (entry.executed ?? false) !== filter.executed) return false;
  if (filter.status !== undefined && (entry.status ?? 'none') !== filter.status) return false;
  if (filter.refusal !== undefined && entry.refusal !== filter.refusal) return false;
  return filter.fault === undefined || (entry.fault ?? 'none') === filter.fault;
}

interface Waiter {
  readonly filter: LogFilter;
  remaining: number;
  readonly resolve: (entry: LogEntry) => void;
}

const bump = <K extends string>(counts: Partial<Record<K, number>>, key: K) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/** The request log of one server, its outcome counters, and the waits on it, resolved as entries finish. */
export class RequestLog {
  readonly entries: LogEntry[] = [];
  readonly #refusals: Partial<Record<RefusalReason, number>> = {};
  readonly #faults: Partial<Record<FaultKind, number>> = {};
  readonly #executions: Record<string, number> = {};
  #refused = 0;
  #waiters: Waiter[] = [];

  constructor(private readonly limit: number) {}

  /** Adds a request as it arrives. */
  add(entry: LogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }

  /** Records what became of a request, counts it, and wakes every wait it satisfies. */
  finish(entry: LogEntry, outcome: RequestOutcome): void {
    Object.assign(entry, { ...outcome, done: true });
    if (outcome.refusal) {
      this.#refused += 1;
      bump(this.#refusals, outcome.refusal);
    }
    if (outcome.fault) bump(this.#faults, outcome.fault);
    if (outcome.executed && entry.endpoint) bump(this.#executions, entry.endpoint);
    const waiting = this.#waiters;
    this.#waiters = [];
    for (const waiter of waiting) {
      if (matches(entry, waiter.filter)) waiter.remaining -= 1;
      if (waiter.remaining <= 0) waiter.resolve(entry);
      else this.#waiters.push(waiter);
    }
  }

  /** The outcome counters so far. */
  stats(): OutcomeStats {
    return {
      refused: this.#refused,
      refusals: { ...this.#refusals },
      faults: { ...this.#faults },
      executionsByEndpoint: { ...this.#executions },
    };
  }

  /** Resolves with the `count`-th request to finish from now on that matches `filter`. */
  next(filter: LogFilter, count = 1): Promise<LogEntry> {
    return new Promise((resolve) => this.#waiters.push({ filter, remaining: count, resolve }));
  }

  /** Resolves once `count` finished requests in all match `filter` (those already logged included). */
  until(filter: LogFilter, count = 1): Promise<LogEntry> {
    const seen = this.entries.filter((entry) => entry.done && matches(entry, filter));
    const last = seen[count - 1];
    if (last) return Promise.resolve(last);
    return this.next(filter, count - seen.length);
  }
}
