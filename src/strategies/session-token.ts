import { ConfigurationError, TransportError } from '../core/errors.js';
import { type PreparedRequest, withHeaders } from '../core/request.js';
import { createMemorySessionStore, type Session, type SessionStore } from '../core/session.js';
import type { AuthContext, AuthStrategy } from '../core/strategy.js';
import { KeeperClosed, SessionKeeper } from './session-keeper.js';

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
  /** Where sessions are kept. Default: this process's memory. */
  store?: SessionStore;
  /** Values to mask besides the tokens (the API secret, the last login signature). */
  secrets: () => readonly string[];
  /** Name used in errors (the provider's name). Default `session-token`. */
  provider?: string;
}

/** A session-token strategy, with the lifecycle methods a provider exposes on its clients. */
export interface SessionTokenStrategy extends AuthStrategy {
  /** Logs in now unless a fresh session exists (sharing any login under way); resolves to the session. */
  session(context: AuthContext): Promise<Session>;
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
 * Credentials exchanged once for a session token that then rides on every private request. Concurrent requests
 * share one login; an expired token is dropped and replaced by one shared login; `close()` logs out.
 */
export function sessionToken(options: SessionTokenOptions): SessionTokenStrategy {
  const idleLifetimeMs = options.idleLifetimeMs ?? HOUR;
  const keeper = new SessionKeeper({
    key: options.key,
    idleLifetimeMs,
    marginMs: options.renewMarginMs ?? idleLifetimeMs / 12,
    store: options.store ?? createMemorySessionStore(),
    login: (context) => options.login(context).catch((error: unknown) => Promise.reject(notSent(error))),
  });
  const header = options.header;
  const lowerHeader = header.toLowerCase();

  const tokenOf = (request: PreparedRequest): string | undefined => {
    for (const [name, value] of Object.entries(request.headers))
      if (name.toLowerCase() === lowerHeader) return value;
    return undefined;
  };

  const current = (context: AuthContext) =>
    keeper.current(context).catch((error: unknown) => {
      if (!(error instanceof KeeperClosed)) throw error;
      throw new ConfigurationError(
        `${options.provider ?? 'session-token'}: this client is closed; create a new one`,
        {
          provider: options.provider ?? 'session-token',
          field: 'client',
        },
      );
    });
  let closing: Promise<void> | undefined;

  return {
    scheme: 'session-token',
    headerNames: Object.freeze([header]),
    async authorize(request, context) {
      const session = await current(context);
      return withHeaders(request, { [header]: session.token });
    },
    async expire(request) {
      const token = tokenOf(request);
      if (token === undefined) return false;
      await keeper.expire(token);
      return true;
    },
    session: current,
    secrets: () => [...options.secrets(), ...keeper.issuedTokens],
    close(context) {
      closing ??= (async () => {
        keeper.close();
        await keeper.settled();
        const session = await keeper.peek();
        if (!session) return;
        await keeper.forget();
        await options.logout?.(context, session);
      })();
      return closing;
    },
  };
}
