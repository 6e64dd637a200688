import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  type ClientOptions,
  createClient,
  ExchangeError,
  type NonceSource,
  PermissionDeniedError,
  RateLimitError,
  TransportError,
} from '../src/index.js';
import { type BitexbitOptions, bitexbit } from '../src/providers/bitexbit/index.js';
import type { BitexbitAccess } from '../src/providers/bitexbit/options.js';
import { type BitexbitSandbox, startBitexbitSandbox } from '../src/testing/bitexbit/index.js';
import { SANDBOX_MESSAGES } from '../src/testing/bitexbit/messages.js';
import type { ReceivedRequest } from '../src/testing/http-server.js';
import { thrown } from './support/leaks.js';

const ORDER = { symbol: 'BTC_USD', type: 'buy-limit', price: '30000', amount: '0.001' };
const WITHDRAWAL = { ticker: 'USDT', network: 'tron', address: 'TXYZ', amount: 22 };
const ROUTES = {
  balance: 'GET /api/v2/private/balance',
  create: 'POST /api/v2/private/order/create',
  cancel: 'POST /api/v2/private/order/:id/cancel',
  withdraw: 'POST /api/gateway/withdraw/create',
  history: 'GET /api/gateway/withdraw/history',
};
const fast: ClientOptions = {
  rateLimit: false,
  retry: { retries: 2, minDelayMs: 5, maxDelayMs: 2_000, maxElapsedMs: 10_000 },
};

let sandbox: BitexbitSandbox;

beforeAll(async () => {
  sandbox = await startBitexbitSandbox();
});
afterAll(async () => {
  await sandbox.close();
});
afterEach(() => {
  sandbox.clearFaults();
});

function client<A extends BitexbitAccess>(
  credentials: { accessKey: string; privateKey: string; access: A },
  extra: Partial<BitexbitOptions<A>> = {},
  options: ClientOptions = fast,
  on: BitexbitSandbox = sandbox,
) {
  return createClient(bitexbit({ ...credentials, baseURL: on.baseURL, ...extra }), options);
}

function hmac(secret: string, message: string): string {
  return createHmac('sha256', secret).update(message).digest('hex');
}

/** The log entries a test produced: everything logged after `from`. */
function since(from: number, on: BitexbitSandbox = sandbox): ReceivedRequest[] {
  return on.log.slice(from);
}

function available(symbol: string, on: BitexbitSandbox = sandbox): string | undefined {
  return on.balances().find((holding) => holding.symbol === symbol)?.available;
}

