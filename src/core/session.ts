/** What a login gives: the token and who it belongs to. */
export interface Session {
  /** The session token (`aptoken`). A secret. */
  readonly token: string;
  /** Identifiers the exchange returned with the session (user, account, OMS ...). */
  readonly info: Readonly<Record<string, number | string | undefined>>;
  /** When the exchange issued it, in milliseconds. */
  readonly obtainedAt: number;
}

/**
 * Where sessions are kept, by a non-secret key (a credential fingerprint). The default keeps them in this
 * process; a shared store (Redis) lets a fleet of processes share one session per key.
 */
export interface SessionStore {
  /** The session kept for `key`, if any. */
  get(key: string): Session | undefined | Promise<Session | undefined>;
  /** Keep `session` for `key`, replacing any other. */
  set(key: string, session: Session): void | Promise<void>;
  /** Forget the session of `key`, but only if its token is `token` (a newer one stays). */
  delete(key: string, token: string): void | Promise<void>;
}

/** A session store in this process's memory. */
export function createMemorySessionStore(): SessionStore {
  const sessions = new Map<string, Session>();
  return {
    get: (key) => sessions.get(key),
    set: (key, session) => {
      sessions.set(key, session);
    },
    delete: (key, token) => {
      if (sessions.get(key)?.token === token) sessions.delete(key);
    },
  };
}

/** Options of {@link SessionKeeper}. */
export interface SessionKeeperOptions {
  /** The store's key for these credentials: a fingerprint, never the credentials. */
  readonly key: string;
  /** Logs in; every concurrent caller without a session shares one call. */
  readonly login: () => Promise<Session>;
  /** The exchange ends a session idle this long; the keeper renews one idle for nearly as long before use. */
  readonly idleLifetimeMs: number;
  /** Renew this long before the idle lifetime runs out. */
  readonly marginMs: number;
  readonly store: SessionStore;
  readonly now: () => number;
}

/**
 * One session per key: one in-flight login shared by every concurrent caller (cleared on success and on failure,
 * so a failed login is not kept and every waiter gets its error), renewal before the idle lifetime runs out,
 * and expiry that only drops the token that failed, never a newer one.
 */
export class SessionKeeper {
  readonly #options: SessionKeeperOptions;
  #pending: Promise<Session> | undefined;
  #lastUsedAt = 0;
  #latest: Session | undefined;

  constructor(options: SessionKeeperOptions) {
    this.#options = options;
  }

  /** The token last seen, for redaction; undefined before any login. */
  get latestToken(): string | undefined {
    return this.#latest?.token;
  }

  /** A session fit for use now: the current one, or a fresh one from the shared login. */
  async current(): Promise<Session> {
    const { store, key, now, idleLifetimeMs, marginMs } = this.#options;
    const session = await store.get(key);
    const idleFor = now() - Math.max(this.#lastUsedAt, session?.obtainedAt ?? 0);
    if (session && idleFor < idleLifetimeMs - marginMs) {
      this.#lastUsedAt = now();
      this.#latest = session;
      return session;
    }
    if (session) await store.delete(key, session.token);
    return this.#login();
  }

  /** Logs in now (sharing a login already under way) and returns the new session. */
  #login(): Promise<Session> {
    this.#pending ??= this.#options
      .login()
      .then(async (session) => {
        await this.#options.store.set(this.#options.key, session);
        this.#lastUsedAt = this.#options.now();
        this.#latest = session;
        return session;
      })
      .finally(() => {
        this.#pending = undefined;
      });
    return this.#pending;
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
