import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, connect as tcp } from 'node:net';
import { Redis, type RedisOptions } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import type { RedisLike } from '../../src/redis/index.js';
import { WatchedClock } from '../sandbox/watched-clock.js';

// The Redis tests run against a real redis-server and are never skipped: CI (.ci/run) starts one and exports
// REDIS_URL; without it, each test file starts its own on a free loopback port (and fails loudly when
// redis-server is not installed).

const INSTALL_HINT =
  'redis-server is not installed, and the Redis tests never skip: install it (apt-get update && apt-get install -y redis-server) or set REDIS_URL to a Redis you can flush';

/** A free TCP port on loopback (nothing listens on it once this resolves). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves true when a PING on `port` gets +PONG. */
function pong(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tcp({ host: '127.0.0.1', port });
    let text = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      text += chunk.toString();
      if (text.includes('\r\n')) done(text.startsWith('+PONG'));
    });
  });
}

/** A redis-server this test file started: no persistence, loopback only. */
export interface TestServer {
  readonly port: number;
  readonly url: string;
  /** Stops it (its data is lost: no persistence) and starts it again on the same port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts redis-server on `port` and resolves once it says it accepts connections (and answers a PING). */
async function launch(port: number): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const child = spawn('redis-server', [...args, '--daemonize', 'no'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes('Ready to accept connections')) return;
      child.stdout?.off('data', onData);
      child.stdout?.resume(); // keep draining its log, unread
      resolve();
    };
    child.stdout?.on('data', onData);
    child.once('error', (error) => reject(new Error(`${INSTALL_HINT} (${error.message})`)));
    child.once('exit', (code) =>
      reject(new Error(`redis-server exited at start (code ${code}): ${output.trim().split('\n').at(-1)}`)),
    );
  });
  try {
    await settles(ready, `redis-server on port ${port} to accept connections`);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  if (!(await pong(port))) {
    child.kill('SIGKILL');
    throw new Error(`redis-server said it was ready on port ${port} but did not answer PING`);
  }
  return child;
}

function halt(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** Starts a redis-server of this test's own on a free port. */
export async function startRedisServer(): Promise<TestServer> {
  if (spawnSync('redis-server', ['--version']).error) throw new Error(INSTALL_HINT);
  const port = await freePort();
  let child = await launch(port);
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async restart() {
      await halt(child);
      child = await launch(port);
    },
    stop: () => halt(child),
  };
}

/** A prefix no other test uses, so tests can share one Redis (REDIS_URL) at once. */
export function uniquePrefix(): string {
  return `test:${randomUUID()}:`;
}

/** A credential fingerprint, as the library makes them (never a credential). */
export function uniqueKey(): string {
  return `bitexbit:${randomUUID().replaceAll('-', '').slice(0, 16)}`;
}

/** A tuple of `N` values of `T` (for destructuring without `undefined`). */
export type Tuple<T, N extends number, R extends T[] = []> = R['length'] extends N
  ? R
  : Tuple<T, N, [...R, T]>;

export interface RedisFixture {
  /** The server's URL (REDIS_URL, or the server this file started). */
  url(): string;
  /** A new connection (closed after the file). */
  connect(options?: RedisOptions): Redis;
  /** `n` new connections. */
  connections<N extends number>(n: N): Tuple<Redis, N>;
  /** `make` applied to each of `n` new connections (as `n` processes would each make one). */
  each<N extends number, T>(n: N, make: (client: Redis) => T): Tuple<T, N>;
}

/** The Redis of this test file: REDIS_URL, or a redis-server started for it. Connections close after it. */
export function useRedis(): RedisFixture {
  let server: TestServer | undefined;
  let url = process.env.REDIS_URL;
  const opened: Redis[] = [];
  beforeAll(async () => {
    if (url) return;
    server = await startRedisServer();
    url = server.url;
  }, 30_000);
  afterAll(async () => {
    for (const client of opened) client.disconnect();
    await server?.stop();
  });
  const fixture: RedisFixture = {
    url() {
      if (!url) throw new Error('the Redis of this test file has not started');
      return url;
    },
    connect(options = {}) {
      const client = new Redis(fixture.url(), { maxRetriesPerRequest: 2, ...options });
      client.on('error', () => undefined); // a test that stops Redis sees the failures through the commands
      opened.push(client);
      return client;
    },
    connections: (n) => fixture.each(n, (client) => client),
    each: <N extends number, T>(n: N, make: (client: Redis) => T) =>
      Array.from({ length: n }, () => make(fixture.connect())) as Tuple<T, N>,
  };
  return fixture;
}

