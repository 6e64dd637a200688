import { formatDecimal, parseDecimal } from '../decimal.js';
import {
  type AnswerObserver,
  type FaultControls,
  faultControlsOf,
  type ReceivedRequest,
  type SandboxClock,
  startHttpServer,
} from '../http-server.js';
import type { LogEntry } from '../request-log.js';
import { Schedule, type ScriptTiming } from '../schedule.js';
import type { SandboxStats } from '../stats.js';
import { totp, totpSecretBase32 } from '../totp.js';
import { makeAccount, type SandboxAccount } from './accounts.js';
import type { AnswerStyle } from './answers.js';
import type { SandboxOrder, WithdrawTicket } from './calls.js';
import { type AlphaPointState, handleAlphaPoint, identifyCall } from './exchange.js';
import { changeBalance, fillOrder } from './scripted.js';
import { SessionTable } from './sessions.js';

/** Options of {@link startAlphaPointSandbox}. */
export interface AlphaPointSandboxOptions {
  /** A session ends after this long without use. Default one hour, as AlphaPoint documents. */
  sessionIdleMs?: number;
  /** Login answers in camelCase instead of PascalCase. Default false. */
  camelCase?: boolean;
  /** HTTP status of "Not Authorized" (errorcode 20). Default 200. */
  notAuthorizedStatus?: 200 | 400 | 401;
  /**
   * How `Authenticate2FA` is taken, and how the login words its challenge. Default Kiiex's:
   * `{ method: 'POST', send: 'signed-headers' }` — the challenge is the `AuthenticateUser` answer with
   * `Authenticated: true, Requires2FA: true, TwoFAType: "Google"` and no `SessionToken`; the code comes as
   * `{"Code": …}` with the four headers signed anew. NDAX's: `{ method: 'GET', send: 'pending-token' }` — the
   * challenge is `{"Authenticated":true,"Requires2FA":true,"AuthType":"Google","AddtlInfo":"","Pending2FaToken":…}`
   * and the code comes as `?Code=…` with that `Pending2FaToken` header.
   */
  twoFactorStep?: { method: 'GET' | 'POST'; send: 'pending-token' | 'signed-headers' };
  /**
   * Accept the four signed headers (`APIKey`, `Signature`, `UserId`, `Nonce`, verified here) on private calls
   * that carry no session token, as some deployments do. Default false: such a call gets errorcode 20.
   */
  signedCalls?: boolean;
  /** Port to listen on; default a free one. */
  port?: number;
  /** Called once per request as its answer is sent, with the status (0 when the connection was dropped). */
  onAnswer?: AnswerObserver;
  /**
   * The exchange's clock (session idle time, order and ticket times, scripted fills) and the latency fault's
   * wait. Default the real clock.
   */
  clock?: SandboxClock;
}

/** Credentials shaped as the `kiiex()` / `alphapoint()` options (add `baseURL`). */
export interface AlphaPointCredentials {
  readonly apiKey: string;
  readonly apiSecret: string;
  readonly userId: string;
  /** For an account with two-factor authentication: the current TOTP code. */
  readonly twoFactor?: () => Promise<string>;
}

/**
 * Market behaviour a test scripts for its bot to react to: fills by other users and balance changes, now or
 * after some time on the sandbox's clock ({@link ScriptTiming}).
 */
export interface AlphaPointMarketScript {
  /**
   * Another user takes `amount` (default all that is left) of the working order `orderId` at its price: a
   * partial fill leaves it `Working` with `QuantityExecuted` set, a whole one makes it `FullyExecuted`; the
   * account's balances move by the product bought and sold. An order no longer working then is left alone.
   */
  fill(orderId: number, options?: { amount?: string } & ScriptTiming): void;
  /**
   * Changes the balance of product `symbol` of the account behind `apiKey` by `amount`, a signed decimal string
   * (`'0.5'`, a deposit; `'-0.5'`, a transfer out), never below 0.
   */
  changeBalance(apiKey: string, symbol: string, amount: string, timing?: ScriptTiming): void;
}

