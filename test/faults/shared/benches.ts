import type { AxiosInstance } from 'axios';
import {
  bitex,
  bitexbit,
  type ClientOptions,
  createClient,
  type ExchangeResponse,
  kiiex,
} from '../../../src/index.js';
import {
  type FaultControls,
  type ReceivedRequest,
  startAlphaPointSandbox,
  startBitexbitSandbox,
  startBitexSandbox,
} from '../../../src/testing/index.js';
import { checked } from '../../support/checked.js';
import { TestClock } from '../../support/clock.js';
import { AP_ORDER, AP_TICKET, BITEX_WITHDRAWAL, bitexOrder } from '../../support/documented.js';
import { type Front, startFront } from './front.js';

/** Every call that may move money, by provider: none of them may ever run twice for one call. */
export const CALLS = [
  'bitex bids.create',
  'bitex asks.create',
  'bitex coinWithdrawals.create',
  'bitexbit orders.create',
  'bitexbit orders.cancel',
  'bitexbit withdrawals.create',
  'alphapoint SendOrder',
  'alphapoint CreateWithdrawTicket',
] as const;

export type CallName = (typeof CALLS)[number];

/** The AlphaPoint calls alone (session faults: errorcode 20, 401). */
export const ALPHAPOINT_CALLS = ['alphapoint SendOrder', 'alphapoint CreateWithdrawTicket'] as const;

/**
 * Generous retries on a clock that never waits: a call sent once was not resent by rule, not for lack of
 * retries or time.
 */
export const RETRY = { retries: 3, minDelayMs: 5, maxDelayMs: 1_000, maxElapsedMs: 600_000 } as const;

/** One exchange sandbox behind a fault front, a client of it, and the call under test. */
export interface Bench {
  readonly call: CallName;
  readonly front: Front;
  /** The sandbox's own faults (`failNext`, `dropNext`): they act at the exchange, behind the front. */
  readonly exchange: FaultControls;
  /** The end of the call's path, to arm the front with (known once {@link Bench.prepare} ran). */
  pathEnd(): string;
  /** Whatever the call needs first (a session, an order to cancel); faults are armed after it. */
  prepare(): Promise<void>;
  /** Sends the call once. */
  invoke(): Promise<ExchangeResponse>;
  /** How many times the exchange ran the call (its own counter). */
  executions(): number;
  /** How many times the call reached the exchange. */
  arrivals(): readonly ReceivedRequest[];
  /** Sessions the exchange issued (0 for exchanges without sessions). */
  logins(): number;
  /** For AlphaPoint: expire every session and answer errorcode 20 with `status`. */
  refuseSessions?(status: 200 | 400 | 401): void;
  close(): Promise<void>;
}

export interface BenchOptions {
  /** A user's axios instance for the client. */
  readonly axios?: AxiosInstance;
}

const ORDER = { symbol: 'BTC_USD', type: 'buy-limit', price: '100', amount: '0.01' } as const;
const WITHDRAWAL = { ticker: 'USDT', network: 'tron', address: 'TXYZ', amount: 22 };

const settings = (clock: TestClock, options: BenchOptions): ClientOptions => ({
  rateLimit: false,
  retry: RETRY,
  clock,
  ...(options.axios ? { axios: options.axios } : {}),
});

async function bitexBench(call: CallName, options: BenchOptions): Promise<Bench> {
  const clock = new TestClock();
  const sandbox = await startBitexSandbox({ clock });
  const front = await startFront(sandbox.baseURL);
  const client = createClient(
    bitex({ ...sandbox.credentials.user, baseURL: front.baseURL }),
    settings(clock, options),
  );
  const target = {
    'bitex bids.create': { path: '/api/bids', route: 'POST /api/bids' },
    'bitex asks.create': { path: '/api/asks', route: 'POST /api/asks' },
    'bitex coinWithdrawals.create': { path: '/api/coin_withdrawals', route: 'POST /api/coin_withdrawals' },
  }[call as 'bitex bids.create'];
  const invoke = () => {
    if (call === 'bitex bids.create') {
      return client.call('bids.create', { body: bitexOrder('bids', 100) });
    }
    if (call === 'bitex asks.create') {
      return client.call('asks.create', { body: bitexOrder('asks', 900000) });
    }
    return client.call('coinWithdrawals.create', { body: BITEX_WITHDRAWAL });
  };
  return {
    call,
    front,
    exchange: sandbox,
    pathEnd: () => target.path,
    prepare: async () => undefined,
    invoke,
    executions: () => sandbox.stats().executions[target.route] ?? 0,
    arrivals: () => sandbox.log.filter((entry) => entry.method === 'POST' && entry.path === target.path),
    logins: () => 0,
    close: async () => {
      await client.close();
      await Promise.all([front.close(), sandbox.close()]);
    },
  };
}

