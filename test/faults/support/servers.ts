import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo, createServer as createTcpServer, type Socket } from 'node:net';

/**
 * Small raw loopback servers that misbehave on purpose. Each one is registered when it starts and stopped by
 * {@link closeServers} (call it in `afterEach`): every socket is destroyed, and every trickle loop stops when its
 * socket closes or after a bounded number of turns, whichever comes first.
 */

/** One request as the server saw it. */
export interface Arrival {
  readonly method: string;
  /** Path and query as sent. */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** The body, complete once the handler is called. */
  body: string;
}

/** What a test does with one request once its whole body has arrived. */
export type Handler = (arrival: Arrival, res: ServerResponse, req: IncomingMessage) => void;

export interface Loopback {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** Every request whose headers arrived, in order. */
  readonly arrivals: Arrival[];
  /** Requests whose answer is not finished yet (answered, or connection gone, ends one). */
  readonly open: number;
  /** The most requests ever open at once. */
  readonly peak: number;
  /** Requests of this path (ignoring the query) that arrived. */
  count(path: string): number;
  close(): Promise<void>;
}

const running = new Set<{ close(): Promise<void> }>();

/** Stops every server started by this module (for `afterEach`). */
export async function closeServers(): Promise<void> {
  const all = [...running];
  running.clear();
  await Promise.all(all.map((server) => server.close()));
}

function register<T extends { close(): Promise<void> }>(server: T): T {
  running.add(server);
  return server;
}

/** A raw `node:http` server calling `handler` for each request once its body has been read. */
export async function startHttp(handler: Handler): Promise<Loopback> {
  const arrivals: Arrival[] = [];
  const sockets = new Set<Socket>();
  let open = 0;
  let peak = 0;
  const server = createServer((req, res) => {
    const arrival: Arrival = {
      method: req.method ?? '',
      path: req.url ?? '',
      headers: req.headers,
      body: '',
    };
    arrivals.push(arrival);
    open += 1;
    peak = Math.max(peak, open);
    res.once('close', () => {
      open -= 1;
    });
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      arrival.body += chunk;
    });
    req.once('end', () => handler(arrival, res, req));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return register({
    origin: `http://127.0.0.1:${port}`,
    arrivals,
    get open() {
      return open;
    },
    get peak() {
      return peak;
    },
    count: (path: string) => arrivals.filter((arrival) => arrival.path.split('?')[0] === path).length,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  });
}

/** The AlphaPoint login answer the brief's servers give: a session for user 7. */
export const LOGIN_ANSWER = JSON.stringify({
  Authenticated: true,
  SessionToken: 'tok-faults-0123456789abcdef',
  User: { UserId: 7, AccountId: 7, OMSId: 1 },
});

/** Answers `res` with JSON. */
export function json(res: ServerResponse, status: number, body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Answers an AlphaPoint login (`POST …/AuthenticateUser`) and returns true; false for any other request. */
export function answeredLogin(arrival: Arrival, res: ServerResponse): boolean {
  if (!arrival.path.endsWith('/AuthenticateUser')) return false;
  json(res, 200, LOGIN_ANSWER);
  return true;
}

/** How far a trickle got. */
export interface Trickle {
  /** Bytes written so far. */
  readonly written: number;
  /** True once the loop stopped (socket closed or bound reached). */
  readonly stopped: boolean;
}

/**
 * Sends status and headers, then one byte per turn of the event loop (or `chunkBytes` bytes per turn), forever:
 * until the connection closes, or after `maxBytes` bytes (the bound that makes sure no loop outlives a failing
 * test).
 */
export function trickle(
  res: ServerResponse,
  { maxBytes = 200_000, chunkBytes = 1 }: { maxBytes?: number; chunkBytes?: number } = {},
): Trickle {
  const state = { written: 0, stopped: false };
  let closed = false;
  res.once('close', () => {
    closed = true;
  });
  res.writeHead(200, { 'content-type': 'application/json' });
  const chunk = Buffer.alloc(chunkBytes, ' ');
  const step = () => {
    if (closed || res.destroyed || state.written >= maxBytes) {
      state.stopped = true;
      res.destroy();
      return;
    }
    res.write(state.written === 0 ? Buffer.concat([Buffer.from('{'), chunk.subarray(1)]) : chunk);
    state.written += chunkBytes;
    setImmediate(step);
  };
  step();
  return state;
}

/** Sends status and headers at once, then nothing: the body never starts. */
export function headersOnly(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.flushHeaders();
}

export interface SilentTcp {
  readonly origin: string;
  /** Connections accepted and left unread (after the answered ones). */
  readonly silent: number;
  /** Connections answered (AlphaPoint logins). */
  readonly answered: number;
  close(): Promise<void>;
}

/**
 * A `node:net` server that accepts each connection and never reads from it nor answers. The first `answerFirst`
 * connections are the exception: each is read to the end of its request and answered with the AlphaPoint login
 * and `Connection: close` (so a Kiiex client gets its session, then meets the silence with its real call).
 */
export async function startSilentTcp(answerFirst = 0): Promise<SilentTcp> {
  const sockets = new Set<Socket>();
  let silent = 0;
  let answered = 0;
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (answered + silent >= answerFirst) {
      socket.pause();
      silent += 1;
      return;
    }
    answered += 1;
    let seen = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      seen += chunk;
      const end = seen.indexOf('\r\n\r\n');
      if (end === -1) return;
      const length = Number(/\r\ncontent-length: *([0-9]+)/i.exec(seen.slice(0, end))?.[1] ?? 0);
      if (Buffer.byteLength(seen.slice(end + 4)) < length) return;
      socket.removeAllListeners('data');
      socket.end(
        'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n' +
          `content-length: ${Buffer.byteLength(LOGIN_ANSWER)}\r\nconnection: close\r\n\r\n${LOGIN_ANSWER}`,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return register({
    origin: `http://127.0.0.1:${port}`,
    get silent() {
      return silent;
    },
    get answered() {
      return answered;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  });
}
