import { createServer, type Server } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { Agent, type Dispatcher, ProxyAgent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { bitexbit, createClient, TransportError } from '../../src/index.js';
import { type BitexbitSandbox, startBitexbitSandbox } from '../../src/testing/index.js';
import { turns, until, watch } from '../faults/support/turns.js';
import { TestClock } from '../support/clock.js';
import { thrown } from '../support/leaks.js';

// The undici transport with a dispatcher of the user's: a proxy (undici's ProxyAgent), and a dispatcher composed
// with an interceptor, whose word on a failure is no proof that nothing was sent.

const ORDER = { symbol: 'BTC_USD', type: 'buy-limit', price: '100', amount: '0.01' } as const;
const ORDER_ROUTE = 'POST /api/v2/private/order/create';
/** Generous retries: an order sent once was not resent by rule, not for lack of retries. */
const RETRY = { retries: 3, minDelayMs: 1, maxDelayMs: 1 } as const;

const open: { close(): unknown }[] = [];
afterEach(async () => {
  for (const item of open.splice(0).reverse()) await item.close();
});

async function sandbox(): Promise<BitexbitSandbox> {
  const exchange = await startBitexbitSandbox();
  open.push(exchange);
  return exchange;
}

interface Proxy {
  readonly origin: string;
  /** The targets of the CONNECT requests it received. */
  readonly tunnels: string[];
  /** With `hold`: opens the tunnels held so far. */
  release(): void;
}

/**
 * An HTTP proxy on loopback that tunnels CONNECT requests; `refuse`: answers them all 403; `hold`: opens a tunnel
 * only when the test calls `release()`.
 */
async function startProxy(mode: 'tunnel' | 'refuse' | 'hold' = 'tunnel'): Promise<Proxy> {
  const tunnels: string[] = [];
  const held: (() => void)[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((_request, response) => response.writeHead(405).end());
  server.on('connect', (request, client: Socket, head: Buffer) => {
    sockets.add(client);
    client.on('error', () => undefined);
    tunnels.push(String(request.url));
    if (mode === 'refuse') {
      client.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    const open = () => {
      const [host, port] = String(request.url).split(':');
      const upstream = connect(Number(port), host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      sockets.add(upstream);
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
    };
    if (mode === 'hold') held.push(open);
    else open();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  open.push({
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(resolve));
    },
  });
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tunnels,
    release: () => {
      for (const open of held.splice(0)) open();
    },
  };
}

function track<D extends Dispatcher>(dispatcher: D): D {
  open.push({ close: () => dispatcher.close() });
  return dispatcher;
}

describe('a proxy: undici ProxyAgent as the dispatcher', () => {
  it('an order goes through the proxy, signed as sent, and is executed once', async () => {
    const exchange = await sandbox();
    const proxy = await startProxy();
    const client = createClient(bitexbit({ ...exchange.credentials.trade, baseURL: exchange.baseURL }), {
      dispatcher: track(new ProxyAgent(proxy.origin)),
      rateLimit: false,
    });
    const response = await client.call('orders.create', { body: ORDER });
    expect(response.status).toBe(200);
    expect(proxy.tunnels).toEqual([new URL(exchange.origin).host]);
    expect(exchange.executions(ORDER_ROUTE)).toBe(1);
  });

  it("a proxy that refuses the tunnel: the order is 'not-sent' and never reaches the exchange", async () => {
    const exchange = await sandbox();
    const proxy = await startProxy('refuse');
    const client = createClient(bitexbit({ ...exchange.credentials.trade, baseURL: exchange.baseURL }), {
      dispatcher: track(new ProxyAgent(proxy.origin)),
      rateLimit: false,
      retry: false,
    });
    const error = await thrown(() => client.call('orders.create', { body: ORDER }));
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).outcome).toBe('not-sent');
    expect(proxy.tunnels).toHaveLength(1);
    expect(exchange.log).toHaveLength(0);
  });
});

describe('a deadline that passes before the request starts, through a proxy that is slow to open the tunnel', () => {
  it("the order is 'not-sent' at its deadline, and when the tunnel opens later nothing of it is written", async () => {
    const exchange = await sandbox();
    const proxy = await startProxy('hold');
    const clock = new TestClock({ auto: false });
    const client = createClient(bitexbit({ ...exchange.credentials.trade, baseURL: exchange.baseURL }), {
      dispatcher: track(new ProxyAgent(proxy.origin)),
      rateLimit: false,
      retry: false,
      timeout: 1_000,
      clock,
    });
    const call = watch(client.call('orders.create', { body: ORDER }));
    await until(() => proxy.tunnels.length === 1, 'the proxy holds the tunnel');
    await clock.advance(1_000);
    await until(() => call.settled, 'the call ends at its deadline');
    expect(call.error).toBeInstanceOf(TransportError);
    expect((call.error as TransportError).outcome).toBe('not-sent');
    expect((call.error as TransportError).networkCode).toBe('ETIMEDOUT');

    // The tunnel opens after the deadline: undici starts the request on it, and the attempt stops it unwritten.
    proxy.release();
    await turns(2_000);
    expect(exchange.log).toHaveLength(0);
  });
});

/**
 * An interceptor like a user's axios interceptor in test/faults/shared/user-axios.ts: it passes the request on
 * but hides its start, and when the connection fails it says `ECONNREFUSED`, whatever happened before.
 */
const claimsRefused: Dispatcher.DispatcherComposeInterceptor = (dispatch) => (options, handler) =>
  dispatch(options, {
    onRequestStart: () => undefined,
    onResponseStart: (controller, status, headers, message) =>
      handler.onResponseStart?.(controller, status, headers, message),
    onResponseData: (controller, chunk) => handler.onResponseData?.(controller, chunk),
    onResponseEnd: (controller, trailers) => handler.onResponseEnd?.(controller, trailers),
    onResponseError: (controller, _error) =>
      handler.onResponseError?.(
        controller,
        Object.assign(new Error('connect ECONNREFUSED (said by an interceptor)'), { code: 'ECONNREFUSED' }),
      ),
  });

describe("a dispatcher whose requests' start cannot be observed", () => {
  it("an order executed and then cut off, reported as ECONNREFUSED by an interceptor: 'unknown', executed once", async () => {
    const exchange = await sandbox();
    exchange.dropNext({ execute: true });
    const client = createClient(bitexbit({ ...exchange.credentials.trade, baseURL: exchange.baseURL }), {
      dispatcher: track(new Agent()).compose(claimsRefused),
      rateLimit: false,
      retry: RETRY,
    });
    const error = await thrown(() => client.call('orders.create', { body: ORDER }));
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).outcome).toBe('unknown');
    expect((error as TransportError).networkCode).toBe('ECONNREFUSED');
    expect(exchange.executions(ORDER_ROUTE)).toBe(1);
  });

  it("the same order through undici's own Agent (observed): 'unknown' too, as the request had started", async () => {
    const exchange = await sandbox();
    exchange.dropNext({ execute: true });
    const client = createClient(bitexbit({ ...exchange.credentials.trade, baseURL: exchange.baseURL }), {
      dispatcher: track(new Agent()),
      rateLimit: false,
      retry: RETRY,
    });
    const error = await thrown(() => client.call('orders.create', { body: ORDER }));
    expect((error as TransportError).outcome).toBe('unknown');
    expect(exchange.executions(ORDER_ROUTE)).toBe(1);
  });

  it("a refused connection through undici's own Agent is 'not-sent'; through the interceptor, 'unknown'", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const outcome = async (dispatcher: Dispatcher) => {
      const client = createClient(
        bitexbit({
          accessKey: 'ak_refused',
          privateKey: 'sk_refused',
          access: 'trade',
          baseURL: `http://127.0.0.1:${port}`,
        }),
        { dispatcher, rateLimit: false, retry: false },
      );
      const error = await thrown(() => client.call('orders.create', { body: ORDER }));
      return [(error as TransportError).outcome, (error as TransportError).networkCode];
    };
    expect(await outcome(track(new Agent()))).toEqual(['not-sent', 'ECONNREFUSED']);
    expect(await outcome(track(new Agent()).compose(claimsRefused))).toEqual(['unknown', 'ECONNREFUSED']);
  });
});
