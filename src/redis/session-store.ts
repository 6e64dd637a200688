import { z } from 'zod';
import { raceAbort } from '../core/abort.js';
import { ConfigurationError } from '../core/errors.js';
import type { Session, SessionStore } from '../core/session.js';
import { MIN_CREDENTIAL_LENGTH, millisecondsSchema } from '../core/validate.js';
import {
  type Connection,
  connect,
  connectionShape,
  evalScript,
  integer,
  parseRedisOptions,
  unexpectedReply,
} from './connection.js';
import { checkKey } from './keys.js';
import { tryLease } from './lease.js';
import { type SessionCipher, sessionCipher } from './session-crypto.js';
import { checkSession, readPayload } from './session-payload.js';
import { DELETE_SESSION, GET_SESSION, SET_SESSION } from './session-scripts.js';
import type { RedisConnectionOptions, RedisLike } from './types.js';
import { pause } from './wait.js';

/** Options of {@link redisSessionStore}. */
export interface RedisSessionStoreOptions extends RedisConnectionOptions {
  /**
   * The API secret of the credentials whose sessions this store keeps (a string, the library's `Secret`, or
   * bytes). Tokens are sealed with a key derived from it, so someone who can read Redis but lacks the secret
   * cannot use a session. Every process of the fleet must pass the same secret.
   */
  secret:
    | string
    | {
        /** The secret's value (the library's `Secret` has this method). */
        reveal(): string;
      }
    | Uint8Array;
  /**
   * How long the exchange keeps a session that nobody uses, in milliseconds: Redis drops a session unused (by
   * any process) for this long. Default one hour, as the session-token strategy's.
   */
  idleLifetimeMs?: number;
  /** How long the fleet login lock stays held by a process that died while logging in. Default 15000. */
  loginLeaseMs?: number;
  /** How often a process waiting for another's login looks for its session, in milliseconds. Default 50. */
  pollMs?: number;
}

/** A session read from Redis: with when a process of the fleet last used it. */
export interface RedisSession extends Session {
  /**
   * When a process of the fleet last used the session before this read (Redis `TIME`, milliseconds since the
   * epoch): its idle time is the fleet's, not this process's.
   */
  readonly lastUsedAt: number;
  /** Milliseconds from that last use to this read, by Redis's clock alone (no process's clock is involved). */
  readonly idleMs: number;
}

/** Logs in (once for the fleet). `lost` aborts if this process's login lock lapses meanwhile. */
export type FleetLogin = (lost: AbortSignal) => Promise<Session>;

/** A {@link SessionStore} shared by every process on one Redis, with a fleet-wide single login. */
export interface RedisSessionStore extends SessionStore {
  /** The session of `key`, if any; reading it counts as a use (its idle lifetime starts again). */
  get(key: string, signal?: AbortSignal): Promise<RedisSession | undefined>;
  /** Keeps `session` for `key` (its token sealed), replacing any other. */
  set(key: string, session: Session, signal?: AbortSignal): Promise<void>;
  /** Forgets the session of `key` only if its token is `token` (compare-and-delete in Lua). */
  delete(key: string, token: string, signal?: AbortSignal): Promise<void>;
  /**
   * The session of `key`; when there is none, one process of the fleet calls `login` and stores its session
   * while the others (in this process and elsewhere) wait for it without logging in. If that login fails, its
   * callers get the error and a waiting process takes its turn. The signal bounds this caller's wait only: the
   * login goes on for the others.
   */
  loginOnce(key: string, login: FleetLogin, signal?: AbortSignal): Promise<Session>;
}

const secretSchema = z.custom<RedisSessionStoreOptions['secret']>(
  (value) =>
    typeof value === 'string' ||
    value instanceof Uint8Array ||
    (typeof value === 'object' &&
      value !== null &&
      typeof (value as { reveal?: unknown }).reveal === 'function'),
  { error: 'secret must be the API secret: a string, a Secret or bytes' },
);

