import type { Session } from './session.js';
import type { KeyIdentity } from './strategy.js';

/**
 * How long one coordination call may take and when to stop waiting for it. The pipeline passes the caller's
 * abort signal and what is left of the attempt's deadline; an implementation gives up at whichever comes first
 * and fails with a `TransportError` whose `outcome` is `'not-sent'` (nothing was signed or sent yet).
 */
export interface CoordinationBounds {
  /** The caller's abort signal: stop waiting as soon as it aborts (rejecting with its reason). */
  readonly signal?: AbortSignal | undefined;
  /** The longest one call to the shared service may take, in milliseconds; `undefined` for the service's own. */
  readonly timeoutMs?: number | undefined;
}

/** Nonces shared by every process of a fleet, per key. */
export interface SharedNonces {
  /**
   * The next nonce of `key` (a credential fingerprint): greater than every nonce handed out for `key` by any
   * process before, and not less than `now` (milliseconds), as a string of digits.
   */
  next(key: string, now: number, bounds?: CoordinationBounds): Promise<string>;
  /**
   * The last nonce handed out for `key` by any process, without taking one; `undefined` when none was. Optional:
   * `client.inspect()` reports the fleet's nonce as unavailable without it.
   */
  last?(key: string, bounds?: CoordinationBounds): Promise<string | undefined>;
  /**
   * The last nonce this process was handed for `key` through these nonces, without asking the service;
   * `undefined` before the first. Optional: `client.inspect()` reports no nonce of this process without it.
   */
  lastHere?(key: string): string | undefined;
}

/** The arrival order of a key's signed requests across a fleet: one at a time, whichever process sends. */
export interface SharedOrder {
  /**
   * Runs `task` while this process holds `key`'s turn, and ends the turn when the task ends (either way).
   * `lost` aborts if the turn lapses before the task ends (another process may hold it then): the task must
   * send nothing more. Waiting for the turn is bounded by `bounds.signal`, each call to the service by
   * `bounds.timeoutMs`.
   */
  run<T>(key: string, task: (lost: AbortSignal) => Promise<T>, bounds?: CoordinationBounds): Promise<T>;
}

/** A rate limit per key shared by a fleet. */
export interface SharedRateLimit {
  /**
   * Resolves when this caller may send a request of `key`, waiting as long as the fleet's limit requires, to a
   * function to call once the request has ended: the turn counts as under way until then (or until
   * `bounds.timeoutMs` passes), so however late the request reaches the exchange after its turn was granted,
   * the exchange never sees more than the limit.
   */
  acquire(key: string, bounds?: CoordinationBounds): Promise<() => void>;
}

/** A session as a shared store gives it back: with how long the fleet has left it unused. */
export interface SharedSession extends Session {
  /** Milliseconds since any process of the fleet last used the session, by the store's clock. */
  readonly idleMs?: number | undefined;
}

/** Sessions shared by a fleet, one per key, with one login per key for the whole fleet. */
export interface SharedSessions {
  /** The session of `key`, if any; reading it counts as a use by the fleet. */
  get(key: string, bounds?: CoordinationBounds): Promise<SharedSession | undefined>;
  /** Forgets the session of `key` only if its token is `token` (a newer one stays). */
  delete(key: string, token: string, bounds?: CoordinationBounds): Promise<void>;
  /**
   * The session of `key`; when there is none, one process of the fleet runs `login` and stores its session
   * while the others wait for it. `lost` aborts if that process's claim on the login lapses. The login goes on
   * for the others when one caller's signal aborts.
   */
  loginOnce(
    key: string,
    login: (lost: AbortSignal) => Promise<Session>,
    bounds?: CoordinationBounds,
  ): Promise<Session>;
}

/** What a strategy's shared sessions are sealed with and how long the exchange keeps them idle. */
export interface SharedSessionOptions {
  /**
   * Key material only the holder of the credentials has (the strategy's secrets): tokens are stored sealed
   * with a key derived from it.
   */
  readonly secret: Uint8Array;
  /** How long the exchange keeps an unused session, in milliseconds: the store drops it after as long. */
  readonly idleLifetimeMs: number;
}

/**
 * Which keys a fleet's clients hold, so that a replaced key is let go by every process and released once. Keys
 * are key ids ({@link KeyIdentity.keyId}); what the service stores is hashes of them, never a credential.
 */
export interface SharedKeys {
  /** How often a client renews its hold and asks whether its key was replaced, in milliseconds. */
  readonly checkEveryMs: number;
  /**
   * Says that `holder` (one client, a random id) uses `key` for the next few checks, and resolves to whether
   * another process replaced `key` (the client should read its credentials source again).
   */
  hold(key: string, holder: string, bounds?: CoordinationBounds): Promise<{ readonly replaced: boolean }>;
  /** Tells the fleet that `key` was replaced by `next`: every holder of `key` learns it at its next check. */
  replace(key: string, next: string, bounds?: CoordinationBounds): Promise<void>;
  /**
   * `holder` no longer uses `key`. Resolves to true for exactly one caller of the fleet, once no live holder of
   * `key` is left: that caller releases the key everywhere (logs its session out).
   */
  leave(key: string, holder: string, bounds?: CoordinationBounds): Promise<boolean>;
  /**
   * `holder` stops counting as a holder of `key` at once (its client closed), and claims nothing: a replaced key
   * is still released by the holder that lets it go last. Optional: without it, a closed client's hold runs out.
   */
  drop?(key: string, holder: string, bounds?: CoordinationBounds): Promise<void>;
}

/**
 * Coordination of one key's nonces, arrival order, sessions and rate limit between the processes of a fleet,
 * in place of the process's own. Pass one as `createClient(provider, { coordination })`;
 * `redisCoordination(redis)` from `exchange-auth/redis` is one. Nothing else changes: the pipeline and the
 * strategies use it through these few methods.
 */
export interface Coordination {
  /** A short name for logs and errors (`redis`). */
  readonly name: string;
  /**
   * Checks the shared service once before first use: resolves `'shared'` when it answers, `'in-process'`
   * when it does not and the coordination was told to fall back to the process's own, and rejects with a
   * `TransportError` (`outcome: 'not-sent'`) naming the service when it does not and no fallback was chosen.
   */
  start(bounds?: CoordinationBounds): Promise<'shared' | 'in-process'>;
  readonly nonces: SharedNonces;
  readonly order: SharedOrder;
  /** The fleet's limit of `perSecond` requests per key. */
  rateLimit(perSecond: number): SharedRateLimit;
  /** The fleet's sessions sealed with `options.secret`. */
  sessions(options: SharedSessionOptions): SharedSessions;
  /** Optional: the keys the fleet's clients hold, for rotations the whole fleet follows (docs/fleet.md). */
  readonly keys?: SharedKeys;
}
