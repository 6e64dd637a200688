import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  type LoopbackServer,
  type ReceivedRequest,
  type ServerAnswer,
  startHttpServer,
} from 'exchange-auth/testing';

/** A loopback Binance-style exchange that checks signatures and refuses timestamps outside recvWindow. */
export interface QueryExchangeSandbox {
  readonly baseURL: string;
  readonly credentials: { apiKey: string; apiSecret: string };
  readonly server: LoopbackServer;
  /** Times each route's action ran (`'POST /api/v3/order'`), and how often the time endpoint was asked. */
  readonly executions: Record<string, number>;
  timeLookups(): number;
  /** Puts the exchange's clock `ms` ahead of (or, negative, behind) this machine's. */
  setSkew(ms: number): void;
  /** Makes the time endpoint report its clock off by `ms`, so no offset learnt from it can work. */
  lieAboutTime(ms: number): void;
  close(): Promise<void>;
}

const same = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
const refuse = (status: number, code: number, msg: string): ServerAnswer => ({ status, body: { code, msg } });

/** Starts the example exchange on 127.0.0.1. */
export async function startQueryExchangeSandbox(): Promise<QueryExchangeSandbox> {
  const credentials = { apiKey: 'exampleKey0123456789', apiSecret: 'exampleSecret0123456789' };
  const executions: Record<string, number> = {};
  let lookups = 0;
  let skew = 0;
  let lie = 0;
  const clock = () => Date.now() + skew;

  const verify = (request: ReceivedRequest): ServerAnswer | undefined => {
    if (request.headers['x-mbx-apikey'] !== credentials.apiKey) return refuse(401, -2015, 'Invalid API-key.');
    const raw = request.url.split('?')[1] ?? '';
    const at = raw.lastIndexOf('&signature=');
    if (at === -1) return refuse(400, -1102, 'Mandatory parameter signature was not sent.');
    const payload = raw.slice(0, at);
    const expected = createHmac('sha256', credentials.apiSecret)
      .update(payload + request.body)
      .digest('hex');
    if (!same(raw.slice(at + '&signature='.length), expected)) {
      return refuse(400, -1022, 'Signature for this request is not valid.');
    }
    const timestamp = Number(request.query.timestamp);
    const window = Number(request.query.recvWindow ?? 5000);
    const now = clock();
    if (!(timestamp < now + 1000 && now - timestamp <= window)) {
      return refuse(400, -1021, 'Timestamp for this request is outside of the recvWindow.');
    }
    return undefined;
  };

  const server = await startHttpServer((request) => {
    const route = `${request.method} ${request.path}`;
    if (route === 'GET /api/v3/time') {
      lookups += 1;
      return { status: 200, body: { serverTime: clock() + lie } };
    }
    if (route === 'GET /api/v3/ping') return { status: 200, body: {} };
    const refused = verify(request);
    if (refused) return refused;
    executions[route] = (executions[route] ?? 0) + 1;
    if (route === 'GET /api/v3/account')
      return { status: 200, body: { balances: [{ asset: 'BTC', free: '1' }] } };
    if (route === 'POST /api/v3/order')
      return { status: 200, body: { orderId: executions[route], status: 'NEW' } };
    return refuse(404, -1000, 'Unknown route.');
  });

  return {
    baseURL: server.origin,
    credentials,
    server,
    executions,
    timeLookups: () => lookups,
    setSkew: (ms) => {
      skew = ms;
    },
    lieAboutTime: (ms) => {
      lie = ms;
    },
    close: () => server.close(),
  };
}