const schema = {
  ...connectionShape,
  secret: secretSchema,
  idleLifetimeMs: millisecondsSchema('idleLifetimeMs').optional(),
  loginLeaseMs: millisecondsSchema('loginLeaseMs')
    .min(30, { error: 'loginLeaseMs must be at least 30' })
    .optional(),
  pollMs: millisecondsSchema('pollMs').max(60_000, { error: 'pollMs must be at most 60000' }).optional(),
};

/** The secret as bytes, refused (without quoting it) when too short to be one. */
function secretBytes(secret: RedisSessionStoreOptions['secret']): Uint8Array {
  const bytes =
    secret instanceof Uint8Array
      ? secret
      : Buffer.from(typeof secret === 'string' ? secret : secret.reveal(), 'utf8');
  if (bytes.length < MIN_CREDENTIAL_LENGTH) {
    throw new ConfigurationError(
      `redis (redisSessionStore): secret must be the API secret, at least ${MIN_CREDENTIAL_LENGTH} characters`,
      { provider: 'redis', field: 'secret' },
    );
  }
  return bytes;
}

/** The store's reads and deletes bounded by what is left of a request's deadline too (for the coordination). */
export interface BoundedSessions {
  getWithin(key: string, signal?: AbortSignal, timeoutMs?: number): Promise<RedisSession | undefined>;
  deleteWithin(key: string, token: string, signal?: AbortSignal, timeoutMs?: number): Promise<void>;
}

/**
 * Sessions in Redis, shared by a fleet: one session per key (a credential fingerprint), its token sealed with
 * AES-256-GCM under a key derived (HKDF-SHA256) from the API secret, with a random 12-byte IV; the Redis hash
 * holds `iv | tag | ciphertext` (base64), a keyed hash of the token for compare-and-delete, and the non-secret
 * `obtainedAt` and `lastUsedAt`. Every read marks the session used (`lastUsedAt` by Redis's clock, and a
 * PEXPIRE of `idleLifetimeMs`), so its idle lifetime is the fleet's.
 *
 * A session sealed with another secret, or altered, is refused with a ConfigurationError (field `secret`).
 */
export function redisSessionStore(redis: RedisLike, options: RedisSessionStoreOptions): RedisSessionStore {
  const store = boundedSessionStore(redis, options);
  return { get: store.get, set: store.set, delete: store.delete, loginOnce: store.loginOnce };
}

