/**
 * A loopback exchange for the HMAC header example, written with node:http and node:crypto only (nothing of
 * exchange-auth), so the signatures it accepts are checked independently of the library: `X-SIG` must be the
 * hex HMAC-SHA256 of `X-TS + method + path + body`, with the path and body exactly as received, `X-TS` within
 * 5 s of its clock, and each header given once.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the exchange received it. */
export interface ReceivedCall {
  readonly method: string;
  readonly path: string;
  /** Header names in lower case; a header given twice is joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** Whether it carried a valid signature (`false` for public calls, which carry none). */
  readonly signed: boolean;
}

/** The example exchange, on 127.0.0.1. */
export interface HmacExchangeSandbox {
  readonly baseURL: string;
  readonly credentials: { apiKey: string; apiSecret: string };
  /** Every request received, in order. */
  readonly received: ReceivedCall[];
  /** How many orders were placed. */
  orders(): number;
  /** Answers the next `count` requests with `status` before reading them (429 comes with `Retry-After: 0`). */
  failNext(status: number, count?: number): void;
  close(): Promise<void>;
}

const WINDOW_MS = 5_000;
const SIGNED = ['x-key', 'x-ts', 'x-sig'];

const same = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

function reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts the example exchange on a free loopback port. */
export async function startHmacExchangeSandbox(): Promise<HmacExchangeSandbox> {
  const credentials = { apiKey: 'fiveKey0123456789', apiSecret: 'fiveSecret0123456789' };
  const received: ReceivedCall[] = [];
  const failures: number[] = [];
  let orders = 0;

  /** Why the request's signature does not hold, or `undefined` when it does. */
  const refusal = (req: IncomingMessage, path: string, body: string): string | undefined => {
    if (SIGNED.some((name) => (req.headersDistinct[name]?.length ?? 0) > 1))
      return 'a signed header given twice';
    const [key, ts, sig] = SIGNED.map((name) => req.headers[name]);
    if (key !== credentials.apiKey) return 'unknown key';
    if (typeof ts !== 'string' || !/^\d{13}$/.test(ts) || Math.abs(Date.now() - Number(ts)) > WINDOW_MS) {
      return 'X-TS is not a time within 5 s of the exchange clock';
    }
    const expected = createHmac('sha256', credentials.apiSecret)
      .update(ts + req.method + path + body, 'utf8')
      .digest('hex');
    return typeof sig === 'string' && same(sig, expected) ? undefined : 'invalid signature';
  };

  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const route = `${req.method} ${path}`;
    const headers = Object.fromEntries(
      Object.entries(req.headersDistinct).map(([name, values]) => [name, (values ?? []).join(', ')]),
    );
    const failure = failures.shift();
    const open = route === 'GET /v1/ticker';
    const refused = open ? undefined : refusal(req, path, body);
    received.push({ method: req.method ?? '', path, headers, body, signed: !open && refused === undefined });
    if (failure === 429) return reply(res, 429, { message: 'slow down' }, { 'Retry-After': '0' });
    if (failure !== undefined) return reply(res, failure, { message: 'try later' });
    if (open) return reply(res, 200, { pair: 'BTC-USD', last: '30000' });
    if (refused) return reply(res, 401, { message: refused });
    if (route === 'GET /v1/balance') return reply(res, 200, { BTC: '1.5', USD: '1000' });
    if (route === 'POST /v1/orders') {
      let order: unknown;
      try {
        order = JSON.parse(body);
      } catch {
        return reply(res, 400, { message: 'the body must be JSON' });
      }
      orders += 1;
      return reply(res, 200, { id: orders, status: 'open', order });
    }
    return reply(res, 404, { message: `no route ${route}` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}`,
    credentials,
    received,
    orders: () => orders,
    failNext: (status, count = 1) => {
      for (let i = 0; i < count; i += 1) failures.push(status);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
