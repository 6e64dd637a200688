import { raceAbort } from '../core/abort.js';
import type { Clock } from '../core/clock.js';
import type { CoordinationBounds, SharedSessions } from '../core/coordination.js';
import { brand, ExchangeAuthError, isInstance } from '../core/errors.js';
import { reportAuthEvent } from '../core/events.js';
import { type Session, type SessionStore, storeSessions } from '../core/session.js';
import type { AuthContext } from '../core/strategy.js';

/**
 * Thrown instead of logging in once the caller (or the keeper) is closed. A keeper may be shared by copies of the
 * library, so `instanceof` reads a brand (as the library's errors do), not the prototype: it holds for a
 * KeeperClosed of any copy.
 */
export class KeeperClosed extends Error {
  static {
    brand(KeeperClosed, 'KeeperClosed');
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return isInstance(KeeperClosed, value);
  }

  constructor() {
    super('the session keeper is closed: it logs in no more');
  }
}

/**
 * Who asks a shared keeper for a session: how it logs in, and whether it may still start a login. Each
 * strategy holding the keeper is a caller of its own, so closing one strategy stops its logins only.
 */
export interface SessionCaller {
  /** Logs in; the first caller that finds no session logs in for every caller waiting. */
  login(context: AuthContext): Promise<Session>;
  /** True once the caller is closed: it may join a login under way but starts none. */
  isClosed(): boolean;
}

/** Options of {@link SessionKeeper}. */
interface SessionKeeperOptions {
  /** The store's key for these credentials: a fingerprint, never the credentials. */
  readonly key: string;
  /**
   * Logs in for a caller that brings no {@link SessionCaller}; every concurrent caller without a session shares
   * one call. A keeper shared by several strategies has none: each strategy passes its own caller.
   */
  readonly login?: (context: AuthContext) => Promise<Session>;
  /** The exchange ends a session idle this long; the keeper renews one idle for nearly as long before use. */
  readonly idleLifetimeMs: number;
  /** Renew this long before the idle lifetime runs out. */
  readonly marginMs: number;
  readonly store: SessionStore;
  /**
   * The fleet's sessions, in place of `store`: one login per key for the whole fleet (`loginOnce`), and the
   * session's idle time counted from its last use by any process.
   */
  readonly shared?: SharedSessions | undefined;
}

/** What a call to the fleet's store may take: the caller's signal and what is left of its deadline. */
function boundsOf(context: AuthContext, now: number): CoordinationBounds {
  return {
    signal: context.signal,
    timeoutMs: context.deadline === undefined ? undefined : Math.max(1, context.deadline - now),
  };
}

/**
 * One session per key: one in-flight login shared by every concurrent caller (cleared on success and on failure,
 * so a failed login is not kept and every waiter gets its error), renewal before the idle lifetime runs out,
 * and expiry that only drops the token that failed, never a newer one. A caller whose signal aborts stops
 * waiting at once; the login goes on for the others.
 */
export class SessionKeeper {
  readonly #options: SessionKeeperOptions;
  /** The fleet's sessions, or this process's store behind the same interface. */
  readonly #sessions: SharedSessions;
  #pending: Promise<Session> | undefined;
  #lastUsedAt = 0;
  /** The clock of the latest caller: what {@link SessionKeeper.idle} reads. */
  #clock: Clock | undefined;
  /** Calls of `current` under way. */
  #active = 0;
  #closed = false;
  readonly #issued = new Set<string>();
  /** The caller of `current(context)` without one of its own: the keeper's login and its `close()`. */
  readonly #own: SessionCaller;