describe('what goes on the wire', () => {
  it('a v2 private GET carries X-API-Key, X-Nonce and the signature of path + nonce', async () => {
    const { trade } = sandbox.credentials;
    const from = sandbox.log.length;
    const response = await client(trade).call('balance.get');
    expect(response.status).toBe(200);
    const [sent] = since(from);
    expect(sent?.path).toBe('/api/v2/private/balance');
    expect(sent?.headers['x-api-key']).toBe(trade.accessKey);
    expect(sent?.headers['x-nonce']).toMatch(/^[0-9]{13,}$/);
    expect(sent?.headers['x-signature']).toBe(
      hmac(trade.privateKey, `/api/v2/private/balance${sent?.headers['x-nonce']}`),
    );
    expect(sent?.body).toBe('');
    expect(sent?.headers).not.toHaveProperty('x-key');
  });

  it('a public call carries no credentials', async () => {
    const from = sandbox.log.length;
    const response = await client(sandbox.credentials.read).call('public.tickers');
    expect(Array.isArray(response.data)).toBe(true);
    const [sent] = since(from);
    expect(Object.keys(sent?.headers ?? {}).filter((name) => name.startsWith('x-'))).toEqual([]);
  });

  it('an empty POST sends and signs {}', async () => {
    const trader = client(sandbox.credentials.trade);
    const created = await trader.call('orders.create', { body: ORDER });
    const id = (created.data as { id: number }).id;
    const from = sandbox.log.length;
    await trader.call('orders.cancel', { params: { id } });
    const [sent] = since(from);
    expect(sent?.body).toBe('{}');
    expect(sent?.headers['content-type']).toBe('application/json');
  });

  it('query strings are sent but not signed', async () => {
    const from = sandbox.log.length;
    const response = await client(sandbox.credentials.read).call('balance.get', {
      query: { symbols: 'BTC,USD' },
    });
    expect(response.data.map((holding) => holding.symbol)).toEqual(['BTC', 'USD']);
    const [sent] = since(from);
    expect(sent?.url).toBe('/api/v2/private/balance?symbols=BTC%2CUSD');
    expect(sent?.headers['x-signature']).toBe(
      hmac(sandbox.credentials.read.privateKey, `/api/v2/private/balance${sent?.headers['x-nonce']}`),
    );
  });

  it('a base URL with a path prefix signs the path as sent, prefix included', async () => {
    const proxied = await startBitexbitSandbox({ basePath: '/prefix' });
    try {
      const { withdraw } = proxied.credentials;
      const reader = client(withdraw, {}, fast, proxied);
      const balance = await reader.call('balance.get');
      expect(balance.status).toBe(200);
      const history = await reader.call('withdrawals.list');
      expect(history.data.results).toEqual([]);
      const [v2, gateway] = proxied.log;
      expect(v2?.path).toBe('/prefix/api/v2/private/balance');
      expect(v2?.headers['x-signature']).toBe(
        hmac(withdraw.privateKey, `/prefix/api/v2/private/balance${v2?.headers['x-nonce']}`),
      );
      expect(gateway?.path).toBe('/prefix/api/gateway/withdraw/history');
      expect(gateway?.headers['x-sign']).toBe(
        hmac(
          withdraw.privateKey,
          `${withdraw.accessKey}/prefix/api/gateway/withdraw/history${gateway?.headers['x-timeout']}`,
        ),
      );
      // The same client pointed at the unprefixed sandbox would sign another path: the prefix matters.
      expect(proxied.executions(ROUTES.balance)).toBe(1);
    } finally {
      await proxied.close();
    }
  });
});

