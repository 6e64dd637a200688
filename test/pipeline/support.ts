import { createServer } from 'node:net';
import { type AuthStrategy, bitex, type ClientOptions, createClient } from '../../src/index.js';
import {
  type LoopbackServer,
  type ReceivedRequest,
  type ServerAnswer,
  startHttpServer,
} from '../../src/testing/index.js';
import { TestClock } from '../support/clock.js';

export const KEY = 'retryKey_5d1c0b8e';

/** One scripted answer: a fixed answer, or a function of the request (it may drive the test's clock). */
export type Scripted = ServerAnswer | ((request: ReceivedRequest) => ServerAnswer | Promise<ServerAnswer>);

/**
 * What a server answers to a request beyond its script: a status no retry rule repeats, so a client that sends
 * one request too many finishes at once and the test sees the extra request in `server.log`.
 */
export const UNSCRIPTED: ServerAnswer = { status: 418, body: { error: 'not scripted' } };

const running: LoopbackServer[] = [];

/**
 * A loopback server that answers the n-th request with the n-th scripted answer and anything after the script
 * with {@link UNSCRIPTED}. `server.log` holds every request that reached it, so a test counts exact uses.
 */
export function scriptedServer(...script: Scripted[]): Promise<LoopbackServer> {
  return scriptedServerOn(0, ...script);
}

/** {@link scriptedServer} on a given port (0 for a free one). */
export async function scriptedServerOn(port: number, ...script: Scripted[]): Promise<LoopbackServer> {
  let next = 0;
  const server = await startHttpServer(
    (request) => {
      const answer = script[next];
      next += 1;
      if (answer === undefined) return UNSCRIPTED;
      return typeof answer === 'function' ? answer(request) : answer;
    },
    { port },
  );
  running.push(server);
  return server;
}

/** Closes every server the test started (call it in afterEach). */
export async function closeServers(): Promise<void> {
  await Promise.all(running.splice(0).map((server) => server.close()));
}

/** A loopback port nothing listens on: taken from the system, then freed. */
export async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * The Bitex provider on `origin`, its strategy wrapped to count authorisations (one per attempt that was
 * signed), with no client-side rate limit unless the test asks for one.
 */
export function bitexClient(origin: string, options: ClientOptions) {
  const provider = bitex({ apiKey: KEY, baseURL: `${origin}/api`, otp: () => '123456' });
  const counter = { authorizations: 0 };
  const strategy: AuthStrategy = {
    ...provider.strategy,
    authorize(request, context) {
      counter.authorizations += 1;
      return provider.strategy.authorize(request, context);
    },
  };
  const client = createClient({ ...provider, strategy }, { rateLimit: false, ...options });
  return { client, counter };
}

/** A TestClock that also tells the test when the next sleep is requested. */
export class SteppedClock extends TestClock {
  #waiters: (() => void)[] = [];

  override sleep(ms: number, signal?: AbortSignal): Promise<void> {
    const sleeping = super.sleep(ms, signal);
    for (const wake of this.#waiters.splice(0)) wake();
    return sleeping;
  }

  /** Resolves as soon as the code under test asks for its next sleep. */
  nextSleep(): Promise<void> {
    return new Promise((resolve) => this.#waiters.push(resolve));
  }
}

/** Lets every pending promise callback and I/O callback of this turn run (no timer, no wall time). */
export function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A promise the test settles by hand. */
export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}
