import type { AnswerObserver, DropOptions, FaultControls, SandboxClock } from '../http-server.js';
import type { LogEntry } from '../request-log.js';
import type { ScriptTiming } from '../schedule.js';
import type { SandboxStats } from '../stats.js';
import type { SandboxPermission } from './accounts.js';
import type { AnswerStyle } from './answers.js';
import type { SandboxOrder, WithdrawTicket } from './calls.js';
import type { ReceivedFrame } from './gateway.js';

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
  /**
   * Where the events a WebSocket call causes on its own socket go (an OrderStateEvent of a SendOrder sent on a
   * socket subscribed to its account): `'reply-first'` (default) or `'events-first'`. No source shows which APEX
   * does; a client must take either. Other sockets get the events as the call executes.
   */
  eventOrder?: 'reply-first' | 'events-first';
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

/**
 * Market behaviour a test scripts for its bot to react to: fills by other users and balance changes, now or
 * after some time on the sandbox's clock ({@link ScriptTiming}).
 */
export interface AlphaPointMarketScript {
  /**
   * Another user takes `amount` (default all that is left) of the working order `orderId` at its price: a
   * partial fill leaves it `Working` with `QuantityExecuted` set, a whole one makes it `FullyExecuted`; the
   * account's balances move by the product bought and sold, and subscribers get the same events as from
   * {@link AlphaPointSandbox.fillOrder} (the trade's `Quantity` is the part filled). An order no longer working
   * then is left alone.
   */
  fill(orderId: number, options?: { amount?: string } & ScriptTiming): void;
  /**
   * Changes the balance of product `symbol` of the account behind `apiKey` by `amount`, a signed decimal string
   * (`'0.5'`, a deposit; `'-0.5'`, a transfer out), never below 0.
   */
  changeBalance(apiKey: string, symbol: string, amount: string, timing?: ScriptTiming): void;
}

/** Credentials shaped as the `kiiex()` / `alphapoint()` options (add `baseURL`). */
export interface AlphaPointCredentials {
  readonly apiKey: string;
  readonly apiSecret: string;
  readonly userId: string;
  /** For an account with two-factor authentication: the current TOTP code. */
  readonly twoFactor?: () => Promise<string>;
}

/** The Level1 prices of BTCUSD a test can move ({@link AlphaPointSandbox.moveMarket}). */
export interface MarketChange {
  readonly BestBid?: number;
  readonly BestOffer?: number;
  readonly LastTradedPx?: number;
  readonly LastTradedQty?: number;
}

/**
 * A running loopback AlphaPoint (Kiiex) exchange: the HTTP gateway at {@link AlphaPointSandbox.baseURL} and the
 * APEX WebSocket gateway at {@link AlphaPointSandbox.wsURL}, on one port, with one set of sessions, one dispatch
 * of calls and one count of logins and executions.
 */