describe('balances, orders and withdrawals', () => {
  it('reads the balance', async () => {
    const { data } = await client(sandbox.credentials.read).call('balance.get', {
      query: { symbols: 'BTC' },
    });
    expect(data).toEqual([{ symbol: 'BTC', available: expect.any(String), reserved: expect.any(String) }]);
  });

  it('creates and cancels an order, reserving and releasing the funds', async () => {
    const own = await startBitexbitSandbox();
    try {
      const trader = client(own.credentials.trade, {}, fast, own);
      const created = await trader.call('orders.create', { body: ORDER });
      expect(created.data).toMatchObject({ ...ORDER, status: 'open' });
      expect(own.balances().find((h) => h.symbol === 'USD')).toEqual({
        symbol: 'USD',
        available: '99970',
        reserved: '30',
      });
      const id = (created.data as { id: number }).id;
      const cancelled = await trader.call('orders.cancel', { params: { id } });
      expect(cancelled.data).toMatchObject({ id, status: 'cancelled' });
      expect(available('USD', own)).toBe('100000');
      expect(own.executions(ROUTES.create)).toBe(1);
      expect(own.executions(ROUTES.cancel)).toBe(1);

      const again = await thrown(() => trader.call('orders.cancel', { params: { id } }));
      expect(again).toBeInstanceOf(ExchangeError);
      expect((again as ExchangeError).status).toBe(400);
      expect((again as ExchangeError).message).toContain('order is not open');
    } finally {
      await own.close();
    }
  });

  it('400 carries the body details', async () => {
    const error = await thrown(() =>
      client(sandbox.credentials.trade).call('orders.create', { body: { ...ORDER, price: -1 } }),
    );
    expect(error).toBeInstanceOf(ExchangeError);
    expect((error as ExchangeError).status).toBe(400);
    expect((error as ExchangeError).details).toEqual({
      message: 'invalid request',
      errors: { price: 'must be a positive decimal string' },
    });
  });

  it('a gateway withdrawal is signed with X-Key, X-Timeout, X-Sign and lowers the balance once', async () => {
    const own = await startBitexbitSandbox();
    try {
      const { withdraw } = own.credentials;
      const before = Date.now();
      const response = await client(withdraw, {}, fast, own).call('withdrawals.create', {
        body: { ...WITHDRAWAL, client_order_id: 'w-1' },
      });
      expect(response.data).toMatchObject({ ticker: 'USDT', amount: '22', status: 'pending' });
      expect(available('USDT', own)).toBe('49978');
      expect(own.executions(ROUTES.withdraw)).toBe(1);
      const [sent] = own.log;
      const timeout = Number(sent?.headers['x-timeout']);
      expect(timeout).toBeGreaterThanOrEqual(before + 500);
      expect(timeout).toBeLessThanOrEqual(Date.now() + 500);
      expect(sent?.headers['x-key']).toBe(withdraw.accessKey);
      expect(sent?.headers['x-sign']).toBe(
        hmac(withdraw.privateKey, `${withdraw.accessKey}/api/gateway/withdraw/create${timeout}${sent?.body}`),
      );
      expect(sent?.headers).not.toHaveProperty('x-nonce');

      const history = await client(withdraw, {}, fast, own).call('withdrawals.list');
      expect(history.data.count).toBe(1);
    } finally {
      await own.close();
    }
  });

  it('a withdrawal whose answer is lost is not repeated: executed exactly once, outcome unknown', async () => {
    const own = await startBitexbitSandbox();
    try {
      own.dropNext({ execute: true });
      const error = await thrown(() =>
        client(own.credentials.withdraw, {}, fast, own).call('withdrawals.create', {
          body: { ...WITHDRAWAL, client_order_id: 'w-lost' },
        }),
      );
      expect(error).toBeInstanceOf(TransportError);
      expect((error as TransportError).outcome).toBe('unknown');
      expect(own.log).toHaveLength(1);
      expect(own.executions(ROUTES.withdraw)).toBe(1);
      expect(available('USDT', own)).toBe('49978');
    } finally {
      await own.close();
    }
  });

  it('a withdrawal that meets a 503 is not repeated', async () => {
    const own = await startBitexbitSandbox();
    try {
      own.failNext(1, { status: 503 });
      const error = await thrown(() =>
        client(own.credentials.withdraw, {}, fast, own).call('withdrawals.create', { body: WITHDRAWAL }),
      );
      expect(error).toBeInstanceOf(ExchangeError);
      expect((error as ExchangeError).status).toBe(503);
      expect(own.log).toHaveLength(1);
      expect(own.executions(ROUTES.withdraw)).toBe(0);
      expect(available('USDT', own)).toBe('50000');
    } finally {
      await own.close();
    }
  });
});