/** {@link redisSessionStore} with its reads and deletes bounded by a request's deadline as well. */
export function boundedSessionStore(
  redis: RedisLike,
  options: RedisSessionStoreOptions,
): RedisSessionStore & BoundedSessions {
  const parsed = parseRedisOptions('redisSessionStore', schema, options);
  const connection: Connection = connect('redisSessionStore', redis, parsed);
  const cipher: SessionCipher = sessionCipher(secretBytes(parsed.secret));
  const idleLifetimeMs = parsed.idleLifetimeMs ?? 60 * 60 * 1000;
  const loginLeaseMs = parsed.loginLeaseMs ?? 15_000;
  const pollMs = parsed.pollMs ?? 50;
  /** The sealed payload is bound to the key it is stored under (without the prefix, which may be renamed). */
  const context = (name: string) => name.slice(connection.prefix.length);
  const flights = new Map<string, { promise: Promise<Session>; waiters: number; stop: AbortController }>();
  /** The reader id of each session key, computed once. */
  let readerIds = new Map<string, string>();
  const readerId = (name: string): string => {
    let id = readerIds.get(name);
    if (id === undefined) {
      if (readerIds.size >= 10_000) readerIds = new Map();
      id = cipher.readerId(context(name));
      readerIds.set(name, id);
    }
    return id;
  };

  const store: RedisSessionStore & BoundedSessions = {
    get: (key, signal) => store.getWithin(key, signal),
    async getWithin(key, signal, timeoutMs) {
      const name = connection.names(key).session;
      const operation = 'reading the session';
      const reply = await evalScript(connection, {
        script: GET_SESSION,
        keys: [name],
        args: [idleLifetimeMs, readerId(name)],
        operation,
        signal,
        requestTimeoutMs: timeoutMs,
      });
      if (reply === null || reply === undefined) return undefined;
      if (!Array.isArray(reply) || reply.length !== 5) throw unexpectedReply(connection, operation);
      const [format, sealed, obtainedAt, lastUsedAt, now] = reply as unknown[];
      if (format !== '1' || typeof sealed !== 'string') throw unexpectedReply(connection, operation);
      const plain = cipher.open(sealed, context(name));
      if (plain === undefined) {
        throw new ConfigurationError(
          'redis (redisSessionStore): the session in Redis cannot be opened with this secret (another secret sealed it, or it was altered); give every process of the fleet the same API secret',
          { provider: 'redis', field: 'secret' },
        );
      }
      const payload = readPayload(plain);
      if (!payload) throw unexpectedReply(connection, operation);
      return {
        token: payload.t,
        info: payload.i,
        obtainedAt: integer(obtainedAt) ?? 0,
        lastUsedAt: integer(lastUsedAt) ?? 0,
        idleMs: Math.max(0, (integer(now) ?? 0) - (integer(lastUsedAt) ?? 0)),
      };
    },

    async set(key, session, signal) {
      checkSession(session);
      const name = connection.names(key).session;
      const sealed = cipher.seal(JSON.stringify({ t: session.token, i: session.info }), context(name));
      await evalScript(connection, {
        script: SET_SESSION,
        keys: [name],
        args: [
          sealed,
          cipher.tokenId(session.token),
          Math.floor(session.obtainedAt),
          idleLifetimeMs,
          readerId(name),
        ],
        operation: 'storing the session',
        signal,
      });
    },

    delete: (key, token, signal) => store.deleteWithin(key, token, signal),
    async deleteWithin(key, token, signal, timeoutMs) {
      const name = connection.names(key).session;
      if (typeof token !== 'string') return;
      await evalScript(connection, {
        script: DELETE_SESSION,
        keys: [name],
        args: [cipher.tokenId(token)],
        operation: 'deleting the session',
        signal,
        requestTimeoutMs: timeoutMs,
      });
    },

    loginOnce(key, login, signal) {
      checkKey(key);
      if (signal?.aborted) return Promise.reject(signal.reason);
      let flight = flights.get(key);
      if (!flight) {
        const stop = new AbortController();
        const created = { waiters: 0, stop, promise: fleetLogin(key, login, stop.signal) };
        const forget = () => {
          if (flights.get(key) === created) flights.delete(key);
        };
        created.promise.then(forget, forget);
        flights.set(key, created);
        flight = created;
      }
      const joined = flight;
      joined.waiters += 1;
      return raceAbort(joined.promise, signal).finally(() => {
        joined.waiters -= 1;
        // Every caller left: stop waiting for the fleet (a login this process runs goes on and is stored).
        if (joined.waiters === 0 && flights.get(key) === joined) {
          flights.delete(key);
          joined.stop.abort(new Error('every caller stopped waiting'));
        }
      });
    },
  };

  /** Waits for the fleet's session, logging in when this process gets the login lock first. */
  async function fleetLogin(key: string, login: FleetLogin, stop: AbortSignal): Promise<Session> {
    const names = connection.names(key);
    const lock = { lock: names.login, fence: names.loginFence };
    for (;;) {
      const found = await store.get(key, stop);
      if (found) return found;
      const attempt = await tryLease(connection, lock, loginLeaseMs, 'taking the login lock', stop);
      if ('lease' in attempt) {
        const { lease } = attempt;
        try {
          const stored = await store.get(key);
          if (stored) return stored;
          const session = await login(lease.lost);
          await store.set(key, session);
          return session;
        } finally {
          await lease.release();
        }
      }
      await pause(connection.clock, pollMs, stop);
    }
  }

  return store;
}
