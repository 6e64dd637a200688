import { ConfigurationError } from '../core/errors.js';
import type { RedisLike } from './types.js';

/** The keys and arguments of a script call as node-redis takes them. */
export interface NodeRedisScriptOptions {
  /** The keys the script names (`KEYS`). */
  keys: string[];
  /** Its other arguments (`ARGV`). */
  arguments: string[];
}

/** The connection node-redis's `duplicate()` gives: what {@link fromNodeRedis} listens on. */
export interface NodeRedisSubscriber {
  /** Opens the connection. */
  connect(): Promise<unknown>;
  /** Listens on `channel`. */
  subscribe(channel: string, listener: (message: string, channel: string) => unknown): Promise<unknown>;
  /** Reports the connection's errors. */
  on(event: 'error', listener: (error: Error) => void): unknown;
  /** Closes the connection once its commands are answered (node-redis 5). */
  close?(): Promise<unknown>;
  /** Closes the connection at once (node-redis 5). */
  destroy?(): void;
  /** Lets the process exit while the connection is open. */
  unref?(): void;
}

/**
 * What {@link fromNodeRedis} uses of a node-redis client: a client of `createClient()` or `createCluster()`
 * (node-redis 4 or 5), connected.
 */
export interface NodeRedisLike {
  /** Runs a script sent as text (`EVAL`). */
  eval(script: string, options: NodeRedisScriptOptions): Promise<unknown>;
  /** Runs a script Redis holds, by its SHA-1 (`EVALSHA`). */
  evalSha(sha1: string, options: NodeRedisScriptOptions): Promise<unknown>;
  /** A second connection like this one, for listening. */
  duplicate(): NodeRedisSubscriber;
  /** Tells when the client has ended. */
  on?(event: 'end', listener: () => void): unknown;
  /** Stops telling. */
  off?(event: 'end', listener: () => void): unknown;
  readonly options?: unknown;
}

/** node-redis's `(script, { keys, arguments })` from this module's `(script, numKeys, ...keysAndArgs)`. */
function scriptOptions(numKeys: number, keysAndArgs: string[]): NodeRedisScriptOptions {
  return { keys: keysAndArgs.slice(0, numKeys), arguments: keysAndArgs.slice(numKeys) };
}

/** Closes a node-redis connection, whichever of `close` (5) and `destroy` it has, ignoring failures. */
function closeQuietly(connection: NodeRedisSubscriber): void {
  try {
    if (typeof connection.close === 'function') void connection.close().catch(() => connection.destroy?.());
    else connection.destroy?.();
  } catch {
    // already closed
  }
}

/**
 * A node-redis client as a {@link RedisLike}: pass `fromNodeRedis(client)` wherever this module takes a Redis
 * client. Scripts go by `evalSha` (by `eval` until Redis holds them), and a process waiting for a key's turn
 * listens on a connection of its own (`client.duplicate()`, unref'd so it never keeps the process alive, closed
 * when nobody has waited for a while or when `client` ends). Keep the client on RESP2 (node-redis's default).
 *
 * ```ts
 * import { createClient } from 'redis';
 * import { fromNodeRedis, redisCoordination } from 'exchange-auth/redis';
 *
 * const client = await createClient({ url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' }).connect();
 * const coordination = redisCoordination(fromNodeRedis(client));
 * ```
 *
 * @param client - A connected node-redis client, of `createClient()` or `createCluster()`.
 */
export function fromNodeRedis(client: NodeRedisLike): RedisLike {
  const given = client as Partial<NodeRedisLike> | null | undefined;
  if (typeof given?.eval !== 'function' || typeof given.evalSha !== 'function') {
    throw new ConfigurationError(
      'redis (fromNodeRedis): pass a node-redis client (createClient() or createCluster() of the redis package, 4 or later)',
      { provider: 'redis', field: 'client' },
    );
  }
  const adapter: RedisLike & { readonly options?: unknown } = {
    eval: (script, numKeys, ...keysAndArgs) => client.eval(script, scriptOptions(numKeys, keysAndArgs)),
    evalsha: (sha1, numKeys, ...keysAndArgs) => client.evalSha(sha1, scriptOptions(numKeys, keysAndArgs)),
    async listen(channel, onMessage, onEnd) {
      const subscriber = client.duplicate();
      subscriber.on('error', () => undefined);
      let closed = false;
      const close = () => {
        if (closed) return;
        closed = true;
        client.off?.('end', ended);
        closeQuietly(subscriber);
      };
      const ended = () => {
        close();
        onEnd?.();
      };
      try {
        await subscriber.connect();
        subscriber.unref?.();
        client.on?.('end', ended);
        await subscriber.subscribe(channel, (message) => onMessage(message));
      } catch (error) {
        close();
        throw error;
      }
      return close;
    },
    // Read by the module for the address its errors name (never a password).
    options: client.options,
  };
  return adapter;
}
