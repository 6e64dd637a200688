import { parseDecimal } from '../decimal.js';
import {
  type AnswerObserver,
  type FaultControls,
  faultControlsOf,
  type SandboxClock,
  startHttpServer,
} from '../http-server.js';
import type { LogEntry } from '../request-log.js';
import { identifyRoute } from '../route-table.js';
import { Schedule, type ScriptTiming } from '../schedule.js';
import type { SandboxStats } from '../stats.js';
import { ROUTES } from './dispatch.js';
import { ENDPOINT_NAMES } from './endpoints.js';
import { BitexbitExchange } from './exchange.js';
import type { SandboxAccess, SandboxCredentials, SandboxKeyOptions } from './keys.js';
import { fillResting } from './scripted.js';

/** Options of {@link startBitexbitSandbox}. */
export interface BitexbitSandboxOptions {
  /** Enforce 2 private calls per second per key (429 with `Retry-After`) and 100 public calls per second. */
  rateLimit?: boolean;
  /** Mount the API under a path prefix (`/prefix`), as behind a proxy; `baseURL` then includes it. */
  basePath?: string;
  /** Starting balances of the account, as decimal strings. Default BTC 2, ETH 10, USD 100000, USDT 50000. */
  balances?: Readonly<Record<string, string>>;
  /** Port to listen on; default a free one. */
  port?: number;
  /** Called once per request as its answer is sent, with the status (0 when the connection was dropped). */
  onAnswer?: AnswerObserver;
  /**
   * The exchange's clock (the gateway's `X-Timeout` check, the rate limit, timestamps) and the latency fault's
   * wait. Default the real clock.
   */
  clock?: SandboxClock;
}

/**
 * Market behaviour a test scripts for its bot to react to: fills by other users and balance changes, now or
 * after some time on the sandbox's clock ({@link ScriptTiming}).
 */
export interface BitexbitMarketScript {
  /**
   * Another user takes `amount` (default all that is open) of the account's resting order `orderId` at its
   * price: a partial fill leaves it `submitted` with `amount_filled` set, a whole one makes it `filled`. The fee
   * is taken from what the account receives. An order no longer open when the time comes is left alone.
   */
  fill(orderId: number, options?: { amount?: string } & ScriptTiming): void;
  /**
   * Changes the available balance of `symbol` by `amount`, a signed decimal string (`'0.5'`, a deposit;
   * `'-0.5'`, a transfer out), never below 0.
   */
  changeBalance(symbol: string, amount: string, timing?: ScriptTiming): void;
}

/** A running loopback bitexbit exchange. */
export interface BitexbitSandbox extends FaultControls {
  /** What to pass as the provider's `baseURL`: the origin, plus `basePath` when one was given. */
  readonly baseURL: string;
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** Ready-made keys of one account, one per access type, usable from 127.0.0.1; spread them into `bitexbit()`. */
  readonly credentials: {
    readonly read: SandboxCredentials<'read'>;
    readonly trade: SandboxCredentials<'trade'>;
    readonly withdraw: SandboxCredentials<'withdraw'>;
  };
  /** Second-factor secrets by credential set: none, as bitexbit's API keys need no one-time password. */
  readonly totpSecrets: Readonly<Record<string, string>>;
  /**
   * Every request received, in order, including refused, failed and dropped ones, each with its endpoint
   * (`'orders.create'`), answer status, refusal reason and whether it executed.
   */
  readonly log: LogEntry[];
  /**
   * The exchange behind the server: balances, orders, withdrawals, nonces. Not part of the public API: its
   * class is internal to the sandbox and may change; use the other members.
   *
   * @internal
   */
  readonly exchange: BitexbitExchange;
  /** Adds a key to the account (random keys unless given; usable from 127.0.0.1 unless `allowedIps` says otherwise). */
  addKey<A extends SandboxAccess>(options: SandboxKeyOptions<A>): SandboxCredentials<A>;
  /** Replaces a key's IP list; an empty list allows any address. */
  setAllowedIps(accessKey: string, ips: readonly string[]): void;
  /**
   * How many times a route's handler ran (`'POST /api/gateway/withdraw/create'`). Requests refused by the
   * authentication, access, IP or rate-limit checks do not count.
   */
  executions(route: string): number;
  /**
   * Requests received, every route's execution count (refused runs included, as {@link BitexbitSandbox.executions}),
   * refusals by reason, faults injected by kind and executions by endpoint (accepted ones only).
   */
  stats(): SandboxStats;
  /** The account's balances, as `GET /api/v2/private/balance` answers them. */
  balances(): { symbol: string; available: string; reserved: string }[];
  /** The account's orders, newest first, as `GET /api/v2/private/orders` answers them. */
  orders(): unknown[];
  /** Scripted fills and balance changes. */
  readonly market: BitexbitMarketScript;
  /** Stops the server and frees the port. */
  close(): Promise<void>;
}