/** A running loopback AlphaPoint (Kiiex) exchange. */
export interface AlphaPointSandbox extends FaultControls {
  /** `http://127.0.0.1:<port>/ap`, ready for `kiiex({ ...credentials.trader, baseURL })`. */
  readonly baseURL: string;
  /** Ready-made keys: `trader` (no 2FA), `twoFactor` (TOTP; its callback gives the code), `locked`. */
  readonly credentials: {
    readonly trader: AlphaPointCredentials;
    readonly twoFactor: AlphaPointCredentials;
    readonly locked: AlphaPointCredentials;
  };
  /**
   * The TOTP secrets of the credential sets that have a second factor, in base32 as an authenticator app (or
   * `KIIEX_TOTP_SECRET`) takes them: `{ twoFactor }`. Kept out of `credentials`, which spread into `kiiex()`.
   */
  readonly totpSecrets: Readonly<Record<string, string>>;
  /**
   * Every request received, in order, each with its endpoint (the function name, `'SendOrder'`), answer status,
   * refusal reason and whether it executed.
   */
  readonly log: LogEntry[];
  /**
   * Requests, logins (sessions issued), executions per function name (accepted calls), refusals by reason,
   * faults injected by kind and executions by endpoint.
   */
  stats(): SandboxStats & {
    readonly loginAttempts: number;
    readonly logouts: number;
    readonly liveSessions: number;
    /** Logins waiting for their second factor. */
    readonly pendingTwoFactor: number;
    /** Private calls accepted on signed headers, with no session. */
    readonly signedCalls: number;
  };
  /** Ends every session now: the next private call of any client gets errorcode 20. */
  expireAllSessions(): void;
  /** Changes the answer style at run time. */
  setStyle(style: Partial<AnswerStyle>): void;
  /**
   * Adds a key (random credentials), for example one without `Withdraw`, or with two-factor authentication on
   * (its credentials then carry the TOTP callback). A fresh key shares no session with any other.
   */
  addAccount(options: {
    permissions?: readonly ('Trading' | 'Withdraw' | 'Deposit')[];
    twoFactor?: boolean;
  }): AlphaPointCredentials;
  /** Balances of the account behind a key, by product symbol, as decimal strings. */
  balances(apiKey: string): Record<string, string>;
  /**
   * The ids a request of a key names, as its login answers them (`User.OMSId`, `User.AccountId`), ready to spread
   * into a body: `{ ...sandbox.accountIds(credentials.apiKey), InstrumentId: 1, … }`. The exchange refuses an
   * `OMSId` it does not run and an `AccountId` that is not the key's user's own (errorcode 100).
   */
  accountIds(apiKey: string): { readonly OMSId: number; readonly AccountId: number };
  /** Orders accepted so far, with their state and what of them was executed. */
  orders(): readonly SandboxOrder[];
  /** Scripted fills and balance changes. */
  readonly market: AlphaPointMarketScript;
  /** Withdraw tickets executed so far. */
  withdrawals(): readonly WithdrawTicket[];
  /** Stops the server and frees the port. */
  close(): Promise<void>;
}

function credentialsOf(account: SandboxAccount, now: () => number): AlphaPointCredentials {
  const base = { apiKey: account.apiKey, apiSecret: account.apiSecret, userId: account.userId };
  const secret = account.totpSecret;
  return secret === undefined ? base : { ...base, twoFactor: async () => totp(secret, now()) };
}

/**
 * Starts a faithful AlphaPoint APEX exchange (Kiiex) on 127.0.0.1: it recomputes the login HMAC with the
 * secrets it holds, issues session tokens that end after idle time or at LogOut, answers errorcode 20 for a
 * missing, unknown or expired token, supports two-factor (as Kiiex or as NDAX takes the code) and locked
 * accounts, optionally accepts signed headers in place of a session, and keeps balances, orders and withdraw
 * tickets.
 */