export interface AlphaPointSandbox extends FaultControls {
  /** `http://127.0.0.1:<port>/ap`, ready for `kiiex({ ...credentials.trader, baseURL })`. */
  readonly baseURL: string;
  /**
   * `ws://127.0.0.1:<port>/WSGateway/`: the APEX WebSocket gateway on the same port. Frames `{"m","i","n","o"}`
   * with `o` a JSON string; a request (m 0, 2 or 4) gets a reply (m 1) with its `i` and `n`; an unknown function
   * gets m 5 with the bare text `Endpoint Not Found`; events are m 3 numbered by the socket's own counter (2, 4,
   * 6 …). It takes `AuthenticateUser` (UserId and Nonce as strings), `WebAuthenticateUser {SessionToken}` (a
   * token issued on either channel: sessions are shared with HTTP), `Authenticate2FA {Code}`, `LogOut`, `Ping`,
   * every call the HTTP side serves, `SubscribeAccountEvents` (the session user's own account; `OrderStateEvent`,
   * `OrderTradeEvent`, `AccountPositionEvent` for changes made on either channel), `SubscribeLevel1`
   * (`Level1UpdateEvent`) and their `Unsubscribe…`. The paths `/WSGateway`, `/wsgateway` and `/wsgateway/` are
   * taken too.
   */
  readonly wsURL: string;
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
   * Every HTTP request received, in order, each with its endpoint (the function name, `'SendOrder'`), answer
   * status, refusal reason and whether it executed (WebSocket frames are in {@link AlphaPointSandbox.frames}).
   */
  readonly log: LogEntry[];
  /** Every text frame the WebSocket gateway received, in order, with the socket it came on. */
  readonly frames: ReceivedFrame[];
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
    /** WebSocket connections open now. */
    readonly openSockets: number;
    /** WebSocket connections opened since the start. */
    readonly socketsOpened: number;
  };
  /**
   * Ends every session now, HTTP and WebSocket alike: the next private call of any client, on either channel,
   * gets errorcode 20, a token given to `WebAuthenticateUser` is refused, and account events stop until the
   * socket logs in again. Sockets stay open.
   */
  expireAllSessions(): void;
  /**
   * Drops every open WebSocket at once, with no closing handshake (the client sees code 1006), as a network
   * fault would; with `apiKey`, only the sockets last logged in with that key. Sessions stay alive.
   *
   * @returns How many sockets were dropped.
   */
  dropSockets(apiKey?: string): number;
  /**
   * Stalls every open WebSocket (or those last logged in with `apiKey`): it stays open but answers nothing more
   * (the frames it receives are still logged in {@link AlphaPointSandbox.frames}) and sends no event, as a
   * connection whose peer hangs. By default it answers no WebSocket ping either; `{ pong: true }` keeps the
   * pongs, as a hung application behind a live connection. New sockets are not stalled. A stalled socket ends
   * when the client closes it, or with {@link AlphaPointSandbox.dropSockets}.
   *
   * @returns How many sockets were stalled.
   */
  stallSockets(apiKey?: string, options?: { pong?: boolean }): number;
  /**
   * The next `count` logins (`AuthenticateUser` over HTTP or the WebSocket), whatever their signature, are
   * refused with the documented failure `{"Authenticated":false,…,"errormsg":<errormsg>}` (default
   * `User api key not found`, as an exchange that no longer knows the key answers). Counted as attempts, not as
   * logins. {@link AlphaPointSandbox.clearFaults} forgets them.
   */
  refuseNextLogins(count: number, options?: { errormsg?: string }): void;
  /**
   * The next WebSocket call named `callName` (`SendOrder`, …), on any socket, drops that socket instead of
   * replying: by default after executing the call (it counts in `executions`, and its events go out), so the
   * client never learns that it succeeded; `{ execute: false }` drops it before. Queued drops are taken in order;
   * {@link AlphaPointSandbox.clearFaults} forgets them.
   */
  dropSocketOnNext(callName: string, options?: DropOptions): void;
  /** Moves BTCUSD's Level1 (GetLevel1 shows it) and sends `Level1UpdateEvent` to its subscribers. */
  moveMarket(change: MarketChange): void;
  /**
   * Trades a working order in full at its limit price, as a market that reaches it: the order becomes
   * `FullyExecuted`, BTC and USD move on its account, BTCUSD's last trade becomes its price; the account's
   * subscribers get `OrderTradeEvent`, `OrderStateEvent` and one `AccountPositionEvent` per product, the Level1
   * subscribers a `Level1UpdateEvent`. Throws for an order that is not working.
   *
   * @returns The trade's `TradeId`.
   */
  fillOrder(orderId: number): number;
  /** Changes the answer style at run time. */
  setStyle(style: Partial<AnswerStyle>): void;
  /**
   * Adds a key (random credentials), for example one without `Withdraw`, or with two-factor authentication on
   * (its credentials then carry the TOTP callback). A fresh key shares no session with any other.
   */
  addAccount(options: {
    permissions?: readonly SandboxPermission[];
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
  /** Forgets latency, queued HTTP failures and drops, queued socket drops and login refusals (not the clock). */
  clearFaults(): void;
  /** Drops every WebSocket, stops the server and frees the port. */
  close(): Promise<void>;
}