/**
 * Starts a faithful bitexbit exchange on 127.0.0.1 and a free port. It recomputes v2 and gateway signatures
 * with the keys it holds, refuses a nonce not greater than the last one it received for the key and a past
 * `X-Timeout` (401), a call above the key's access type or from outside its IP list (403), and keeps balances,
 * orders and withdrawals. Error bodies are `{"message": "..."}` in the sandbox's own words: bitexbit documents
 * the statuses, not the texts.
 *
 * @example
 * ```ts
 * const sandbox = await startBitexbitSandbox();
 * const client = createClient(bitexbit({ ...sandbox.credentials.trade, baseURL: sandbox.baseURL }));
 * await client.call('balance.get');
 * await sandbox.close();
 * ```
 */
export async function startBitexbitSandbox(options: BitexbitSandboxOptions = {}): Promise<BitexbitSandbox> {
  let exchange: BitexbitExchange | undefined;
  let now = () => Date.now();
  const schedule = new Schedule(() => now());
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const identify = ({ method, path }: { method: string; path: string }) =>
    basePath && !path.startsWith(`${basePath}/`)
      ? {}
      : identifyRoute(ROUTES, ENDPOINT_NAMES, method, path.slice(basePath.length));
  const server = await startHttpServer(
    (request) => {
      if (!exchange) return { status: 503, body: { message: 'starting' } };
      schedule.runDue();
      return exchange.handle(request);
    },
    {
      identify,
      ...(options.port === undefined ? {} : { port: options.port }),
      ...(options.clock === undefined ? {} : { clock: options.clock }),
      ...(options.onAnswer === undefined ? {} : { onAnswer: options.onAnswer }),
    },
  );
  now = server.now;
  exchange = new BitexbitExchange({
    basePath,
    rateLimit: options.rateLimit ?? false,
    now: server.now,
    ...(options.balances ? { balances: options.balances } : {}),
  });
  const ready = exchange;
  const credentials = {
    read: ready.addKey({ access: 'read' }),
    trade: ready.addKey({ access: 'trade' }),
    withdraw: ready.addKey({ access: 'withdraw' }),
  };
  return {
    baseURL: `${server.origin}${basePath}`,
    origin: server.origin,
    credentials,
    totpSecrets: {},
    log: server.log,
    exchange: ready,
    addKey: (key) => ready.addKey(key),
    setAllowedIps: (accessKey, ips) => ready.setAllowedIps(accessKey, ips),
    executions: (route) => ready.executions(route),
    stats: () => ({
      requests: server.log.length,
      executions: ready.allExecutions(),
      ...server.outcomes(),
    }),
    balances: () => {
      schedule.runDue();
      return ready.ledger.view();
    },
    orders: () => {
      schedule.runDue();
      return ready.orders();
    },
    market: {
      fill: (orderId, { amount, ...timing } = {}) => {
        if (amount !== undefined && !(Number(amount) > 0))
          throw new TypeError('bitexbit sandbox: fill amount must be a positive decimal string');
        schedule.add(timing, () => ready.script((state) => fillResting(state, orderId, amount)));
      },
      changeBalance: (symbol, amount, timing = {}) => {
        const units = parseDecimal(amount);
        if (units === undefined) throw new TypeError('bitexbit sandbox: amount must be a decimal string');
        schedule.add(timing, () => ready.ledger.change(symbol, units));
      },
    },
    ...faultControlsOf(server),
    close: () => server.close(),
  };
}

export type { SandboxAccess, SandboxCredentials, SandboxKeyOptions } from './keys.js';
export type { Withdrawal } from './state.js';
