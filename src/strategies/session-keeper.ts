import { raceAbort } from '../core/abort.js';
import { ExchangeAuthError } from '../core/errors.js';
import { reportAuthEvent } from '../core/events.js';
import type { Session, SessionStore } from '../core/session.js';
import type { AuthContext } from '../core/strategy.js';

/** Thrown instead of logging in once the keeper is closed. */
export class KeeperClosed extends Error {
  constructor() {
    super('the session keeper is closed: it logs in no more');
  }
}

/** Options of {@link SessionKeeper}. */
export interface SessionKeeperOptions {
  /** The store's key for these credentials: a fingerprint, never the credentials. */
  readonly key: string;
  /** Logs in; every concurrent caller without a session shares one call. */
  readonly login: (context: AuthContext) => Promise<Session>;
  /** The exchange ends a session idle this long; the keeper renews one idle for nearly as long before use. */
  readonly idleLifetimeMs: number;
  /** Renew this long before the idle lifetime runs out. */
  readonly marginMs: number;
  readonly store: SessionStore;
}

/**
 * One session per key: one in-flight login shared by every concurrent caller (cleared on success and on failure,
 * so a failed login is not kept and every waiter gets its error), renewal before the idle lifetime runs out,
 * and expiry that only drops the token that failed, never a newer one. A caller whose signal aborts stops
 * waiting at once; the login goes on for the others.
 */
export class SessionKeeper {
  readonly #options: SessionKeeperOptions;
  #pending: Promise<Session> | undefined;
  #lastUsedAt = 0;
  #closed = false;
  readonly #issued = new Set<string>();

  constructor(options: SessionKeeperOptions) {
    this.#options = options;
  }

  /** Every token this keeper was ever issued, for redaction. */
  get issuedTokens(): ReadonlySet<string> {
    return this.#issued;
  }

  /** A session fit for use now: the current one, or a fresh one from the shared login. */
  async current(context: AuthContext): Promise<Session> {
    const { store, key, idleLifetimeMs, marginMs } = this.#options;
    const now = context.clock.now();
    const session = await raceAbort(Promise.resolve(store.get(key)), context.signal);
    const idleFor = now - Math.max(this.#lastUsedAt, session?.obtainedAt ?? 0);
    if (session && idleFor < idleLifetimeMs - marginMs) {
      this.#lastUsedAt = now;
      this.#issued.add(session.token);
      return session;
    }
    if (session) {
      await store.delete(key, session.token);
      reportAuthEvent(context, { type: 'session-expired', reason: 'idle' });
    }
    return raceAbort(this.#login(context), context.signal);
  }

  /** Logs in now (sharing a login already under way) and returns the new session. */
  #login(context: AuthContext): Promise<Session> {
    if (this.#closed && !this.#pending) return Promise.reject(new KeeperClosed());
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
    const startedAt = context.clock.now();
    const finished = (error: unknown) =>
      reportAuthEvent(context, {
        type: 'login-finished',
        ok: error === undefined,
        durationMs: context.clock.now() - startedAt,
        errorCode: error instanceof ExchangeAuthError ? error.code : undefined,
      });
    reportAuthEvent(context, { type: 'login-started' });
    this.#pending = this.#options
      .login(loginContext)
      .then(async (session) => {
        this.#issued.add(session.token);
        await this.#options.store.set(this.#options.key, session);
        this.#lastUsedAt = context.clock.now();
        finished(undefined);
        return session;
      })
      .catch((error: unknown) => {
        finished(error);
        throw error;
      })
      .finally(() => {
        this.#pending = undefined;
      });
    return this.#pending;
  }

  /** No login starts from now on; one already under way finishes (and is for the closer to log out). */
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
    await this.#options.store.delete(this.#options.key, token);
  }

  /** The session in the store, if any, without logging in. */
  peek(): Session | undefined | Promise<Session | undefined> {
    return this.#options.store.get(this.#options.key);
  }

  /** Forgets the session (after a logout). */
  async forget(): Promise<void> {
    const session = await this.#options.store.get(this.#options.key);
    if (session) await this.#options.store.delete(this.#options.key, session.token);
  }
}
