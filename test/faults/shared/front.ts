import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What the front does to one request it was armed for. `answer`, `reset` and `cut` first pass the request on
 * to the exchange, which runs it (and counts it); `drop` never passes it on.
 */
export type Fault =
  /** Passes the request on, then answers `status` (with `body`, or the exchange's own body) instead. */
  | {
      readonly kind: 'answer';
      readonly status: number;
      readonly headers?: Readonly<Record<string, string>>;
      readonly body?: string | ((upstream: Upstream) => string);
    }
  /** Passes the request on, then destroys the connection without a byte of the answer. */
  | { readonly kind: 'reset' }
  /** Passes the request on, then sends the status line, the headers and half the body, and destroys it. */
  | { readonly kind: 'cut' }
  /** Destroys the connection without passing the request on. */
  | { readonly kind: 'drop' };

/** The exchange's answer to a request the front passed on. */
export interface Upstream {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** A request as the front received it. */
export interface FrontEntry {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** What the front did with it. */
  readonly fault: Fault['kind'] | 'held' | 'answer-held' | 'passed';
}

/** Requests held at the front until the test lets them through. */
export interface Holding {
  /** Resolves once `count` requests wait at the front (at once if they already do). */
  arrived(count?: number): Promise<void>;
  /** Lets every waiting request, and every later one, through to the exchange. */
  release(): void;
  readonly released: boolean;
  /** Requests waiting now. */
  readonly waiting: number;
}

/** A loopback server in front of an exchange sandbox, injecting faults after (or instead of) the exchange. */
export interface Front {
  /** The front's origin plus the exchange's base path: give it to the provider as `baseURL`. */
  readonly baseURL: string;
  /** Every request the front received, in order. */
  readonly log: readonly FrontEntry[];
  /** The next request whose path ends with `pathEnd` meets `fault` (faults armed for one path queue up). */
  arm(pathEnd: string, fault: Fault): void;
  /** From now on, requests whose path ends with one of `pathEnds` wait at the front until released. */
  hold(...pathEnds: string[]): Holding;
  /**
   * From now on, requests whose path ends with one of `pathEnds` are passed on (the exchange runs them), and
   * their answers wait at the front until released: `arrived` counts requests the exchange has answered.
   */
  holdAnswers(...pathEnds: string[]): Holding;
  /** Releases whatever is held and stops the front. */
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['host', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);

function forwardable(headers: IncomingHttpHeaders): Record<string, string> {
  const output: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    output[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return output;
}

async function readAll(message: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function makeHolding(): Holding & { wait(): Promise<void> } {
  let waiting = 0;
  let released = false;
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  const watchers: { count: number; resolve: () => void }[] = [];
  return {
    get released() {
      return released;
    },
    get waiting() {
      return released ? 0 : waiting;
    },
    wait() {
      waiting += 1;
      for (const watcher of watchers.filter((item) => waiting >= item.count)) {
        watchers.splice(watchers.indexOf(watcher), 1);
        watcher.resolve();
      }
      return opened;
    },
    arrived(count = 1) {
      if (waiting >= count) return Promise.resolve();
      return new Promise<void>((resolve) => watchers.push({ count, resolve }));
    },
    release() {
      released = true;
      open();
    },
  };
}

/**
 * Starts a front on 127.0.0.1 for the exchange at `target` (a sandbox's `baseURL`). A request passed on reaches
 * the exchange with the same method, path, headers and body, so the exchange checks, runs and counts it as
 * usual; when the exchange drops the connection, the front drops the caller's connection too.
 */
export async function startFront(target: string): Promise<Front> {
  const upstream = new URL(target);
  const agent = new Agent({ keepAlive: false });
  const armed: { pathEnd: string; fault: Fault }[] = [];
  const holdings: {
    pathEnds: readonly string[];
    holding: ReturnType<typeof makeHolding>;
    answers: boolean;
  }[] = [];
  const log: FrontEntry[] = [];

  const pass = (message: IncomingMessage, body: string) =>
    new Promise<Upstream>((resolve, reject) => {
      const outgoing = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: message.method,
          path: message.url,
          headers: { ...forwardable(message.headers), 'content-length': String(Buffer.byteLength(body)) },
          agent,
        },
        (answer) => {
          readAll(answer).then(
            (text) =>
              resolve({
                status: answer.statusCode ?? 502,
                headers: forwardable(answer.headers),
                body: text,
              }),
            reject,
          );
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });

  const send = (response: ServerResponse, status: number, headers: Record<string, string>, body: string) => {
    response.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
    response.end(body);
  };

  const serve = async (message: IncomingMessage, response: ServerResponse) => {
    const body = await readAll(message);
    const path = (message.url ?? '/').split('?')[0] ?? '/';
    const ends = (pathEnd: string) => path.endsWith(pathEnd);
    const at = armed.findIndex((entry) => ends(entry.pathEnd));
    const fault = at === -1 ? undefined : armed.splice(at, 1)[0]?.fault;
    const held = holdings.find((entry) => !entry.holding.released && entry.pathEnds.some(ends));
    log.push({
      method: message.method ?? 'GET',
      path,
      headers: message.headers,
      fault: fault?.kind ?? (held ? (held.answers ? 'answer-held' : 'held') : 'passed'),
    });
    if (held && !held.answers) await held.holding.wait();
    if (fault?.kind === 'drop') {
      message.socket.destroy();
      return;
    }
    const answer = await pass(message, body);
    if (held?.answers) await held.holding.wait();
    if (!fault) return send(response, answer.status, answer.headers, answer.body);
    if (fault.kind === 'reset') {
      message.socket.destroy();
      return;
    }
    if (fault.kind === 'cut') {
      response.writeHead(answer.status, {
        ...answer.headers,
        'content-length': String(Buffer.byteLength(answer.body)),
      });
      response.write(answer.body.slice(0, Math.floor(answer.body.length / 2)), () =>
        message.socket.destroy(),
      );
      return;
    }
    const replaced = typeof fault.body === 'function' ? fault.body(answer) : (fault.body ?? answer.body);
    send(response, fault.status, { 'content-type': 'application/json', ...fault.headers }, replaced);
  };

  const server = createServer((message, response) => {
    // The exchange dropped the connection (its own dropNext): the caller loses its connection too.
    serve(message, response).catch(() => message.socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;

  return {
    baseURL: `http://127.0.0.1:${port}${upstream.pathname.replace(/\/+$/, '')}`,
    log,
    arm(pathEnd, fault) {
      armed.push({ pathEnd, fault });
    },
    hold(...pathEnds) {
      const holding = makeHolding();
      holdings.push({ pathEnds, holding, answers: false });
      return holding;
    },
    holdAnswers(...pathEnds) {
      const holding = makeHolding();
      holdings.push({ pathEnds, holding, answers: true });
      return holding;
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const entry of holdings) entry.holding.release();
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      });
      return closing;
    },
  };
}
