import { parseDecimal } from '../decimal.js';
import {
  type AnswerObserver,
  type FaultControls,
  faultControlsOf,
  type ReceivedRequest,
  type SandboxClock,
  type ServerAnswer,
  startHttpServer,
} from '../http-server.js';
import { slidingWindowLimiter } from '../rate-limit.js';
import type { LogEntry } from '../request-log.js';
import { identifyRoute } from '../route-table.js';
import { Schedule, type ScriptTiming } from '../schedule.js';
import type { SandboxStats } from '../stats.js';
import { totp, totpSecretBase32 } from '../totp.js';
import { BITEX_MESSAGES, notFound, plainError } from './answers.js';
import { parseAuthorization } from './auth.js';
import { dispatch } from './dispatch.js';
import { ENDPOINT_NAMES } from './endpoints.js';
import { accountRoutes } from './routes/account.js';
import { publicRoutes } from './routes/public.js';
import { tradingRoutes } from './routes/trading.js';
import { userRoutes } from './routes/users.js';
import { withdrawalRoutes } from './routes/withdrawals.js';
import { changeBalance, fillOrder } from './scripted.js';
import { SEED_USER_IDS, STARTING_BALANCES, seed } from './seed.js';
import { BitexState, type KeyFlag } from './state.js';
import type { BalanceView } from './wallets.js';
import { type BitexWebhookSender, bitexWebhookSender } from './webhooks.js';

/** Options of {@link startBitexSandbox}. */
export interface BitexSandboxOptions {
  /** Answer 429 (`Retry-After: 1`) past 5 requests within one second per key (per address without a key). */
  rateLimit?: boolean;
  /** Port to listen on; default a free one. */
  port?: number;
  /** Called once per request as its answer is sent, with the status (0 when the connection was dropped). */
  onAnswer?: AnswerObserver;
  /**
   * The exchange's clock (one-time passwords, rate limit, timestamps) and the latency fault's wait; also the
   * clock the ready-made `otp` callbacks read, as the user's phone. Default the real clock.
   */
  clock?: SandboxClock;
}

/** A one-time password source, as the `bitex()` provider's `otp` option. */
export type OtpCallback = () => Promise<string>;

/** Ready-made credentials, to spread into `bitex({ ...credentials.user, baseURL })`. */
export interface BitexSandboxCredentials {
  /** A regular user's key with every flag. */
  readonly user: { readonly apiKey: string; readonly otp: OtpCallback };
  /** A master user's key with every flag; the master manages itself and `users.managed`. */
  readonly master: { readonly apiKey: string; readonly role: 'master'; readonly otp: OtpCallback };
  /** The regular user's second key, with only `get_balances` and `get_withdrawal`. */
  readonly readOnly: { readonly apiKey: string; readonly permissions: readonly 'read'[] };
}

/** Counters for assertions. */
export type BitexSandboxStats = SandboxStats;

/**
 * Market behaviour a test scripts for its bot to react to: fills by the market maker and balance changes, now or
 * after some time on the sandbox's clock ({@link ScriptTiming}).
 */
export interface BitexMarketScript {
  /**
   * The market maker takes `amount` of coin (default all that is left) of the executing bid or ask `orderId` at
   * its price: a partial fill leaves it executing, the trade shows in `/trades` and `/movements`. An order no
   * longer executing when the time comes is left alone.
   */
  fill(orderId: number, options?: { amount?: string } & ScriptTiming): void;
  /**
   * Changes the available balance of `currency` (`'usd'`) of user `userId` by `amount`, a signed decimal string
   * (`'100'`, a deposit; `'-100'`, a withdrawal), never below 0, listed in `/movements`.
   */
  changeBalance(userId: number, currency: string, amount: string, timing?: ScriptTiming): void;
}

/** A running Bitex sandbox exchange. */
export interface BitexSandbox extends FaultControls {
  /** `http://127.0.0.1:<port>/api`, the provider's `baseURL`. */
  readonly baseURL: string;
  readonly credentials: BitexSandboxCredentials;
  /**
   * The one-time-password (TOTP) secrets behind the `otp` callbacks of `user` and `master`, in base32 as an
   * authenticator app takes them. Kept out of `credentials`, which spread into `bitex()`.
   */
  readonly totpSecrets: Readonly<Record<string, string>>;
  /** The ids of the ready-made users. */
  readonly users: typeof SEED_USER_IDS;
  /**
   * Every request received, with raw headers (lower-case names), its endpoint (`'bids.create'`), answer status,
   * refusal reason and whether it executed.
   */
  readonly log: readonly LogEntry[];
  /**
   * Requests received, how many times each route ran (accepted runs), refusals by reason, faults injected by
   * kind and executions by endpoint.
   */
  stats(): BitexSandboxStats;
  /** A user's balances per currency, as decimal strings. */
  balances(userId: number): Record<string, BalanceView>;
  /** Creates a user managed by `masterId` (default the ready-made master), with starting balances; its id. */
  createManagedUser(options?: { email?: string; masterId?: number }): number;
  /** Creates another key for `userId` with exactly `flags`; the key. */
  createKey(userId: number, flags: readonly KeyFlag[]): string;
  /** The user's current one-time password (on the real clock, or `clock`, as their phone would show). */
  otp(userId: number, atMs?: number): string;
  /** Scripted fills and balance changes. */
  readonly market: BitexMarketScript;
  /**
   * Sends webhook events as Bitex does (`WEBHOOK-AUTH`, JSON:API, again with exponential backoff on the sandbox's
   * clock until the handler answers 200), to test a web-callbacks handler.
   */
  readonly webhooks: BitexWebhookSender;
  /** Stops the server and frees the port. */
  close(): Promise<void>;
}

