import { createServer, type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the loopback server received it. */
export interface ReceivedRequest {
  readonly method: string;
  /** The path without the query string, exactly as received. */
  readonly path: string;
  /** The query parameters (the last value wins when a name repeats). */
  readonly query: Readonly<Record<string, string>>;
  /** The request target exactly as received: path and query string. */
  readonly url: string;
  /** Headers as received, names in lower case; repeated headers joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body exactly as received (`''` for none). */
  readonly body: string;
  /** When it arrived, on the server's clock ({@link FaultControls.now}). */
  readonly at: number;
  /** The caller's address (`127.0.0.1`). */
  readonly remoteAddress: string;
}

/** What a handler answers. A `body` that is not a string is sent as JSON; `undefined` sends no body. */
export interface ServerAnswer {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

/** Answers one request. */
export type RequestHandler = (request: ReceivedRequest) => ServerAnswer | Promise<ServerAnswer>;

/** Options of {@link FaultControls.failNext}. */
export interface FailOptions {
  /** The status to answer with, such as 503 or 429. */
  status: number;
  /** Sent as the `Retry-After` header, in seconds. */
  retryAfterSeconds?: number;
  /** The body. Default `{"error": "<reason phrase>"}`. */
  body?: unknown;
}

/** Options of {@link FaultControls.dropNext}. */
export interface DropOptions {
  /**
   * Run the request before dropping the connection, and throw its answer away: the client cannot know it
   * succeeded. Default `true`.
   */
  execute?: boolean;
}

/** Faults a test can inject in front of any sandbox exchange. */
export interface FaultControls {
  /** Delays every following answer by `ms` more (cumulative; {@link FaultControls.clearFaults} resets it). */
  addLatency(ms: number): void;
  /** The next `count` requests are answered with `status` without reaching the exchange. */
  failNext(count: number, options: FailOptions): void;
  /** The connection of the next request is destroyed once its body is read: the client sees a socket error. */
  dropNext(options?: DropOptions): void;
  /** Moves the server's clock by `ms` (cumulative; negative goes back). */
  shiftClock(ms: number): void;
  /** The server's clock in milliseconds: `Date.now()` (or the given clock's `now()`) plus every shift. */
  now(): number;
  /** Forgets latency and queued failures and drops (not the clock shift). */
  clearFaults(): void;
}

/** A running loopback server. */
export interface LoopbackServer extends FaultControls {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  readonly port: number;
  /** Every request received, in order, including failed and dropped ones. */
  readonly log: ReceivedRequest[];
  /** Stops listening, closes every connection (idle keep-alive ones too) and frees the port. */
  close(): Promise<void>;
}

type Fault =
  | { readonly kind: 'fail'; readonly options: FailOptions }
  | { readonly kind: 'drop'; readonly execute: boolean };

function rawHeaders(message: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i + 1 < message.rawHeaders.length; i += 2) {
    const name = (message.rawHeaders[i] ?? '').toLowerCase();
    const value = message.rawHeaders[i + 1] ?? '';
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}

async function readBody(message: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Writes an answer. Its `Date` header reads the server's clock (shifts included), as a real exchange's reads its
 * own, so a client measuring the clock offset from answers measures this server's.
 */
function send(response: ServerResponse, answer: ServerAnswer, now: number): void {
  const headers: Record<string, string> = { Date: new Date(now).toUTCString(), ...answer.headers };
  let payload = '';
  if (typeof answer.body === 'string') {
    payload = answer.body;
  } else if (answer.body !== undefined) {
    payload = JSON.stringify(answer.body);
    const hasType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
    if (!hasType) headers['Content-Type'] = 'application/json; charset=utf-8';
  }
  response.writeHead(answer.status, { ...headers, 'Content-Length': String(Buffer.byteLength(payload)) });
  response.end(payload);
}

function failure(options: FailOptions): ServerAnswer {
  const headers: Record<string, string> =
    options.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(options.retryAfterSeconds) };
  const body = 'body' in options ? options.body : { error: STATUS_CODES[options.status] ?? 'Error' };
  return { status: options.status, headers, body };
}

/**
 * Where a sandbox gets time: its clock (before any {@link FaultControls.shiftClock} shift) and the wait of the
 * latency fault. A client's `Clock` fits, so a test can drive the client and the exchange with one clock.
 */
export interface SandboxClock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms` milliseconds. */
  sleep(ms: number): Promise<void>;
}

/** The real clock: `Date.now()` and a timer. */
const realClock: SandboxClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
};

/** Options of {@link startHttpServer}. */
export interface HttpServerOptions {
  /** Port to listen on; default 0 (a free port). A port in use rejects with the system's `EADDRINUSE`. */
  port?: number;
  /** Oldest requests are dropped from the log beyond this many. Default 100,000. */
  logLimit?: number;
  /** The server's clock and the latency fault's wait. Default the real clock (`Date.now()`, a timer). */
  clock?: SandboxClock;
}

/**
 * Starts an HTTP server on 127.0.0.1 with a free port, reading each request whole and passing it to
 * `handler`, with a request log and the {@link FaultControls} every sandbox exchange shares.
 *
 * @param handler - Answers a request; what it throws becomes a 500.
 * @returns The running server, once it listens.
 */
export async function startHttpServer(
  handler: RequestHandler,
  options: HttpServerOptions = {},
): Promise<LoopbackServer> {
  const log: ReceivedRequest[] = [];
  const logLimit = options.logLimit ?? 100_000;
  let faults: Fault[] = [];
  let latencyMs = 0;
  let clockShiftMs = 0;
  const clock = options.clock ?? realClock;
  const now = () => clock.now() + clockShiftMs;

  const answer = async (request: ReceivedRequest): Promise<ServerAnswer> => {
    try {
      return await handler(request);
    } catch (error) {
      return { status: 500, body: { error: `sandbox handler failed: ${(error as Error).message}` } };
    }
  };

  const server = createServer((message, response) => {
    serve(message, response).catch(() => message.socket.destroy());
  });

  const serve = async (message: IncomingMessage, response: ServerResponse): Promise<void> => {
    const body = await readBody(message);
    const target = new URL(message.url ?? '/', 'http://loopback');
    const request: ReceivedRequest = {
      method: message.method ?? 'GET',
      path: (message.url ?? '/').split('?')[0] ?? '/',
      query: Object.fromEntries(target.searchParams),
      url: message.url ?? '/',
      headers: rawHeaders(message),
      body,
      at: now(),
      remoteAddress: message.socket.remoteAddress ?? '',
    };
    log.push(request);
    if (log.length > logLimit) log.splice(0, log.length - logLimit);
    const fault = faults.shift();
    if (latencyMs > 0) await clock.sleep(latencyMs);
    if (fault?.kind === 'fail') return send(response, failure(fault.options), now());
    if (fault?.kind === 'drop') {
      if (fault.execute) await answer(request);
      message.socket.destroy();
      return;
    }
    const answered = await answer(request);
    send(response, answered, now());
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;

  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    log,
    addLatency(ms) {
      latencyMs = Math.max(0, latencyMs + ms);
    },
    failNext(count, options) {
      for (let i = 0; i < count; i += 1) faults.push({ kind: 'fail', options });
    },
    dropNext(options = {}) {
      faults.push({ kind: 'drop', execute: options.execute ?? true });
    },
    shiftClock(ms) {
      clockShiftMs += ms;
    },
    now,
    clearFaults() {
      faults = [];
      latencyMs = 0;
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

/**
 * The {@link FaultControls} of a loopback server as standalone methods, for provider authors building their own
 * sandbox exchange on {@link startHttpServer}: spread them into the object the sandbox returns, so its users get
 * `failNext`, `dropNext`, `addLatency`, `shiftClock`, `now` and `clearFaults` like every built-in sandbox. The
 * methods are arrow functions bound to `server`, so they keep working when destructured or spread.
 *
 * @param server - The running server the sandbox answers on.
 * @returns The server's fault controls, and nothing else of it (not `close`, `log` or `origin`).
 *
 * @example
 * ```ts
 * const server = await startHttpServer((request) => ({ status: 200, body: { path: request.path } }));
 * const sandbox = { baseURL: server.origin, ...faultControlsOf(server), close: () => server.close() };
 * sandbox.failNext(1, { status: 503, retryAfterSeconds: 1 });
 * ```
 */
export function faultControlsOf(server: LoopbackServer): FaultControls {
  return {
    addLatency: (ms) => server.addLatency(ms),
    failNext: (count, options) => server.failNext(count, options),
    dropNext: (options) => server.dropNext(options),
    shiftClock: (ms) => server.shiftClock(ms),
    now: () => server.now(),
    clearFaults: () => server.clearFaults(),
  };
}
