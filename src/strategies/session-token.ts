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
function sharedKeeper(options: SessionTokenOptions, idleLifetimeMs: number) {
  const { store } = options;
  // The secrets the strategy holds when created (the API secret) are part of the id: a strategy given a wrong
  // secret for a key shares nothing with the right one, and logs in (and is refused) on its own.
  const secrets = options.secrets();
  const marginMs = options.renewMarginMs ?? idleLifetimeMs / 12;
  const idOf = (where: string) => registryKey('session', options.key, where, ...secrets);
  const localId = idOf(store ? `store ${storeId(store)}` : 'memory');
  const createLocal = () =>
    new SessionKeeper({
      // The default store is the keeper's own: it goes when the keeper goes, and sees the salted key only.
      key: store ? options.key : localId,
      idleLifetimeMs,
      marginMs,
      store: store ?? createMemorySessionStore(),
    });
  // The registry's maps are untyped below `core`: what this map holds are keepers, of one copy or another.
  const keepers = keyRegistry().sessions as Map<string, SessionKeeper>;
  const used = new Set<string>([localId]);
  return {
    /** The key's keeper (the fleet's when a coordination is given), a new one when there is none or it was idle. */
    use(coordination?: Coordination, replacing?: (idle: SessionKeeper) => void): SessionKeeper {
      if (!coordination) return sharedWhileBusy(keepers, localId, createLocal, replacing);
      const id = idOf(`coordination ${storeId(coordination)}`);
      used.add(id);
      return sharedWhileBusy(
        keepers,
        id,
        () => {
          // Sealed with key material only the holder of the credentials has: its secrets, the API secret first.
          const secret = new Uint8Array(Buffer.from(secrets.join('\0'), 'utf8'));
          const shared = coordination.sessions({ secret, idleLifetimeMs });
          return new SessionKeeper({
            key: options.key,
            idleLifetimeMs,
            marginMs,
            store: createMemorySessionStore(),
            shared,
          });
        },
        replacing,
      );
    },
    /** Every token the key's current keepers were issued (none when they have none), for redaction. */
    issued: (): string[] => [...used].flatMap((id) => [...(keepers.get(id)?.issuedTokens ?? [])]),
  };
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
  const idleLifetimeMs = options.idleLifetimeMs ?? HOUR;
  const shared = sharedKeeper(options, idleLifetimeMs);
  // The coordination of the latest request (a client's is fixed, once started): expiry and close use its keeper.
  let coordination: Coordination | undefined;
  const keeper = () => shared.use(coordination);
  let closed = false;
  const caller: SessionCaller = {
    login: (context) => options.login(context).catch((error: unknown) => Promise.reject(notSent(error))),
    isClosed: () => closed,
  };
  // Every token this strategy put on a request, for redaction (a shared keeper may be replaced once idle).
  const tokens = new Set<string>();
  const header = options.header;
  const lowerHeader = header.toLowerCase();

  const tokenOf = (request: PreparedRequest): string | undefined => {
    for (const [name, value] of Object.entries(request.headers))
      if (name.toLowerCase() === lowerHeader) return value;
    return undefined;
  };

  // A keeper whose session sat idle for its whole lifetime is replaced, not renewed: its session has expired.
  const idleEnded = (context: AuthContext) => (idle: SessionKeeper) => {
    if (idle.issuedTokens.size > 0) reportAuthEvent(context, { type: 'session-expired', reason: 'idle' });
  };

  const current = (context: AuthContext, login?: (context: AuthContext) => Promise<Session>) => {
    coordination = context.coordination;
    const who: SessionCaller = login
      ? {
          login: (loginContext) =>
            login(loginContext).catch((error: unknown) => Promise.reject(notSent(error))),
          isClosed: caller.isClosed,
        }
      : caller;
    return shared
      .use(coordination, idleEnded(context))
      .current(context, who)
      .then((session) => {
        tokens.add(session.token);
        return session;
      })
      .catch((error: unknown) => {
        if (!(error instanceof KeeperClosed)) throw error;
        throw clientClosedError(options.provider ?? 'session-token');
      });
  };
  let closing: Promise<void> | undefined;

  return {
    scheme: 'session-token',
    headerNames: Object.freeze([header]),
    async authorize(request, context) {
      const session = await current(context, undefined);
      return withHeaders(request, { [header]: session.token });
    },
    async expire(request) {
      const token = tokenOf(request);
      if (token === undefined) return false;
      await keeper().expire(token);
      return true;
    },
    session: current,
    secrets: () => [...options.secrets(), ...tokens, ...shared.issued()],
    close(context) {
      closing ??= (async () => {
        closed = true;
        coordination = context.coordination ?? coordination;
        // In a fleet the session is the fleet's: one process closing (a restart, a cron job) neither logs it
        // out nor deletes it; it ends by the exchange's idle lifetime when no process uses it (docs/fleet.md).
        if (coordination) return;
        const closer = keeper();
        await closer.settled();
        const session = await closer.peek();
        if (!session) return;
        await closer.forget();
        await options.logout?.(context, session);
      })();
      return closing;
    },
  };
}