export async function startAlphaPointSandbox(
  options: AlphaPointSandboxOptions = {},
): Promise<AlphaPointSandbox> {
  let now = () => Date.now();
  const style: AnswerStyle = {
    camelCase: options.camelCase ?? false,
    notAuthorizedStatus: options.notAuthorizedStatus ?? 200,
  };
  const state: AlphaPointState = {
    basePath: '/ap',
    accounts: new Map(),
    sessions: new SessionTable(options.sessionIdleMs ?? 60 * 60 * 1000, () => now()),
    book: { orders: [], withdrawals: [], nextId: 5000, now: () => now() },
    style,
    counters: { attempts: 0, logins: 0, logouts: 0, signedCalls: 0 },
    executions: {},
    now: () => now(),
    twoFactorStep: options.twoFactorStep ?? { method: 'POST', send: 'signed-headers' },
    signedCalls: options.signedCalls ?? false,
  };
  const schedule = new Schedule(() => now());
  const handle = (request: ReceivedRequest) => {
    schedule.runDue();
    return handleAlphaPoint(state, request);
  };
  const server = await startHttpServer(handle, {
    identify: (request) => identifyCall(state.basePath, request),
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.onAnswer === undefined ? {} : { onAnswer: options.onAnswer }),
  });
  now = server.now;
  const add = (account: SandboxAccount) => {
    state.accounts.set(account.apiKey, account);
    return account;
  };
  const accountOf = (apiKey: string) => {
    const account = state.accounts.get(apiKey);
    if (!account) throw new Error('alphapoint sandbox: unknown key');
    return account;
  };
  const trader = add(makeAccount({}));
  const twoFactor = add(makeAccount({ twoFactor: true }));
  const locked = add(makeAccount({ locked: true }));

  return {
    baseURL: `${server.origin}${state.basePath}`,
    credentials: {
      trader: credentialsOf(trader, now),
      twoFactor: credentialsOf(twoFactor, now),
      locked: credentialsOf(locked, now),
    },
    totpSecrets: { twoFactor: totpSecretBase32(twoFactor.totpSecret ?? '') },
    log: server.log,
    stats: () => ({
      requests: server.log.length,
      executions: { ...state.executions },
      logins: state.counters.logins,
      loginAttempts: state.counters.attempts,
      logouts: state.counters.logouts,
      liveSessions: state.sessions.size,
      pendingTwoFactor: state.sessions.pendingCount,
      signedCalls: state.counters.signedCalls,
      ...server.outcomes(),
    }),
    expireAllSessions: () => state.sessions.endAll(),
    setStyle: (change) => Object.assign(style, change),
    addAccount: (accountOptions) => credentialsOf(add(makeAccount(accountOptions)), now),
    balances: (apiKey) => {
      schedule.runDue();
      const account = accountOf(apiKey);
      return Object.fromEntries(
        [...account.balances].map(([symbol, units]) => [symbol, formatDecimal(units)]),
      );
    },
    accountIds: (apiKey) => {
      const account = accountOf(apiKey);
      return { OMSId: account.omsId, AccountId: account.accountId };
    },
    orders: () => {
      schedule.runDue();
      return state.book.orders;
    },
    market: {
      fill: (orderId, { amount, ...timing } = {}) => {
        const units = amount === undefined ? undefined : parseDecimal(amount);
        if (amount !== undefined && !(units !== undefined && units > 0n))
          throw new TypeError('alphapoint sandbox: fill amount must be a positive decimal string');
        schedule.add(timing, () => fillOrder(state.book, state.accounts.values(), orderId, amount));
      },
      changeBalance: (apiKey, symbol, amount, timing = {}) => {
        const account = accountOf(apiKey);
        const units = parseDecimal(amount);
        if (units === undefined) throw new TypeError('alphapoint sandbox: amount must be a decimal string');
        schedule.add(timing, () => changeBalance(account, symbol, units));
      },
    },
    withdrawals: () => state.book.withdrawals,
    ...faultControlsOf(server),
    close: () => server.close(),
  };
}

export type { AnswerStyle } from './answers.js';
export type { SandboxOrder, WithdrawTicket } from './calls.js';
