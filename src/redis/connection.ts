import { z } from 'zod';
import { type Clock, systemClock } from '../core/clock.js';
import { ConfigurationError } from '../core/errors.js';
import { methodsSchema, millisecondsSchema, parseOptions } from '../core/validate.js';
import { addressOf, clusterAddressOf, withoutUserInfo } from './address.js';
import { Deadlines } from './deadlines.js';
import { RedisCoordinationError } from './errors.js';
import { checkKey, DEFAULT_PREFIX, type KeyNames, keyNames } from './keys.js';
import type { Script } from './scripts.js';
import type { RedisConnectionOptions, RedisLike } from './types.js';

/** What every primitive needs to talk to Redis. */
export interface Connection {
  readonly redis: RedisLike;
  readonly prefix: string;
  readonly timeoutMs: number;
  /** The server as errors name it. */
  readonly address: string;
  /** Deadlines, waits and lease timers read it. */
  readonly clock: Clock;
  /** The deadlines of the commands under way: one timer for all of them. */
  readonly deadlines: Deadlines;
  /** The Redis keys of a credential fingerprint under this prefix, hashed once per key. */
  names(key: string): KeyNames;
  /** The scripts (SHA-1) Redis ran for this connection: sent by EVALSHA from then on. */
  readonly loaded: Set<string>;
}

/** How many keys' names a connection remembers before it starts again (a service signing for many users). */
const MAX_CACHED_NAMES = 50_000;

const DEFAULT_TIMEOUT_MS = 2000;

/** The options every factory shares, as a zod shape to extend. */
export const connectionShape = {
  prefix: z
    .string({ error: 'prefix must be a string such as "exchange-auth:"' })
    .max(200, { error: 'prefix must be at most 200 characters' })
    .refine((prefix) => !prefix.includes('{') && !prefix.includes('}'), {
      error: 'prefix must not contain "{" or "}" (the rest of each key is a Redis Cluster hash tag)',
    })
    .optional(),
  commandTimeoutMs: millisecondsSchema('commandTimeoutMs').optional(),
  address: z.string({ error: 'address must be a string such as "redis.internal:6379"' }).optional(),
  clock: methodsSchema<Clock>('clock', ['now', 'sleep', 'random', 'setTimer']).optional(),
};

/** Parses a factory's options (unknown fields refused), naming the factory in messages. */
export function parseRedisOptions<S extends z.ZodRawShape>(
  factory: string,
  shape: S,
  options: unknown,
): z.output<z.ZodObject<S>> {
  return parseOptions(z.strictObject(shape), options ?? {}, `redis (${factory})`) as z.output<z.ZodObject<S>>;
}

/**
 * A node-redis client as it comes (not wrapped): its `eval` takes `(script, { keys, arguments })`, so the
 * positional calls of this module would run the wrong command. Recognised by node-redis's camel-case `evalSha`.
 */
function isBareNodeRedis(redis: unknown): boolean {
  const client = redis as { evalSha?: unknown; evalsha?: unknown; isOpen?: unknown };
  return typeof client.evalSha === 'function' && typeof client.evalsha !== 'function';
}

/** Checks the client and the shared options of a factory. */
export function connect(
  factory: string,
  redis: RedisLike,
  options: { readonly [K in keyof RedisConnectionOptions]?: RedisConnectionOptions[K] | undefined },
): Connection {
  if (typeof (redis as { eval?: unknown } | null | undefined)?.eval !== 'function') {
    throw new ConfigurationError(
      `redis (${factory}): pass a Redis client with an eval(script, numKeys, ...keysAndArgs) method, such as an ioredis client (a node-redis client: fromNodeRedis(client))`,
      { provider: 'redis', field: 'redis' },
    );
  }
  if (isBareNodeRedis(redis)) {
    throw new ConfigurationError(
      `redis (${factory}): this is a node-redis client, whose eval takes other arguments: pass fromNodeRedis(client) (from exchange-auth/redis)`,
      { provider: 'redis', field: 'redis' },
    );
  }
  const prefix = options.prefix ?? DEFAULT_PREFIX;
  const clock = options.clock ?? systemClock;
  let cached = new Map<string, KeyNames>();
  return {
    redis,
    prefix,
    timeoutMs: options.commandTimeoutMs ?? DEFAULT_TIMEOUT_MS,
    address: withoutUserInfo(
      options.address ??
        addressOf(redis) ??
        clusterAddressOf(redis) ??
        'unknown address (pass the address option)',
    ),
    clock,
    deadlines: new Deadlines(clock),
    loaded: new Set(),
    names(key) {
      checkKey(key);
      let names = cached.get(key);
      if (!names) {
        if (cached.size >= MAX_CACHED_NAMES) cached = new Map();
        names = keyNames(key, prefix);
        cached.set(key, names);
      }
      return names;
    },
  };
}

const UNREACHABLE_MESSAGES = [
  /connection is closed/i,
  /stream isn't writeable/i,
  /max retries per request/i,
  /connection.*(lost|reset|refused|timeout)/i,
  /socket/i,
];

