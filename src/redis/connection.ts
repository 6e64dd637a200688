import { z } from 'zod';
import { type Clock, systemClock } from '../core/clock.js';
import { ConfigurationError } from '../core/errors.js';
import { methodsSchema, millisecondsSchema, parseOptions } from '../core/validate.js';
import { RedisCoordinationError } from './errors.js';
import { DEFAULT_PREFIX } from './keys.js';
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
}

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

/** A user name or password is never printed: `redis://user:pass@host:6379` becomes `redis://host:6379`. */
function withoutUserInfo(address: string): string {
  return address.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1');
}

/** The server's address read from an ioredis client's options (host and port, or socket path). */
function addressOf(redis: unknown): string | undefined {
  const options = (redis as { options?: unknown }).options;
  if (typeof options !== 'object' || options === null) return undefined;
  const { host, port, path } = options as { host?: unknown; port?: unknown; path?: unknown };
  if (typeof path === 'string' && path !== '') return `unix:${path}`;
  if (typeof host !== 'string' && typeof port !== 'number') return undefined;
  const name = typeof host === 'string' ? host : 'localhost';
  return `${name.includes(':') ? `[${name}]` : name}:${typeof port === 'number' ? port : 6379}`;
}

/** Checks the client and the shared options of a factory. */
export function connect(
  factory: string,
  redis: RedisLike,
  options: { readonly [K in keyof RedisConnectionOptions]?: RedisConnectionOptions[K] | undefined },
): Connection {
  if (typeof (redis as { eval?: unknown } | null | undefined)?.eval !== 'function') {
    throw new ConfigurationError(
      `redis (${factory}): pass a Redis client with an eval(script, numKeys, ...keysAndArgs) method, such as an ioredis client`,
      { provider: 'redis', field: 'redis' },
    );
  }
  return {
    redis,
    prefix: options.prefix ?? DEFAULT_PREFIX,
    timeoutMs: options.commandTimeoutMs ?? DEFAULT_TIMEOUT_MS,
    address: withoutUserInfo(
      options.address ?? addressOf(redis) ?? 'unknown address (pass the address option)',
    ),
    clock: options.clock ?? systemClock,
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
function deadlineError(connection: Connection, operation: string, ms: number): RedisCoordinationError {
  return new RedisCoordinationError(
    `redis: Redis at ${connection.address} did not answer within ${ms} ms while ${operation}; the request was not sent`,
    { address: connection.address, reason: 'deadline', networkCode: 'ETIMEDOUT' },
  );
}

/** How one script call is run. */
interface ScriptCall {
  readonly script: string;
  readonly keys: readonly string[];
  readonly args: readonly (string | number)[];
  /** Says what was going on, for errors ("taking a nonce"). */
  readonly operation: string;
  /** Stop waiting when it aborts: the call rejects with the signal's reason at once. */
  readonly signal?: AbortSignal | undefined;
  /** The deadline, when not the connection's. */
  readonly timeoutMs?: number | undefined;
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
  const args = [...call.keys, ...call.args.map(String)];
  let reply: Promise<unknown>;
  try {
    reply = Promise.resolve(connection.redis.eval(call.script, call.keys.length, ...args));
  } catch (error) {
    reply = Promise.reject(error);
  }
  const ms = call.timeoutMs ?? connection.timeoutMs;
  return new Promise<unknown>((resolve, reject) => {
    let settled = false;
    const finish = (settle: () => void) => {
      if (settled) return false;
      settled = true;
      cancelTimer();
      signal?.removeEventListener('abort', onAbort);
      settle();
      return true;
    };
    const onAbort = () => finish(() => reject(signal?.reason));
    const cancelTimer = connection.clock.setTimer(ms, () =>
      finish(() => reject(deadlineError(connection, call.operation, ms))),
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