describe('refusals are classified', () => {
  it('a wrong private key is 401 → AuthenticationError', async () => {
    const { read } = sandbox.credentials;
    const error = await thrown(() =>
      client({ ...read, privateKey: 'sk_wrong_wrong_wrong' }).call('balance.get'),
    );
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).status).toBe(401);
    expect((error as AuthenticationError).message).toContain('signature does not match');
  });

  it('a nonce not greater than the last one received is 401 → AuthenticationError', async () => {
    const key = sandbox.addKey({ access: 'read' });
    const stuck: NonceSource = { next: () => '1700000000000' };
    const reader = client(key, { nonceSource: stuck });
    await reader.call('balance.get');
    const error = await thrown(() => reader.call('balance.get'));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).message).toContain(SANDBOX_MESSAGES.staleNonce);
  });

  it('a gateway request past its X-Timeout by the exchange clock is 401', async () => {
    sandbox.shiftClock(5_000);
    try {
      const error = await thrown(() => client(sandbox.credentials.withdraw).call('withdrawals.list'));
      expect(error).toBeInstanceOf(AuthenticationError);
      expect((error as AuthenticationError).message).toContain('X-Timeout is in the past');
      // A wider window covers the skew.
      const patient = client(sandbox.credentials.withdraw, { gatewayWindowMs: 10_000 });
      expect((await patient.call('withdrawals.list')).status).toBe(200);
    } finally {
      sandbox.shiftClock(-5_000);
    }
  });

  it("a call above the key's access type is 403 → PermissionDeniedError from the exchange", async () => {
    // The client believes the read-only key can trade, so the local gate lets the call through.
    const liar = client({ ...sandbox.credentials.read, access: 'trade' });
    const error = await thrown(() => liar.call('orders.create', { body: ORDER }));
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect((error as PermissionDeniedError).source).toBe('exchange');
    expect((error as PermissionDeniedError).required).toBe('trade');
    expect((error as PermissionDeniedError).status).toBe(403);
  });

  it("a call from an address outside the key's IP list is 403 from the exchange", async () => {
    const key = sandbox.addKey({ access: 'withdraw', allowedIps: ['203.0.113.7'] });
    const error = await thrown(() => client(key).call('balance.get'));
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect((error as PermissionDeniedError).source).toBe('exchange');
    expect((error as PermissionDeniedError).message).toContain('IP address is not allowed');
    sandbox.setAllowedIps(key.accessKey, ['127.0.0.1']);
    expect((await client(key).call('balance.get')).status).toBe(200);
  });

  it('429 → RateLimitError with Retry-After, when the exchange enforces 2 private calls per second', async () => {
    const limited = await startBitexbitSandbox({ rateLimit: true });
    try {
      const reader = client(limited.credentials.read, {}, { rateLimit: false, retry: false }, limited);
      await reader.call('balance.get');
      await reader.call('balance.get');
      const error = await thrown(() => reader.call('balance.get'));
      expect(error).toBeInstanceOf(RateLimitError);
      expect((error as RateLimitError).status).toBe(429);
      expect((error as RateLimitError).retryAfterMs).toBe(1000);
    } finally {
      await limited.close();
    }
  });

  it('429 on a non-idempotent call is not retried', async () => {
    const limited = await startBitexbitSandbox({ rateLimit: true });
    try {
      const trader = client(limited.credentials.trade, {}, fast, limited);
      await trader.call('orders.create', { body: ORDER });
      await trader.call('orders.create', { body: ORDER });
      const from = limited.log.length;
      const error = await thrown(() => trader.call('orders.create', { body: ORDER }));
      expect(error).toBeInstanceOf(RateLimitError);
      expect(since(from, limited)).toHaveLength(1);
      expect(limited.executions(ROUTES.create)).toBe(2);
    } finally {
      await limited.close();
    }
  });

  it('429 on an idempotent call is retried after Retry-After, signed with a new nonce', async () => {
    sandbox.failNext(1, { status: 429, retryAfterSeconds: 0 });
    const from = sandbox.log.length;
    const response = await client(sandbox.credentials.read).call('balance.get');
    expect(response.status).toBe(200);
    const [first, second] = since(from);
    expect(Number(second?.headers['x-nonce'])).toBeGreaterThan(Number(first?.headers['x-nonce']));
  });

  it('a 5xx is an ExchangeError', async () => {
    sandbox.failNext(1, { status: 502 });
    const error = await thrown(() =>
      client(sandbox.credentials.trade).call('orders.create', { body: ORDER }),
    );
    expect(error).toBeInstanceOf(ExchangeError);
    expect((error as ExchangeError).status).toBe(502);
  });

  it('an HTML page is described, not parsed', async () => {
    sandbox.failNext(1, { status: 503, body: '<!DOCTYPE html><html>challenge</html>' });
    const error = await thrown(() =>
      client(sandbox.credentials.read, {}, { ...fast, retry: false }).call('orders.list'),
    );
    expect(error).toBeInstanceOf(ExchangeError);
    expect((error as ExchangeError).message).toMatch(/HTML page/);
  });
});

