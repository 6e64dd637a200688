import type { Coordination } from '../core/coordination.js';
import { clientClosedError, TransportError } from '../core/errors.js';
import { reportAuthEvent } from '../core/events.js';
import { keyRegistry, registryKey, sharedWhileBusy, storeId } from '../core/registry.js';
import { type PreparedRequest, withHeaders } from '../core/request.js';
import { createMemorySessionStore, type Session, type SessionStore } from '../core/session.js';
import type { AuthContext, AuthStrategy } from '../core/strategy.js';
import { KeeperClosed, type SessionCaller, SessionKeeper } from './session-keeper.js';

/** Options of {@link sessionToken}. */
export interface SessionTokenOptions {
  /** A non-secret identifier of the credentials (a fingerprint), the session store's key. */
  key: string;
  /** Logs in through `context.send` and returns the session. Its errors reach every waiting request. */
  login(context: AuthContext): Promise<Session>;
  /** Ends a session (optional); called by `close()` when a session exists. */
  logout?(context: AuthContext, session: Session): Promise<void>;
  /** Header that carries the token on every private request (`aptoken`). */
  header: string;
  /** How long the exchange keeps an idle session. Default one hour. */
  idleLifetimeMs?: number;
  /** Renew this long before the idle lifetime ends. Default a twelfth of it (5 minutes of an hour). */
  renewMarginMs?: number;
  /**
   * Where sessions are kept. Default: this process's memory, one session per key shared by every strategy of
   * the key in the process (whichever copy of the library made it).
   */
  store?: SessionStore;
  /** Values to mask besides the tokens (the API secret, the last login signature). */
  secrets: () => readonly string[];
  /** Name used in errors (the provider's name). Default `session-token`. */
  provider?: string;
}

/** A session-token strategy, with the lifecycle methods a provider exposes on its clients. */
export interface SessionTokenStrategy extends AuthStrategy {
  /**
   * Logs in now unless a fresh session exists (sharing any login under way); resolves to the session. `login`,
   * when given, is how this caller logs in if it is the one to (another channel's login, such as a WebSocket
   * gateway's); the session it returns is the key's, shared with every request as a login of the strategy's own.
   */
  session(context: AuthContext, login?: (context: AuthContext) => Promise<Session>): Promise<Session>;
}

const HOUR = 60 * 60 * 1000;

/** The request that waited for a login was never sent, whatever happened to the login itself. */
function notSent(error: unknown): unknown {
  if (!(error instanceof TransportError) || error.outcome !== 'unknown') return error;
  return new TransportError(
    `${error.provider}: the login got no answer (${error.networkCode ?? 'network error'}); the request was not sent`,
    { provider: error.provider, outcome: 'not-sent', networkCode: error.networkCode },
  );
}

/**
 * The session single-flight of `key` (and of `store`, when one is given, or of the fleet's coordination) in this
 * process: one keeper shared by every strategy of the key, in every copy of the library, looked up on each use.
 * A keeper lives while a login is under way or its session is fresh; an idle one is dropped, and the next use
 * starts a new one. Its settings (idle lifetime, renewal margin) are those of the strategy that created it.
 */
class SharedKeeper {
  readonly #options: SessionTokenOptions;
  readonly #idleLifetimeMs: number;
  readonly #marginMs: number;
  /**
   * The secrets the strategy holds when created (the API secret) are part of the id: a strategy given a wrong
   * secret for a key shares nothing with the right one, and logs in (and is refused) on its own.
   */
  readonly #secrets: readonly string[];
  readonly #localId: string;
  /** The ids of the fleet keepers this strategy used, besides its local one; made on the first. */
  #fleetIds: Set<string> | undefined;

  constructor(options: SessionTokenOptions, idleLifetimeMs: number) {
    this.#options = options;
    this.#idleLifetimeMs = idleLifetimeMs;
    this.#marginMs = options.renewMarginMs ?? idleLifetimeMs / 12;
    this.#secrets = options.secrets();
    const { store } = options;
    this.#localId = this.#idOf(store ? `store ${storeId(store)}` : 'memory');
  }

  #idOf(where: string): string {
    return registryKey('session', this.#options.key, where, ...this.#secrets);
  }

