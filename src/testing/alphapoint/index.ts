import { formatDecimal, parseDecimal } from '../decimal.js';
import { faultControlsOf, type ReceivedRequest, startHttpServer } from '../http-server.js';
import { Schedule } from '../schedule.js';
import { totp, totpSecretBase32 } from '../totp.js';
import { changeBalance, makeAccount, type SandboxAccount } from './accounts.js';
import type { AnswerStyle } from './answers.js';
import type { AlphaPointCredentials, AlphaPointSandbox, AlphaPointSandboxOptions } from './api.js';
import { EventHub, level1Topic } from './events.js';
import { type AlphaPointState, handleAlphaPoint, identifyCall } from './exchange.js';
import { tradeOrder } from './fills.js';
import { Gateway } from './gateway.js';
import { SessionTable } from './sessions.js';
import { level1, openingMarket } from './views.js';

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
    refusals: { count: 0, errormsg: '' },
    events: new EventHub(),
    market: openingMarket(),
  };
  const gateway = new Gateway(state, (options.eventOrder ?? 'reply-first') === 'reply-first');
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
    upgrade: (request, socket, head) => gateway.upgrade(request, socket, head),
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

  const controls = faultControlsOf(server);

  return {
    baseURL: `${server.origin}${state.basePath}`,
    wsURL: `ws://127.0.0.1:${server.port}/WSGateway/`,
    credentials: {
      trader: credentialsOf(trader, now),
      twoFactor: credentialsOf(twoFactor, now),
      locked: credentialsOf(locked, now),
    },
    totpSecrets: { twoFactor: totpSecretBase32(twoFactor.totpSecret ?? '') },
    log: server.log,
    frames: gateway.frames,
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
      openSockets: gateway.openSockets,
      socketsOpened: gateway.socketsOpened,
    }),
    expireAllSessions: () => state.sessions.endAll(),
    dropSockets: (apiKey) => gateway.dropSockets(apiKey),
    stallSockets: (apiKey, stall = {}) => gateway.stallSockets(apiKey, stall.pong ?? false),
    refuseNextLogins: (count, refusal = {}) => {
      state.refusals.count += Math.max(0, count);
      state.refusals.errormsg = refusal.errormsg ?? 'User api key not found';
    },
    dropSocketOnNext: (callName, drop = {}) => gateway.dropOnNext(callName, drop.execute ?? true),
    moveMarket: (change) => {
      Object.assign(state.market, change);
      state.events.publish(level1Topic(1), 'Level1UpdateEvent', level1(state.now(), state.market));
    },
    fillOrder: (orderId) => {
      const tradeId = tradeOrder(state, orderId);
      if (tradeId === undefined) throw new Error(`alphapoint sandbox: no working order ${orderId}`);
      return tradeId;
    },
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
        schedule.add(timing, () => tradeOrder(state, orderId, amount));
      },
      changeBalance: (apiKey, symbol, amount, timing = {}) => {
        const account = accountOf(apiKey);
        const units = parseDecimal(amount);
        if (units === undefined) throw new TypeError('alphapoint sandbox: amount must be a decimal string');
        schedule.add(timing, () => changeBalance(account, symbol, units));
      },
    },
    withdrawals: () => state.book.withdrawals,
    ...controls,
    clearFaults: () => {
      controls.clearFaults();
      gateway.clearDrops();
      state.refusals.count = 0;
    },
    close: async () => {
      await gateway.close();
      await server.close();
    },
  };
}

export type { SandboxPermission } from './accounts.js';
export type { AnswerStyle } from './answers.js';
export type {
  AlphaPointCredentials,
  AlphaPointMarketScript,
  AlphaPointSandbox,
  AlphaPointSandboxOptions,
  MarketChange,
} from './api.js';
export type { SandboxOrder, WithdrawTicket } from './calls.js';
export type { ReceivedFrame } from './gateway.js';