describe('nonce order under concurrency', () => {
  it('100 concurrent private requests on one key all succeed, each executed exactly once', async () => {
    const own = await startBitexbitSandbox();
    try {
      const trader = client(own.credentials.trade, {}, fast, own);
      const orders = await Promise.all(
        Array.from({ length: 100 }, () =>
          trader.call('orders.create', { body: { ...ORDER, price: '100', amount: '0.01' } }),
        ),
      );
      const ids = orders.map((order) => (order.data as { id: number }).id);
      expect(new Set(ids).size).toBe(100);
      expect(own.executions(ROUTES.create)).toBe(100);
      expect(own.log).toHaveLength(100);
      const nonces = own.log.map((request) => BigInt(request.headers['x-nonce'] ?? '0'));
      expect(nonces.every((nonce, i) => i === 0 || nonce > (nonces[i - 1] ?? 0n))).toBe(true);
      expect(own.balances().find((h) => h.symbol === 'USD')?.reserved).toBe('100');
    } finally {
      await own.close();
    }
  });

  it('without the per-key queue, a request signed earlier but arriving later is refused', async () => {
    const own = await startBitexbitSandbox();
    try {
      const provider = bitexbit({ ...own.credentials.read, baseURL: own.baseURL });
      const { sequenceKey: _ignored, ...unsequenced } = provider.strategy;
      let signed = 0;
      // Each request is held after signing, the earlier ones longer: they arrive in reverse nonce order.
      const strategy = {
        ...unsequenced,
        async authorize(...args: Parameters<typeof unsequenced.authorize>) {
          const request = await unsequenced.authorize(...args);
          const wait = (5 - signed++) * 20;
          await new Promise((resolve) => setTimeout(resolve, wait));
          return request;
        },
      };
      const reader = createClient({ ...provider, strategy }, { rateLimit: false, retry: false });
      const results = await Promise.allSettled(Array.from({ length: 5 }, () => reader.call('balance.get')));
      const refused = results.filter((result) => result.status === 'rejected');
      expect(refused.length).toBe(4);
      expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(AuthenticationError);
    } finally {
      await own.close();
    }
  });

  it('two clients from two bitexbit() calls with the same key, used concurrently, all succeed', async () => {
    const own = await startBitexbitSandbox();
    try {
      const a = client(own.credentials.trade, {}, fast, own);
      const b = client(own.credentials.trade, {}, fast, own);
      const calls = Array.from({ length: 60 }, (_, i) =>
        i % 3 === 0
          ? (i % 2 ? a : b).call('orders.create', { body: ORDER })
          : (i % 2 ? a : b).call('balance.get'),
      );
      const answers = await Promise.all(calls);
      expect(answers.every((response) => response.status === 200)).toBe(true);
      expect(own.executions(ROUTES.create)).toBe(20);
      expect(own.executions(ROUTES.balance)).toBe(40);
    } finally {
      await own.close();
    }
  });
});

describe('the default client rate limit', () => {
  it('starts at most 2 requests within the first second', async () => {
    const own = await startBitexbitSandbox();
    try {
      const reader = createClient(bitexbit({ ...own.credentials.read, baseURL: own.baseURL }));
      const start = own.now();
      await Promise.all(Array.from({ length: 4 }, () => reader.call('balance.get')));
      expect(own.log).toHaveLength(4);
      // The third request waits for the first one's slot to be a second old. Timers may fire a millisecond
      // early by Date.now(), so count what started within 990 ms: a count, not a timing assertion.
      const inFirstSecond = own.log.filter((request) => request.at - start < 990).length;
      expect(inFirstSecond).toBe(2);
    } finally {
      await own.close();
    }
  });
});
