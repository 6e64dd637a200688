import type { SharedSessions } from './coordination.js';

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

/**
 * A session store in this process's memory. A class, not closures: every session-token client holds one while its
 * session is fresh, and a service holds a client per user.
 */
class MemorySessionStore implements SessionStore {
  readonly #sessions = new Map<string, Session>();

  get(key: string): Session | undefined {
    return this.#sessions.get(key);
  }

  set(key: string, session: Session): void {
    this.#sessions.set(key, session);
  }

  delete(key: string, token: string): void {
    if (this.#sessions.get(key)?.token === token) this.#sessions.delete(key);
  }
}

/** A session store in this process's memory. */
export function createMemorySessionStore(): SessionStore {
  return new MemorySessionStore();
}

/** {@link storeSessions}: the process's own sessions, held in `store`. */
class StoredSessions {
  constructor(private readonly store: SessionStore) {}

  async get(key: string): Promise<Session | undefined> {
    return this.store.get(key);
  }

  async delete(key: string, token: string): Promise<void> {
    await this.store.delete(key, token);
  }

  async loginOnce(key: string, login: (lost: AbortSignal) => Promise<Session>): Promise<Session> {
    // Nothing else can claim this process's login, so the claim is never lost.
    const session = await login(new AbortController().signal);
    await this.store.set(key, session);
    return session;
  }
}

/**
 * A store of this process's sessions behind the interface of a fleet's ({@link SharedSessions}), so that whoever
 * keeps sessions reads one interface: the login runs here and its session is kept in `store`.
 */
export function storeSessions(store: SessionStore): SharedSessions {
  return new StoredSessions(store);
}