/** Every key under `prefix` with its value(s), as someone who can read Redis sees them. */
export async function dump(redis: Redis, prefix: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const key of await redis.keys(`${prefix}*`)) {
    const type = await redis.type(key);
    if (type === 'string') out.set(key, (await redis.get(key)) ?? '');
    else if (type === 'hash') out.set(key, JSON.stringify(await redis.hgetall(key)));
    else if (type === 'list') out.set(key, JSON.stringify(await redis.lrange(key, 0, -1)));
    else out.set(key, `<${type}>`);
  }
  return out;
}

/** A promise and its resolve, for tasks the test ends when it wants. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/**
 * Resolves (or rejects) as `promise` does. A safety net only: if it has not settled after `ms`, the test fails
 * naming `what`; nothing here waits for time to pass for a test to succeed.
 */
export function settles<T>(promise: Promise<T>, what: string, ms = 15_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fail = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still waiting for ${what} after ${ms} ms`)), ms);
  });
  return Promise.race([promise, fail]).finally(() => clearTimeout(timer));
}

/** Resolves with the signal's reason once it aborts (at once if it already has). */
export function abortReason(signal: AbortSignal): Promise<unknown> {
  if (signal.aborted) return Promise.resolve(signal.reason);
  return new Promise((resolve) => {
    signal.addEventListener('abort', () => resolve(signal.reason), { once: true });
  });
}

/** One `EVAL` a watched client sent: its keys and, once Redis answered, its reply. */
export interface SeenEval {
  readonly keys: readonly string[];
  readonly reply: unknown;
}

/** A {@link RedisLike} in front of `client` that tells `onReply` of every reply, so tests wait on Redis's answers. */
export function watched(client: RedisLike, onReply: (seen: SeenEval) => void): RedisLike {
  return {
    eval: async (script, numKeys, ...keysAndArgs) => {
      const reply = await client.eval(script, numKeys, ...keysAndArgs);
      onReply({ keys: keysAndArgs.slice(0, numKeys), reply });
      return reply;
    },
  };
}

/** Counts what `matches`, and says when `count` of them have been seen. */
export function counter<T>(matches: (value: T) => boolean): {
  readonly seen: (value: T) => void;
  readonly reached: (count: number) => Promise<void>;
  readonly count: () => number;
} {
  let count = 0;
  const watchers: { count: number; resolve: () => void }[] = [];
  return {
    seen(value) {
      if (!matches(value)) return;
      count += 1;
      for (const watcher of watchers.filter((w) => count >= w.count)) {
        watchers.splice(watchers.indexOf(watcher), 1);
        watcher.resolve();
      }
    },
    reached(target) {
      if (count >= target) return Promise.resolve();
      return new Promise((resolve) => watchers.push({ count: target, resolve }));
    },
    count: () => count,
  };
}

/**
 * A clock the test drives (manual: nothing moves until `advance`) that says when sleeps are asked for
 * (`sleepsAsked`: a poller is now waiting) and when timers are set (`timersSet`: a command's deadline runs).
 */
export class DrivenClock extends WatchedClock {
  readonly #timers = counter<unknown>(() => true);

  constructor(options: { start?: number } = {}) {
    super({ ...options, auto: false });
  }

  override setTimer(ms: number, callback: () => void): () => void {
    const cancel = super.setTimer(ms, callback);
    this.#timers.seen(undefined);
    return cancel;
  }

  /** Resolves once `count` timers in all have been set (at once if they already were). */
  timersSet(count: number): Promise<void> {
    return this.#timers.reached(count);
  }
}