const ROUTES = [...publicRoutes, ...accountRoutes, ...tradingRoutes, ...withdrawalRoutes, ...userRoutes];

/**
 * Starts an in-memory Bitex API v2.1 exchange on 127.0.0.1 with a free port: ready-made users and keys,
 * wallets, an orderbook with a market maker, orders that match, withdrawals behind TOTP, master users and
 * delegation, Bitex's exact error bodies, and the loopback server's fault controls.
 *
 * @param options - `rateLimit: true` enforces Bitex's 5 requests per second.
 * @returns The running sandbox; `close()` it when done.
 */
export async function startBitexSandbox(options: BitexSandboxOptions = {}): Promise<BitexSandbox> {
  const phone = options.clock ?? { now: () => Date.now() };
  let now = () => phone.now();
  const state = new BitexState(() => now());
  const keys = seed(state);
  const executions: Record<string, number> = {};
  const limiter = slidingWindowLimiter(5, 1000);

  const schedule = new Schedule(() => now());
  const handle = (request: ReceivedRequest): ServerAnswer => {
    schedule.runDue();
    if (request.path !== '/api' && !request.path.startsWith('/api/')) return notFound('unknown-route');
    if (options.rateLimit) {
      const caller =
        parseAuthorization(request.headers.authorization)?.token ?? request.headers.authorization;
      const verdict = limiter.take(
        caller ? `key:${caller}` : `address:${request.remoteAddress}`,
        state.now(),
      );
      if (!verdict.allowed) return plainError(429, BITEX_MESSAGES.tooManyRequests, { 'Retry-After': '1' });
    }
    return dispatch(state, ROUTES, request, (route) => {
      executions[route] = (executions[route] ?? 0) + 1;
    });
  };
  const server = await startHttpServer(handle, {
    identify: ({ method, path }) => identifyRoute(ROUTES, ENDPOINT_NAMES, method, path),
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.onAnswer === undefined ? {} : { onAnswer: options.onAnswer }),
  });
  now = server.now;

  const otpOf = (userId: number, atMs = phone.now()) => {
    const user = state.users.get(userId);
    if (!user) throw new Error(`bitex sandbox: no user ${userId}`);
    return totp(user.otpSecret, atMs);
  };
  const secretOf = (userId: number) => {
    const user = state.users.get(userId);
    if (!user) throw new Error(`bitex sandbox: no user ${userId}`);
    return totpSecretBase32(user.otpSecret);
  };
  const otpCallback =
    (userId: number): OtpCallback =>
    async () =>
      otpOf(userId);

  return {
    baseURL: `${server.origin}/api`,
    credentials: {
      user: { apiKey: keys.user.token, otp: otpCallback(SEED_USER_IDS.user) },
      master: { apiKey: keys.master.token, role: 'master', otp: otpCallback(SEED_USER_IDS.master) },
      readOnly: { apiKey: keys.readOnly.token, permissions: ['read'] },
    },
    users: SEED_USER_IDS,
    totpSecrets: { user: secretOf(SEED_USER_IDS.user), master: secretOf(SEED_USER_IDS.master) },
    log: server.log,
    stats: () => ({ requests: server.log.length, executions: { ...executions }, ...server.outcomes() }),
    balances: (userId) => {
      schedule.runDue();
      return state.wallets.view(userId);
    },
    market: {
      fill: (orderId, { amount, ...timing } = {}) => {
        const units = amount === undefined ? undefined : parseDecimal(amount);
        if (amount !== undefined && !(units !== undefined && units > 0n))
          throw new TypeError('bitex sandbox: fill amount must be a positive decimal string');
        schedule.add(timing, () => fillOrder(state, orderId, amount));
      },
      changeBalance: (userId, currency, amount, timing = {}) => {
        const units = parseDecimal(amount);
        if (units === undefined) throw new TypeError('bitex sandbox: amount must be a decimal string');
        schedule.add(timing, () => changeBalance(state, userId, currency, units));
      },
    },
    createManagedUser: (created = {}) => {
      const masterId = created.masterId ?? SEED_USER_IDS.master;
      if (state.users.get(masterId)?.master !== true)
        throw new Error(`bitex sandbox: user ${masterId} is no master`);
      const email = created.email ?? `user${state.users.size + 1}@sandbox.invalid`;
      return state.addUser({ email, managedBy: masterId, balances: STARTING_BALANCES.managed }).id;
    },
    createKey: (userId, flags) => state.addKey(userId, flags).token,
    otp: otpOf,
    webhooks: bitexWebhookSender(
      options.clock ?? {
        now: () => Date.now(),
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      },
      () => server.now(),
    ),
    ...faultControlsOf(server),
    close: server.close,
  };
}