  // The registry's maps are untyped below `core`: what this map holds are keepers, of one copy or another.
  #keepers(): Map<string, SessionKeeper> {
    return keyRegistry().sessions as Map<string, SessionKeeper>;
  }

  /** The key's keeper (the fleet's when a coordination is given), a new one when there is none or it was idle. */
  use(coordination?: Coordination, replacing?: (idle: SessionKeeper) => void): SessionKeeper {
    const idleLifetimeMs = this.#idleLifetimeMs;
    const marginMs = this.#marginMs;
    const { key, store } = this.#options;
    if (!coordination) {
      const localId = this.#localId;
      const createLocal = () =>
        new SessionKeeper({
          // The default store is the keeper's own: it goes when the keeper goes, and sees the salted key only.
          key: store ? key : localId,
          idleLifetimeMs,
          marginMs,
          store: store ?? createMemorySessionStore(),
        });
      return sharedWhileBusy(this.#keepers(), localId, createLocal, replacing);
    }
    const id = this.#idOf(`coordination ${storeId(coordination)}`);
    this.#fleetIds ??= new Set();
    this.#fleetIds.add(id);
    const secrets = this.#secrets;
    return sharedWhileBusy(
      this.#keepers(),
      id,
      () => {
        // Sealed with key material only the holder of the credentials has: its secrets, the API secret first.
        const secret = new Uint8Array(Buffer.from(secrets.join('\0'), 'utf8'));
        const shared = coordination.sessions({ secret, idleLifetimeMs });
        return new SessionKeeper({
          key,
          idleLifetimeMs,
          marginMs,
          store: createMemorySessionStore(),
          shared,
        });
      },
      replacing,
    );
  }

  /** Every token the key's current keepers were issued (none when they have none), for redaction. */
  issued(): string[] {
    const keepers = this.#keepers();
    const ids = [this.#localId, ...(this.#fleetIds ?? [])];
    return ids.flatMap((id) => [...(keepers.get(id)?.issuedTokens ?? [])]);
  }
}

/**
 * Credentials exchanged once for a session token that then rides on every private request. Concurrent requests
 * share one login; an expired token is dropped and replaced by one shared login; `close()` logs out.
 *
 * The session belongs to the key, not to the strategy: every strategy of one `key` (one store, the same secrets)
 * in the process shares it and its single login (and with a client's `coordination`, every process of the fleet), so two providers built with the same credentials, in the ESM and the
 * CJS copy of the library alike, make one login, and a provider created later reuses a fresh session. The first
 * strategy's `idleLifetimeMs` and `renewMarginMs` apply while its session lives. `close()` stops this strategy's
 * logins and logs the key's session out: other strategies of the key log in again (once) when next used. In a
 * fleet, `close()` stops this process's logins only: the fleet's session stays for the other processes.
 */
export function sessionToken(options: SessionTokenOptions): SessionTokenStrategy {
  const state = new SessionState(options);
  // Own properties, as a strategy's are (a wrapper may spread it), over one state whose methods are shared.
  return {
    scheme: 'session-token',
    headerNames: Object.freeze([options.header]),
    // The secrets it is created with are the credentials (tokens and login signatures come later).
    keyId: registryKey('key', 'session-token', options.key, ...options.secrets()),
    authorize: (request, context) => state.authorize(request, context),
    expire: (request) => state.expire(request),
    session: (context, login) => state.current(context, login),
    secrets: () => state.secrets(),
    close: (context) => state.close(context, false),
    retire: (context) => state.close(context, true),
  };
}

/**
 * What one {@link sessionToken} holds: its options, the key's shared keeper, the coordination of its latest
 * request and the tokens it used. It is also its own {@link SessionCaller}.
 */
class SessionState implements SessionCaller {
  readonly #options: SessionTokenOptions;
  readonly #shared: SharedKeeper;
  readonly #lowerHeader: string;
  /** The coordination of the latest request (a client's is fixed, once started): expiry and close use its keeper. */
  #coordination: Coordination | undefined;
  #closed = false;
  #closing: Promise<void> | undefined;
  /** Every token this strategy put on a request, for redaction (a shared keeper may be replaced once idle). */
  readonly #tokens = new Set<string>();

  constructor(options: SessionTokenOptions) {
    this.#options = options;
    this.#shared = new SharedKeeper(options, options.idleLifetimeMs ?? HOUR);
    this.#lowerHeader = options.header.toLowerCase();
  }

  login(context: AuthContext): Promise<Session> {
    return this.#options.login(context).catch((error: unknown) => Promise.reject(notSent(error)));
  }

  isClosed(): boolean {
    return this.#closed;
  }

  #keeper(): SessionKeeper {
    return this.#shared.use(this.#coordination);
  }

  #tokenOf(request: PreparedRequest): string | undefined {
    for (const [name, value] of Object.entries(request.headers))
      if (name.toLowerCase() === this.#lowerHeader) return value;
    return undefined;
  }

  current(context: AuthContext, login?: (context: AuthContext) => Promise<Session>): Promise<Session> {
    this.#coordination = context.coordination;
    const caller: SessionCaller = login
      ? {
          login: (loginContext) =>
            login(loginContext).catch((error: unknown) => Promise.reject(notSent(error))),
          isClosed: () => this.#closed,
        }
      : this;
    // A keeper whose session sat idle for its whole lifetime is replaced, not renewed: its session has expired.
    const idleEnded = (idle: SessionKeeper) => {
      if (idle.issuedTokens.size > 0) reportAuthEvent(context, { type: 'session-expired', reason: 'idle' });
    };
    return this.#shared
      .use(this.#coordination, idleEnded)
      .current(context, caller)
      .then((session) => {
        this.#tokens.add(session.token);
        return session;
      })
      .catch((error: unknown) => {
        if (!(error instanceof KeeperClosed)) throw error;
        throw clientClosedError(this.#options.provider ?? 'session-token');
      });
  }

  async authorize(request: PreparedRequest, context: AuthContext): Promise<PreparedRequest> {
    const session = await this.current(context);
    return withHeaders(request, { [this.#options.header]: session.token });
  }

  async expire(request: PreparedRequest): Promise<boolean> {
    const token = this.#tokenOf(request);
    if (token === undefined) return false;
    await this.#keeper().expire(token);
    return true;
  }

  secrets(): readonly string[] {
    return [...this.#options.secrets(), ...this.#tokens, ...this.#shared.issued()];
  }

  /** `everywhere`: the key was retired by the fleet (no process uses it), so the fleet's session goes too. */
  close(context: AuthContext, everywhere: boolean): Promise<void> {
    this.#closing ??= (async () => {
      this.#closed = true;
      this.#coordination = context.coordination ?? this.#coordination;
      // In a fleet the session is the fleet's: one process closing (a restart, a cron job) neither logs it
      // out nor deletes it; it ends by the exchange's idle lifetime when no process uses it (docs/fleet.md).
      if (this.#coordination && !everywhere) return;
      const closer = this.#keeper();
      await closer.settled();
      const session = await closer.peek();
      if (!session) return;
      await closer.forget();
      await this.#options.logout?.(context, session);
    })();
    return this.#closing;
  }
}
