import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { formatDecimal, multiplyDecimal } from '../decimal.js';
import type { ReceivedRequest, ServerAnswer } from '../http-server.js';
import { type SlidingWindowLimiter, slidingWindowLimiter } from '../rate-limit.js';
import { Ledger, parsePositive } from './ledger.js';

/** A key's access type, as on the bitexbit API page. */
export type SandboxAccess = 'read' | 'trade' | 'withdraw';

/** Credentials shaped as the `bitexbit()` provider's options. */
export interface SandboxCredentials<A extends SandboxAccess = SandboxAccess> {
  readonly accessKey: string;
  readonly privateKey: string;
  readonly access: A;
}

/** Options of {@link BitexbitExchange.addKey}. */
export interface SandboxKeyOptions<A extends SandboxAccess> {
  access: A;
  /** Default: a random key. */
  accessKey?: string;
  /** Default: a random key. */
  privateKey?: string;
  /** Addresses the key may be used from; `undefined` or empty allows any. Default `['127.0.0.1']`. */
  allowedIps?: readonly string[];
}

/** Options of {@link BitexbitExchange}. */
export interface BitexbitExchangeOptions {
  /** A path prefix the API is mounted under (`/prefix`), as behind a proxy that passes the path through. */
  basePath?: string;
  /** Enforce 2 private calls per second per key and 100 public calls per second per address. */
  rateLimit?: boolean;
  /** The exchange's clock in milliseconds (the loopback server's, which tests can shift). */
  now?: () => number;
  /** Starting balances of the account. */
  balances?: Readonly<Record<string, string>>;
}

type Scheme = 'public' | 'v2' | 'gateway';

interface Route {
  readonly method: string;
  readonly template: string;
  readonly pattern: RegExp;
  readonly scheme: Scheme;
  readonly requires: SandboxAccess | 'public';
  readonly run: (call: Call) => ServerAnswer;
}

interface Call {
  readonly request: ReceivedRequest;
  readonly params: readonly string[];
  readonly json: unknown;
}

interface KeyState {
  readonly privateKey: string;
  readonly access: SandboxAccess;
  allowedIps: ReadonlySet<string> | undefined;
  lastNonce: bigint;
}