async function bitexbitBench(call: CallName, options: BenchOptions): Promise<Bench> {
  const clock = new TestClock();
  const sandbox = await startBitexbitSandbox({ clock });
  const front = await startFront(sandbox.baseURL);
  const client = createClient(
    bitexbit({ ...sandbox.credentials.withdraw, baseURL: front.baseURL }),
    settings(clock, options),
  );
  let orderId = '';
  const path = () =>
    call === 'bitexbit orders.create'
      ? '/api/v2/private/order/create'
      : call === 'bitexbit orders.cancel'
        ? `/api/v2/private/order/${orderId}/cancel`
        : '/api/gateway/withdraw/create';
  const route =
    call === 'bitexbit orders.create'
      ? 'POST /api/v2/private/order/create'
      : call === 'bitexbit orders.cancel'
        ? 'POST /api/v2/private/order/:id/cancel'
        : 'POST /api/gateway/withdraw/create';
  return {
    call,
    front,
    exchange: sandbox,
    pathEnd: path,
    prepare: async () => {
      if (call !== 'bitexbit orders.cancel') return;
      const placed = await client.call('orders.create', { body: ORDER });
      orderId = String(checked(placed).data.order.id);
    },
    invoke: () => {
      if (call === 'bitexbit orders.create') return client.call('orders.create', { body: ORDER });
      if (call === 'bitexbit orders.cancel') return client.call('orders.cancel', { params: { id: orderId } });
      return client.call('withdrawals.create', { body: WITHDRAWAL });
    },
    executions: () => sandbox.executions(route),
    arrivals: () => sandbox.log.filter((entry) => entry.method === 'POST' && entry.path === path()),
    logins: () => 0,
    close: async () => {
      await client.close();
      await Promise.all([front.close(), sandbox.close()]);
    },
  };
}

async function alphapointBench(call: CallName, options: BenchOptions): Promise<Bench> {
  const clock = new TestClock({ start: Date.now() });
  const sandbox = await startAlphaPointSandbox();
  const front = await startFront(sandbox.baseURL);
  const client = createClient(
    kiiex({ ...sandbox.credentials.trader, baseURL: front.baseURL }),
    settings(clock, options),
  );
  const name = call === 'alphapoint SendOrder' ? 'SendOrder' : 'CreateWithdrawTicket';
  return {
    call,
    front,
    exchange: sandbox,
    pathEnd: () => `/${name}`,
    prepare: async () => {
      await client.authenticate();
    },
    invoke: () => {
      // The account of the key's user: the sandbox refuses any other.
      const ids = sandbox.accountIds(sandbox.credentials.trader.apiKey);
      return name === 'SendOrder'
        ? client.call('SendOrder', { body: { ...AP_ORDER, ...ids } })
        : client.call('CreateWithdrawTicket', { body: { ...AP_TICKET, ...ids } });
    },
    executions: () => sandbox.stats().executions[name] ?? 0,
    arrivals: () => sandbox.log.filter((entry) => entry.path === `/ap/${name}`),
    logins: () => sandbox.stats().logins ?? 0,
    refuseSessions: (status) => {
      sandbox.setStyle({ notAuthorizedStatus: status });
      sandbox.expireAllSessions();
    },
    close: async () => {
      await client.close();
      await Promise.all([front.close(), sandbox.close()]);
    },
  };
}

/** A fresh exchange, front and client for one call: nothing carries over from one fault to the next. */
export function openBench(call: CallName, options: BenchOptions = {}): Promise<Bench> {
  if (call.startsWith('bitex ')) return bitexBench(call, options);
  if (call.startsWith('bitexbit ')) return bitexbitBench(call, options);
  return alphapointBench(call, options);
}
