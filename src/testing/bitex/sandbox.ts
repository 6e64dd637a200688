import {
  type FaultControls,
  faultControlsOf,
  type ReceivedRequest,
  type SandboxClock,
  type ServerAnswer,
  startHttpServer,
} from '../http-server.js';
import { slidingWindowLimiter } from '../rate-limit.js';
import type { SandboxStats } from '../stats.js';
import { totp, totpSecretBase32 } from '../totp.js';
import { BITEX_MESSAGES, notFound, plainError } from './answers.js';
import { parseAuthorization } from './auth.js';
import { dispatch } from './dispatch.js';
import { accountRoutes } from './routes/account.js';
import { publicRoutes } from './routes/public.js';
import { tradingRoutes } from './routes/trading.js';
import { userRoutes } from './routes/users.js';
import { withdrawalRoutes } from './routes/withdrawals.js';
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
  /** Every request received, with raw headers (lower-case names). */
  readonly log: readonly ReceivedRequest[];
  /** Requests received and how many times each route ran. */
  stats(): BitexSandboxStats;
  /** A user's balances per currency, as decimal strings. */
  balances(userId: number): Record<string, BalanceView>;
  /** Creates a user managed by `masterId` (default the ready-made master), with starting balances; its id. */
  createManagedUser(options?: { email?: string; masterId?: number }): number;
  /** Creates another key for `userId` with exactly `flags`; the key. */
  createKey(userId: number, flags: readonly KeyFlag[]): string;
  /** The user's current one-time password (on the real clock, or `clock`, as their phone would show). */
  otp(userId: number, atMs?: number): string;
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

  const handle = (request: ReceivedRequest): ServerAnswer => {
    if (request.path !== '/api' && !request.path.startsWith('/api/')) return notFound();
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
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
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
    stats: () => ({ requests: server.log.length, executions: { ...executions } }),
    balances: (userId) => state.wallets.view(userId),
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