  constructor(options: SessionKeeperOptions) {
    this.#options = options;
    this.#sessions = options.shared ?? storeSessions(options.store);
    const { login } = options;
    this.#own = {
      login: (context) => (login ? login(context) : Promise.reject(new KeeperClosed())),
      isClosed: () => this.#closed || login === undefined,
    };
  }

  /** Every token this keeper was ever issued, for redaction. */
  get issuedTokens(): ReadonlySet<string> {
    return this.#issued;
  }

  /**
   * A session fit for use now: the current one, or a fresh one from the shared login (started with `caller`'s
   * login when none is under way).
   */
  async current(context: AuthContext, caller: SessionCaller = this.#own): Promise<Session> {
    this.#active += 1;
    this.#clock = context.clock;
    try {
      return await this.#current(context, caller);
    } finally {
      this.#active -= 1;
    }
  }

  /**
   * True when nothing is under way and the session (if any) has been idle for its whole lifetime, so the exchange
   * has ended it: a new keeper would behave the same. A shared keeper is dropped then.
   */
  idle(): boolean {
    if (this.#pending || this.#active > 0) return false;
    if (this.#clock === undefined) return true;
    return this.#clock.now() - this.#lastUsedAt >= this.#options.idleLifetimeMs;
  }

  async #current(context: AuthContext, caller: SessionCaller): Promise<Session> {
    const { key, idleLifetimeMs, marginMs } = this.#options;
    const now = context.clock.now();
    const bounds = boundsOf(context, now);
    const session = await raceAbort(this.#sessions.get(key, bounds), context.signal);
    // A fleet's session was last used by whichever process used it last.
    const fleetUse = session?.idleMs === undefined ? 0 : now - session.idleMs;
    const idleFor = now - Math.max(this.#lastUsedAt, session?.obtainedAt ?? 0, fleetUse);
    if (session && idleFor < idleLifetimeMs - marginMs) {
      this.#lastUsedAt = now;
      this.#issued.add(session.token);
      return session;
    }
    if (session) {
      await this.#sessions.delete(key, session.token, bounds);
      reportAuthEvent(context, { type: 'session-expired', reason: 'idle' });
    }
    return raceAbort(this.#login(context, caller), context.signal);
  }

  /** Logs in now (sharing a login already under way) and returns the new session. */
  #login(context: AuthContext, caller: SessionCaller): Promise<Session> {
    if (!this.#pending && caller.isClosed()) return Promise.reject(new KeeperClosed());
    if (this.#pending) return this.#pending;
    // The shared login outlives any one caller: it gets no caller's signal or deadline.
    const loginContext: AuthContext = {
      send: context.send,
      signal: undefined,
      deadline: undefined,
      logger: context.logger,
      clock: context.clock,
      onEvent: context.onEvent,
    };
    // Reported only where the login runs: in a fleet, by the one process that claimed it.
    const reported = (login: Promise<Session>) => {
      const startedAt = context.clock.now();
      const finished = (error: unknown) =>
        reportAuthEvent(context, {
          type: 'login-finished',
          ok: error === undefined,
          durationMs: context.clock.now() - startedAt,
          errorCode: error instanceof ExchangeAuthError ? error.code : undefined,
        });
      reportAuthEvent(context, { type: 'login-started' });
      return login.then(
        (session) => {
          finished(undefined);
          return session;
        },
        (error: unknown) => {
          finished(error);
          throw error;
        },
      );
    };
    // A fleet logs in once: this process's login runs only if it claims the fleet's login first, and the
    // store keeps its session; otherwise the session another process logged in arrives here.
    const login = this.#sessions.loginOnce(this.#options.key, (lost) =>
      reported(caller.login({ ...loginContext, signal: lost })),
    );
    this.#pending = login
      .then((session) => {
        this.#issued.add(session.token);
        this.#lastUsedAt = context.clock.now();
        return session;
      })
      .finally(() => {
        this.#pending = undefined;
      });
    return this.#pending;
  }

  /**
   * No login starts from now on for callers without a {@link SessionCaller} of their own; one already under
   * way finishes (and is for the closer to log out).
   */
  close(): void {
    this.#closed = true;
  }

  /** Resolves when a login under way has ended (either way); at once when none is. */
  async settled(): Promise<void> {
    await this.#pending?.catch(() => undefined);
  }

  /**
   * The exchange refused `token`. Drops it if it is still the current session; a request that failed with an
   * older token finds the newer session on its next try, without another login.
   */
  async expire(token: string): Promise<void> {
    await this.#sessions.delete(this.#options.key, token);
  }

  /** The session in the store, if any, without logging in. */
  peek(): Promise<Session | undefined> {
    return this.#sessions.get(this.#options.key);
  }

  /** Forgets the session (after a logout). */
  async forget(): Promise<void> {
    const session = await this.peek();
    if (session) await this.#sessions.delete(this.#options.key, session.token);
  }
}