interface Order {
  readonly id: number;
  readonly symbol: string;
  readonly type: 'buy-limit' | 'sell-limit';
  readonly price: string;
  readonly amount: string;
  status: 'open' | 'cancelled';
  readonly created_at: string;
  readonly reserve: { readonly symbol: string; readonly units: bigint };
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

const LEVEL: Readonly<Record<SandboxAccess, number>> = { read: 0, trade: 1, withdraw: 2 };
const DIGITS = /^[0-9]{1,32}$/;
const HEX64 = /^[0-9a-f]{64}$/;
const PAIRS: Readonly<Record<string, readonly [string, string]>> = {
  BTC_USD: ['BTC', 'USD'],
  ETH_USD: ['ETH', 'USD'],
  BTC_USDT: ['BTC', 'USDT'],
  USDT_USD: ['USDT', 'USD'],
};
const NETWORKS: Readonly<Record<string, readonly string[]>> = {
  BTC: ['bitcoin'],
  ETH: ['ethereum'],
  USDT: ['tron', 'ethereum'],
  USD: ['card'],
};
/** The account's balances when none are given. */
export const DEFAULT_BALANCES: Readonly<Record<string, string>> = {
  BTC: '2',
  ETH: '10',
  USD: '100000',
  USDT: '50000',
};

/** Messages of refused requests. bitexbit documents only the statuses, so the wording is this sandbox's own. */
export const SANDBOX_MESSAGES = {
  missingHeaders: 'authentication headers are not valid: X-API-Key, X-Nonce and X-Signature are required',
  missingGatewayHeaders: 'authentication headers are not valid: X-Key, X-Timeout and X-Sign are required',
  unknownKey: 'authentication headers are not valid: unknown key',
  badSignature: 'authentication headers are not valid: the signature does not match',
  staleNonce:
    'authentication headers are not valid: the nonce must be greater than the last one received for this key',
  expired: 'authentication headers are not valid: X-Timeout is in the past',
  access: "no access to this operation: the key's access type does not allow it",
  ip: 'no access to this operation: this IP address is not allowed for the key',
  rateLimited: 'too many requests: at most 2 authenticated calls per second',
  publicRateLimited: 'too many requests: at most 100 public calls per second per IP address',
  notFound: 'not found',
} as const;

function answer(status: number, body: unknown, headers?: Record<string, string>): ServerAnswer {
  return headers ? { status, body, headers } : { status, body };
}

function refused(status: number, message: string, extra?: Record<string, unknown>): ServerAnswer {
  return answer(status, { message, ...extra });
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

function normaliseAddress(address: string): string {
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

function invalid(errors: Record<string, string>): ServerAnswer {
  return refused(400, 'invalid request', { errors });
}

/**
 * The state and rules of a bitexbit exchange, without HTTP: keys with access types and IP lists, signature and
 * nonce checks, balances, orders and withdrawals. {@link startBitexbitSandbox} serves it on loopback.
 */
export class BitexbitExchange {
  readonly #basePath: string;
  readonly #rateLimit: boolean;
  readonly #now: () => number;
  readonly #keys = new Map<string, KeyState>();
  readonly #routes: Route[];
  readonly #executions = new Map<string, number>();
  readonly #privateLimit: SlidingWindowLimiter = slidingWindowLimiter(2, 1000);
  readonly #publicLimit: SlidingWindowLimiter = slidingWindowLimiter(100, 1000);
  readonly #orders = new Map<number, Order>();
  readonly #withdrawals: Withdrawal[] = [];
  readonly #clientOrderIds = new Set<string>();
  readonly ledger: Ledger;
  #nextId = 1;

  constructor(options: BitexbitExchangeOptions = {}) {
    this.#basePath = (options.basePath ?? '').replace(/\/+$/, '');
    this.#rateLimit = options.rateLimit ?? false;
    this.#now = options.now ?? (() => Date.now());
    this.ledger = new Ledger(options.balances ?? DEFAULT_BALANCES);
    this.#routes = this.#defineRoutes();
  }

  /** Registers a key of the account and returns its credentials. */
  addKey<A extends SandboxAccess>(options: SandboxKeyOptions<A>): SandboxCredentials<A> {
    const accessKey = options.accessKey ?? `ak_${randomBytes(12).toString('hex')}`;
    const privateKey = options.privateKey ?? `sk_${randomBytes(24).toString('hex')}`;
    this.#keys.set(accessKey, {
      privateKey,
      access: options.access,
      allowedIps: undefined,
      lastNonce: -1n,
    });
    this.setAllowedIps(accessKey, options.allowedIps === undefined ? ['127.0.0.1'] : options.allowedIps);
    return { accessKey, privateKey, access: options.access };
  }

  /** Replaces a key's IP list; an empty list allows any address. */
  setAllowedIps(accessKey: string, ips: readonly string[]): void {
    const key = this.#keys.get(accessKey);
    if (!key) throw new Error('setAllowedIps: no such access key in this sandbox');
    key.allowedIps = ips.length === 0 ? undefined : new Set(ips.map(normaliseAddress));
  }

  /** The last nonce the exchange received with a valid signature for a key (`undefined` before the first). */
  lastNonce(accessKey: string): bigint | undefined {
    const nonce = this.#keys.get(accessKey)?.lastNonce;
    return nonce === undefined || nonce < 0n ? undefined : nonce;
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
    return [...this.#orders.values()].map((order) => this.#orderView(order));
  }

  /** Withdrawals made so far, oldest first. */
  withdrawals(): readonly Withdrawal[] {
    return [...this.#withdrawals];
  }

  /** Answers one request. */
  handle(request: ReceivedRequest): ServerAnswer {
    if (this.#basePath && !request.path.startsWith(`${this.#basePath}/`)) {
      return refused(404, SANDBOX_MESSAGES.notFound);
    }
    const relative = request.path.slice(this.#basePath.length);
    for (const route of this.#routes) {
      const match = route.pattern.exec(relative);
      if (!match || route.method !== request.method) continue;
      const refusal =
        route.scheme === 'public' ? this.#publicGate(request) : this.#authenticate(route, request);
      if (refusal) return refusal;
      let json: unknown;
      if (request.body !== '') {
        try {
          json = JSON.parse(request.body);
        } catch {
          return refused(400, 'invalid request: the body is not JSON');
        }
      }
      const name = `${route.method} ${route.template}`;
      this.#executions.set(name, (this.#executions.get(name) ?? 0) + 1);
      return route.run({ request, params: match.slice(1), json });
    }
    return refused(404, SANDBOX_MESSAGES.notFound);
  }

  #publicGate(request: ReceivedRequest): ServerAnswer | undefined {
    if (!this.#rateLimit) return undefined;
    return this.#limit(
      this.#publicLimit,
      normaliseAddress(request.remoteAddress),
      request.at,
      'publicRateLimited',
    );
  }

  #limit(
    limiter: SlidingWindowLimiter,
    caller: string,
    at: number,
    message: 'rateLimited' | 'publicRateLimited',
  ): ServerAnswer | undefined {
    const verdict = limiter.take(caller, at);
    if (verdict.allowed) return undefined;
    const seconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
    return answer(429, { message: SANDBOX_MESSAGES[message] }, { 'Retry-After': String(seconds) });
  }

  /**
   * The checks of a private call, in order: headers present, key known, signature recomputed over the path as
   * received + nonce (or key + path + timeout) + the body as received, then the nonce greater than the last one
   * received for the key (v2) or the deadline not past by this exchange's clock (gateway), then the rate limit,
   * the IP list and the access type.
   */
  #authenticate(route: Route, request: ReceivedRequest): ServerAnswer | undefined {
    const gateway = route.scheme === 'gateway';
    const h = request.headers;
    const accessKey = gateway ? h['x-key'] : h['x-api-key'];
    const stamp = gateway ? h['x-timeout'] : h['x-nonce'];
    const signature = gateway ? h['x-sign'] : h['x-signature'];
    if (!accessKey || !stamp || !signature || !DIGITS.test(stamp) || !HEX64.test(signature)) {
      return refused(401, gateway ? SANDBOX_MESSAGES.missingGatewayHeaders : SANDBOX_MESSAGES.missingHeaders);
    }
    const key = this.#keys.get(accessKey);
    if (!key) return refused(401, SANDBOX_MESSAGES.unknownKey);
    const message = gateway
      ? `${accessKey}${request.path}${stamp}${request.body}`
      : `${request.path}${stamp}${request.body}`;
    const expected = createHmac('sha256', key.privateKey).update(message, 'utf8').digest('hex');
    if (!sameHex(expected, signature)) return refused(401, SANDBOX_MESSAGES.badSignature);
    if (gateway) {
      if (Number(stamp) < this.#now()) return refused(401, SANDBOX_MESSAGES.expired);
    } else {
      const nonce = BigInt(stamp);
      if (nonce <= key.lastNonce) return refused(401, SANDBOX_MESSAGES.staleNonce);
      key.lastNonce = nonce;
    }
    if (this.#rateLimit) {
      const limited = this.#limit(this.#privateLimit, accessKey, request.at, 'rateLimited');
      if (limited) return limited;
    }
    if (key.allowedIps && !key.allowedIps.has(normaliseAddress(request.remoteAddress))) {
      return refused(403, SANDBOX_MESSAGES.ip);
    }
    if (route.requires !== 'public' && LEVEL[key.access] < LEVEL[route.requires]) {
      return refused(403, SANDBOX_MESSAGES.access);
    }
    return undefined;
  }

  #orderView(order: Order): Record<string, unknown> {
    const { reserve: _reserve, ...view } = order;
    return view;
  }

  #timestamp(): string {
    return new Date(this.#now()).toISOString();
  }

  #defineRoutes(): Route[] {
    const route = (
      method: string,
      template: string,
      scheme: Scheme,
      requires: Route['requires'],
      run: Route['run'],
    ): Route => {
      const source = template
        .split('/')
        .map((segment) =>
          segment.startsWith(':') ? '([^/]+)' : segment.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&'),
        )
        .join('/');
      return { method, template, pattern: new RegExp(`^${source}$`), scheme, requires, run };
    };
    const pub = (name: string, data: () => unknown) =>
      route('GET', `/api/v2/public/${name}`, 'public', 'public', () => answer(200, data()));
    return [
      pub('currencies', () =>
        Object.entries(NETWORKS).map(([symbol, networks]) => ({ symbol, networks, precision: 8 })),
      ),
      pub('pairs', () =>
        Object.entries(PAIRS).map(([symbol, [base, quote]]) => ({
          symbol,
          base,
          quote,
          min_amount: '0.0001',
        })),
      ),
      pub('ohlcv', () => [
        { time: this.#now(), open: '30000', high: '30100', low: '29900', close: '30050', volume: '1.5' },
      ]),
      pub('tickers', () => Object.keys(PAIRS).map((symbol) => ({ symbol, last: '30000', volume: '12.5' }))),
      pub('depth', () => ({ asks: [['30100', '0.5']], bids: [['29900', '0.7']] })),
      pub('orders', () =>
        [...this.#orders.values()]
          .filter((order) => order.status === 'open')
          .map(({ symbol, type, price, amount }) => ({ symbol, type, price, amount })),
      ),
      pub('trades', () => []),

      route('GET', '/api/v2/private/balance', 'v2', 'read', ({ request }) => {
        const symbols = request.query.symbols;
        const list = symbols ? symbols.split(',').filter((symbol) => symbol !== '') : undefined;
        return answer(200, this.ledger.view(list));
      }),
      route('GET', '/api/v2/private/orders', 'v2', 'read', () => answer(200, this.orders())),
      route('GET', '/api/v2/private/trades', 'v2', 'read', () => answer(200, [])),
      route('GET', '/api/v2/private/trading-fees', 'v2', 'read', () =>
        answer(
          200,
          Object.keys(PAIRS).map((symbol) => ({ symbol, maker: '0.001', taker: '0.002' })),
        ),
      ),
      route('POST', '/api/v2/private/order/create', 'v2', 'trade', ({ json }) => this.#createOrder(json)),
      route('POST', '/api/v2/private/order/:id/cancel', 'v2', 'trade', ({ params }) =>
        this.#cancelOrder(params[0] ?? ''),
      ),

      route('POST', '/api/gateway/withdraw/create', 'gateway', 'withdraw', ({ json }) =>
        this.#withdraw(json),
      ),
      route('GET', '/api/gateway/withdraw/history', 'gateway', 'read', () => {
        const results = [...this.#withdrawals].reverse();
        return answer(200, { count: results.length, next: null, previous: null, results });
      }),
    ];
  }

  #createOrder(json: unknown): ServerAnswer {
    const body = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
    const errors: Record<string, string> = {};
    const pair = typeof body.symbol === 'string' ? PAIRS[body.symbol] : undefined;
    if (!pair) errors.symbol = `must be one of ${Object.keys(PAIRS).join(', ')}`;
    if (body.type !== 'buy-limit' && body.type !== 'sell-limit')
      errors.type = 'must be buy-limit or sell-limit';
    const price = typeof body.price === 'string' ? parsePositive(body.price) : undefined;
    if (price === undefined) errors.price = 'must be a positive decimal string';
    const amount = typeof body.amount === 'string' ? parsePositive(body.amount) : undefined;
    if (amount === undefined) errors.amount = 'must be a positive decimal string';
    if (!pair || price === undefined || amount === undefined || Object.keys(errors).length > 0) {
      return invalid(errors);
    }
    const type = body.type as Order['type'];
    const reserve =
      type === 'buy-limit'
        ? { symbol: pair[1], units: multiplyDecimal(price, amount) }
        : { symbol: pair[0], units: amount };
    if (!this.ledger.reserve(reserve.symbol, reserve.units)) {
      return refused(400, `insufficient funds: not enough ${reserve.symbol} available`);
    }
    const order: Order = {
      id: this.#nextId++,
      symbol: body.symbol as string,
      type,
      price: formatDecimal(price),
      amount: formatDecimal(amount),
      status: 'open',
      created_at: this.#timestamp(),
      reserve,
    };
    this.#orders.set(order.id, order);
    return answer(200, this.#orderView(order));
  }

  #cancelOrder(id: string): ServerAnswer {
    const order = /^[0-9]+$/.test(id) ? this.#orders.get(Number(id)) : undefined;
    if (!order) return refused(400, 'order not found');
    if (order.status !== 'open') return refused(400, 'order is not open');
    order.status = 'cancelled';
    this.ledger.release(order.reserve.symbol, order.reserve.units);
    return answer(200, this.#orderView(order));
  }

  #withdraw(json: unknown): ServerAnswer {
    const body = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
    const errors: Record<string, string> = {};
    const ticker = typeof body.ticker === 'string' ? body.ticker : '';
    const networks = NETWORKS[ticker];
    if (!networks) errors.ticker = `must be one of ${Object.keys(NETWORKS).join(', ')}`;
    const network = typeof body.network === 'string' ? body.network : '';
    if (networks && !networks.includes(network)) errors.network = `must be one of ${networks.join(', ')}`;
    const address = typeof body.address === 'string' && body.address !== '' ? body.address : undefined;
    const card = typeof body.card === 'string' && body.card !== '' ? body.card : undefined;
    if (!address && !card) errors.address = 'address or card is required';
    const amount = parsePositive(body.amount);
    if (amount === undefined) errors.amount = 'must be a positive number';
    const clientOrderId = body.client_order_id;
    if (clientOrderId !== undefined && (typeof clientOrderId !== 'string' || clientOrderId === '')) {
      errors.client_order_id = 'must be a non-empty string';
    }
    if (amount === undefined || Object.keys(errors).length > 0) return invalid(errors);
    if (typeof clientOrderId === 'string' && this.#clientOrderIds.has(clientOrderId)) {
      return refused(400, 'client_order_id already used');
    }
    if (!this.ledger.debit(ticker, amount))
      return refused(400, `insufficient funds: not enough ${ticker} available`);
    if (typeof clientOrderId === 'string') this.#clientOrderIds.add(clientOrderId);
    const withdrawal: Withdrawal = {
      id: this.#nextId++,
      ticker,
      network,
      address,
      card,
      amount: formatDecimal(amount),
      fee: '0',
      fee_payer: body.fee_payer === 'receiver' ? 'receiver' : 'sender',
      client_order_id: typeof clientOrderId === 'string' ? clientOrderId : undefined,
      status: 'pending',
      created_at: this.#timestamp(),
    };
    this.#withdrawals.push(withdrawal);
    return answer(200, withdrawal);
  }
}
