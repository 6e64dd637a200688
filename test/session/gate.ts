import { type ReceivedRequest, type ServerAnswer, startHttpServer } from '../../src/testing/index.js';

/** Requests held at the gate until the test lets them through. */
export interface Holding {
  /** Resolves once `count` requests are waiting at the gate (at once if they already are). */
  arrived(count?: number): Promise<readonly ReceivedRequest[]>;
  /** Lets every waiting request through, and every later one: they go on to the exchange now. */
  release(): void;
  /** Whether {@link Holding.release} was called. */
  readonly released: boolean;
}

/** A loopback server in front of an exchange that can hold requests to chosen functions. */
export interface Gate {
  /** `http://127.0.0.1:<port>/ap`: give it to the client in place of the exchange's own base URL. */
  readonly baseURL: string;
  /** Every request the gate received, in order. */
  readonly log: readonly ReceivedRequest[];
  /** From now on, requests to `/ap/<name>` (for any of `names`) wait at the gate until released. */
  hold(...names: string[]): Holding;
  /** Releases whatever is still held and stops the gate. */
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'keep-alive', 'transfer-encoding']);

/**
 * Starts a gate in front of `target` (an AlphaPoint sandbox's base URL such as `http://127.0.0.1:4000/ap`).
 * A held request has reached a real server and waits there for its answer, exactly as a slow exchange would
 * make it wait; once released it goes on to `target` with the same method, path, headers and body, and `target`
 * answers it (and counts it) as usual.
 */
export async function startGate(target: string): Promise<Gate> {
  const origin = new URL(target).origin;
  const holdings: Array<{
    names: ReadonlySet<string>;
    holding: Holding & { wait(r: ReceivedRequest): Promise<void> };
  }> = [];

  const forward = async (request: ReceivedRequest): Promise<ServerAnswer> => {
    const headers = Object.fromEntries(
      Object.entries(request.headers).filter(([name]) => !HOP_BY_HOP.has(name)),
    );
    const bodyless = request.method === 'GET' || request.method === 'HEAD';
    const response = await fetch(`${origin}${request.url}`, {
      method: request.method,
      headers,
      ...(bodyless ? {} : { body: request.body }),
    });
    const type = response.headers.get('content-type');
    return {
      status: response.status,
      headers: type ? { 'Content-Type': type } : {},
      body: await response.text(),
    };
  };

  const server = await startHttpServer(async (request) => {
    const name = request.path.split('/').at(-1) ?? '';
    const active = holdings.find((entry) => entry.names.has(name) && !entry.holding.released);
    if (active) await active.holding.wait(request);
    return forward(request);
  });

  const makeHolding = (): Holding & { wait(r: ReceivedRequest): Promise<void> } => {
    const waiting: ReceivedRequest[] = [];
    const watchers: Array<{ count: number; resolve: (requests: readonly ReceivedRequest[]) => void }> = [];
    let released = false;
    let open: () => void = () => undefined;
    const opened = new Promise<void>((resolve) => {
      open = resolve;
    });
    return {
      get released() {
        return released;
      },
      wait(request) {
        waiting.push(request);
        for (const watcher of watchers.filter((item) => waiting.length >= item.count)) {
          watchers.splice(watchers.indexOf(watcher), 1);
          watcher.resolve([...waiting]);
        }
        return opened;
      },
      arrived(count = 1) {
        if (waiting.length >= count) return Promise.resolve([...waiting]);
        return new Promise((resolve) => watchers.push({ count, resolve }));
      },
      release() {
        released = true;
        open();
      },
    };
  };

  return {
    baseURL: `${server.origin}/ap`,
    log: server.log,
    hold(...names) {
      const holding = makeHolding();
      holdings.push({ names: new Set(names), holding });
      return holding;
    },
    async close() {
      for (const entry of holdings) entry.holding.release();
      await server.close();
    },
  };
}