/** The error a failed command becomes: never the client's own error (its command arguments, its options). */
function coordinationError(
  connection: Connection,
  operation: string,
  error: unknown,
): RedisCoordinationError {
  const { code, name, message } = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    name?: unknown;
    message?: unknown;
  };
  const text = typeof message === 'string' ? message : '';
  const networkCode = typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : undefined;
  const isReply =
    networkCode === undefined &&
    (name === 'ReplyError' || name === 'ErrorReply' || /^[A-Z]{3,}[A-Z_]*( |$)/.test(text)) &&
    !UNREACHABLE_MESSAGES.some((pattern) => pattern.test(text));
  if (isReply) {
    // Only the reply's error code (READONLY, OOM, NOSCRIPT ...), never the rest of its text.
    const replyCode = /^([A-Z][A-Z_]+)/.exec(text)?.[1] ?? 'ERR';
    return new RedisCoordinationError(
      `redis: Redis at ${connection.address} refused the command (${replyCode}) while ${operation}; the request was not sent`,
      { address: connection.address, reason: 'reply' },
    );
  }
  return new RedisCoordinationError(
    `redis: Redis at ${connection.address} is unreachable (${networkCode ?? 'connection failed'}) while ${operation}; the request was not sent`,
    { address: connection.address, reason: 'unreachable', networkCode },
  );
}

/** A deadline passed: the command may still run on the server, but nobody waits for it. */
function deadlineError(
  connection: Connection,
  operation: string,
  ms: number,
  requests: boolean,
): RedisCoordinationError {
  const within = requests ? `within the request's deadline (${ms} ms)` : `within ${ms} ms`;
  return new RedisCoordinationError(
    `redis: Redis at ${connection.address} did not answer ${within} while ${operation}; the request was not sent`,
    { address: connection.address, reason: 'deadline', networkCode: 'ETIMEDOUT' },
  );
}

/** How one script call is run. */
interface ScriptCall {
  readonly script: Script;
  readonly keys: readonly string[];
  readonly args: readonly (string | number)[];
  /** Says what was going on, for errors ("taking a nonce"). */
  readonly operation: string;
  /** Stop waiting when it aborts: the call rejects with the signal's reason at once. */
  readonly signal?: AbortSignal | undefined;
  /** The deadline, when not the connection's. */
  readonly timeoutMs?: number | undefined;
  /** What is left of the request's deadline: the deadline when shorter than the connection's. */
  readonly requestTimeoutMs?: number | undefined;
  /**
   * Called with the reply when it comes after the call already failed (deadline or abort), so a lock acquired
   * too late can be released.
   */
  readonly late?: ((reply: unknown) => void) | undefined;
}

/**
 * Runs one script, raced against the deadline and the signal. Rejects with the signal's reason on abort, and
 * with a {@link RedisCoordinationError} when Redis fails or is too slow.
 */
export function evalScript(connection: Connection, call: ScriptCall): Promise<unknown> {
  const { signal } = call;
  if (signal?.aborted) return Promise.reject(signal.reason);
  const reply = send(connection, call.script, call.keys, call.args);
  const own = call.timeoutMs ?? connection.timeoutMs;
  const requests = call.requestTimeoutMs !== undefined && call.requestTimeoutMs < own;
  const ms = requests ? Math.max(1, call.requestTimeoutMs as number) : own;
  return new Promise<unknown>((resolve, reject) => {
    let settled = false;
    const finish = (settle: () => void) => {
      if (settled) return false;
      settled = true;
      connection.deadlines.settle(deadline);
      signal?.removeEventListener('abort', onAbort);
      settle();
      return true;
    };
    const onAbort = () => finish(() => reject(signal?.reason));
    const deadline = connection.deadlines.add(ms, () =>
      finish(() => reject(deadlineError(connection, call.operation, ms, requests))),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
    reply.then(
      (value) => {
        if (!finish(() => resolve(value))) call.late?.(value);
      },
      (error: unknown) => finish(() => reject(coordinationError(connection, call.operation, error))),
    );
  });
}

/** True for Redis's answer to an EVALSHA of a script it does not hold (a restart, a new node, SCRIPT FLUSH). */
function isNoScript(error: unknown): boolean {
  const message = (error as { message?: unknown } | null | undefined)?.message;
  return typeof message === 'string' && message.startsWith('NOSCRIPT');
}

/**
 * Sends `script`: by EVAL until Redis has run it once for this connection (which loads it), by EVALSHA from
 * then on when the client has `evalsha`; a NOSCRIPT answer (Redis restarted, another Cluster node) sends it by
 * EVAL again.
 */
function send(
  connection: Connection,
  script: Script,
  keys: readonly string[],
  args: readonly (string | number)[],
): Promise<unknown> {
  const { redis, loaded } = connection;
  const argv: string[] = keys.slice();
  for (const arg of args) argv.push(typeof arg === 'string' ? arg : String(arg));
  const byText = () =>
    Promise.resolve(redis.eval(script.text, keys.length, ...argv)).then((reply) => {
      loaded.add(script.sha);
      return reply;
    });
  try {
    if (typeof redis.evalsha !== 'function')
      return Promise.resolve(redis.eval(script.text, keys.length, ...argv));
    if (!loaded.has(script.sha)) return byText();
    return Promise.resolve(redis.evalsha(script.sha, keys.length, ...argv)).catch((error: unknown) => {
      if (!isNoScript(error)) throw error;
      loaded.delete(script.sha);
      return byText();
    });
  } catch (error) {
    return Promise.reject(error);
  }
}

/** A whole number from a reply (an integer, or a string of digits), or `undefined`. */
export function integer(reply: unknown): number | undefined {
  const value = typeof reply === 'string' && /^-?\d+$/.test(reply) ? Number(reply) : reply;
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined;
}

/** A reply that is not what the script returns: another program wrote the key, or the client changed replies. */
export function unexpectedReply(connection: Connection, operation: string): RedisCoordinationError {
  return new RedisCoordinationError(
    `redis: Redis at ${connection.address} gave an unexpected reply while ${operation} (another program may use these keys: change the prefix option, and keep the client on RESP2); the request was not sent`,
    { address: connection.address, reason: 'reply' },
  );
}
