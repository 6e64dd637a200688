import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { FaultSpec } from './faults/aim.js';
import { answerWithFault } from './faults/apply.js';
import { FaultPlan, type InjectedFault } from './faults/plan.js';
import { rawHeaders, readBody, send } from './http-wire.js';
import {
  type LogEntry,
  type LogFilter,
  type OutcomeStats,
  type RefusalReason,
  RequestLog,
} from './request-log.js';

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

/**
 * What a handler answers. A `body` that is not a string is sent as JSON; `undefined` sends no body. `refusal`
 * and `executed` are not sent: they go to the request's {@link LogEntry} and the outcome counters.
 */
export interface ServerAnswer {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** Why the exchange refused the request, when it did. */
  readonly refusal?: RefusalReason;
  /** Whether the exchange executed the request (its action ran and was accepted). Default false. */
  readonly executed?: boolean;
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

/** Faults a test can inject in front of any sandbox exchange, and waits on what became of its requests. */
export interface FaultControls {
  /**
   * Arms a fault aimed at an endpoint or a route and at a count of the requests it aims at, such as the third
   * order: `inject({ endpoint: 'orders.create', nth: 3, fault: 'execute-then-drop' })`. Throws a TypeError
   * naming the field when the spec is invalid.
   */
  inject(fault: FaultSpec): InjectedFault;
  /**
   * Resolves with the `count`-th request (default the first) to finish from now on that matches `filter`, when
   * the server decides its answer: no polling, no timer.
   */
  next(filter?: LogFilter, count?: number): Promise<LogEntry>;
  /** Like {@link FaultControls.next}, counting the requests already finished too. */
  until(filter?: LogFilter, count?: number): Promise<LogEntry>;
  /** Delays every following answer by `ms` more (cumulative; {@link FaultControls.clearFaults} resets it). */
  addLatency(ms: number): void;
  /**
   * The next `count` requests of any kind are answered with `status` without reaching the exchange (queued
   * ahead of aimed faults). To aim at one endpoint, use {@link FaultControls.inject}.
   */
  failNext(count: number, options: FailOptions): void;
  /**
   * The connection of the next request of any kind is destroyed once its body is read: the client sees a socket
   * error. To aim at one endpoint, use {@link FaultControls.inject}.
   */
  dropNext(options?: DropOptions): void;
  /** Moves the server's clock by `ms` (cumulative; negative goes back). */
  shiftClock(ms: number): void;
  /** The server's clock in milliseconds: `Date.now()` (or the given clock's `now()`) plus every shift. */
  now(): number;
  /** Forgets latency and every fault, aimed or queued (not the clock shift). */
  clearFaults(): void;
}

/** A running loopback server. */
export interface LoopbackServer extends FaultControls {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  readonly port: number;
  /** Every request received, in order, including failed and dropped ones, with what became of each. */
  readonly log: LogEntry[];
  /** What became of the requests: refusals by reason, faults by kind, executions by endpoint. */
  outcomes(): OutcomeStats;
  /** Stops listening, closes every connection (idle keep-alive ones too) and frees the port. */
  close(): Promise<void>;
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
  /** Called once per request as its answer is sent, with the status (0 when the connection was dropped). */
  onAnswer?: AnswerObserver;
  /**
   * Names the endpoint (catalog name) and route (`'METHOD /template'`) a request is for, before it runs, so
   * faults can aim at them and the log can name them.
   */
  identify?: (request: ReceivedRequest) => { endpoint?: string | undefined; route?: string | undefined };
  /**
   * Takes a request to upgrade the connection (a WebSocket handshake), with Node's `'upgrade'` arguments; the
   * socket is then the handler's, and outside the request log and the faults. Default: no upgrade is taken.
   */
  upgrade?: (request: IncomingMessage, socket: Duplex, head: Buffer) => void;
}

/** Sees each request a sandbox answered, with the answer's status (0: the connection was dropped instead). */
export type AnswerObserver = (request: ReceivedRequest, status: number) => void;

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
  const log = new RequestLog(options.logLimit ?? 100_000);
  const plan = new FaultPlan();
  let latencyMs = 0;
  let clockShiftMs = 0;
  const clock = options.clock ?? realClock;
  const now = () => clock.now() + clockShiftMs;
  const identify: NonNullable<HttpServerOptions['identify']> = options.identify ?? (() => ({}));

  const run = (request: ReceivedRequest) => async (): Promise<ServerAnswer> => {
    try {
      return await handler(request);
    } catch (error) {
      return { status: 500, body: { error: `sandbox handler failed: ${(error as Error).message}` } };
    }
  };

  const server = createServer((message, response) => {
    serve(message, response).catch(() => message.socket.destroy());
  });

  const upgrade = options.upgrade;
  if (upgrade) server.on('upgrade', (message, socket, head) => upgrade(message, socket, head));

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
    const named = identify(request);
    const entry: LogEntry = { ...request, endpoint: named.endpoint, route: named.route, done: false };
    log.add(entry);
    const action = plan.pick({ ...request, endpoint: entry.endpoint, route: entry.route });
    if (latencyMs > 0) await clock.sleep(latencyMs);
    const outcome = await answerWithFault(action, run(request), {
      send: (answer) => send(response, answer, now()),
      drop: () => message.socket.destroy(),
      sleep: (ms) => clock.sleep(ms),
    });
    log.finish(entry, outcome);
    try {
      options.onAnswer?.(request, outcome.status ?? 0);
    } catch {
      // An observer that throws changes nothing the client was sent.
    }
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
    log: log.entries,
    outcomes: () => log.stats(),
    inject: (fault) => plan.inject(fault),
    next: (filter = {}, count = 1) => log.next(filter, count),
    until: (filter = {}, count = 1) => log.until(filter, count),
    addLatency(ms) {
      latencyMs = Math.max(0, latencyMs + ms);
    },
    failNext(count, failOptions) {
      for (let i = 0; i < count; i += 1) plan.enqueue({ ...failOptions });
    },
    dropNext(dropOptions = {}) {
      plan.enqueue((dropOptions.execute ?? true) ? 'execute-then-drop' : 'drop');
    },
    shiftClock(ms) {
      clockShiftMs += ms;
    },
    now,
    clearFaults() {
      plan.clear();
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
    inject: (fault) => server.inject(fault),
    next: (filter, count) => server.next(filter, count),
    until: (filter, count) => server.until(filter, count),
    addLatency: (ms) => server.addLatency(ms),
    failNext: (count, options) => server.failNext(count, options),
    dropNext: (options) => server.dropNext(options),
    shiftClock: (ms) => server.shiftClock(ms),
    now: () => server.now(),
    clearFaults: () => server.clearFaults(),
  };
}
