import { createSecretKey } from 'node:crypto';
import { fingerprint } from '../../core/fingerprint.js';
import { createNonceSource, type NonceSource } from '../../core/nonce.js';
import type { Permission } from '../../core/permissions.js';
import type { Provider } from '../../core/provider.js';
import { redactorFor } from '../../core/redact.js';
import { type PreparedRequest, withBody } from '../../core/request.js';
import type { SessionStore } from '../../core/session.js';
import { parseOptions } from '../../core/validate.js';
import { type AlphaPointCatalog, alphapointCatalog } from './catalog.js';
import { classifyAlphaPoint } from './classify.js';
import { inspectAlphaPoint } from './inspect.js';
import { alphapointIdentify } from './login.js';
import {
  type AlphaPointKeyPermission,
  alphapointOptionsSchema,
  type TwoFactorSource,
  type TwoFactorStepOptions,
} from './options.js';
import { alphapointSession } from './session.js';
import { alphapointSignedHeaders } from './signed-headers.js';
import { openAlphaPointSocket } from './websocket/open-socket.js';
import type { AlphaPointSocketOptions } from './websocket/options.js';
import type { AlphaPointSocket } from './websocket/socket.js';

/** Options of {@link alphapoint}. */
export interface AlphaPointOptions<P extends AlphaPointKeyPermission = AlphaPointKeyPermission> {
  /** The API KEY. */
  apiKey: string;
  /** The API SECRET: only ever the HMAC key, never sent. */
  apiSecret: string;
  /** Your user id, as a number or a string of digits (a string is signed exactly as given). */
  userId: number | string;
  /** The deployment's API base (`https://apstage.proxy.kiiex.io/ap`); call paths are relative to it. */
  baseURL: string;
  /** The deployment's WebSocket gateway (`wss://api.ndax.io/WSGateway/`), for `client.websocket()`. */
  websocketURL?: string;
  /** Where the login goes. Default `POST /AuthenticateUser`. */
  login?: { method: 'GET' | 'POST'; path: string };
  /**
   * How `Authenticate2FA` is sent when the login answers a second-factor challenge. Default Kiiex's:
   * `{ method: 'POST', send: 'signed-headers' }` — `{"Code": …}` with the four headers freshly signed. NDAX over
   * HTTP: `{ method: 'GET', send: 'pending-token' }` — `?Code=…` with the `Pending2FaToken` of the first answer.
   * `path` defaults to the login path with its last segment replaced by `Authenticate2FA`.
   */
  twoFactorStep?: { method: 'GET' | 'POST'; send: 'pending-token' | 'signed-headers'; path?: string };
  /**
   * `'session'` (default): one login, then `aptoken` on every private call. `'signed-headers'`: no login; every
   * private request carries `APIKey`, `Signature`, `UserId` and `Nonce`, signed over a fresh nonce — for
   * deployments that accept it (ccxt's NDAX client signs this way when it holds no session).
   * `twoFactor`, `sessionIdleMs` and `sessionStore` have no use then and are refused.
   */
  auth?: 'session' | 'signed-headers';
  /** The key's permissions as created (`Trading`, `Withdraw`, `Deposit`). Default: all, and the exchange decides. */
  permissions?: readonly P[];
  /** Supplies a 6-digit code when the exchange asks for a second factor. */
  twoFactor?: TwoFactorSource;
  /** How long the exchange keeps an idle session. Default one hour. */
  sessionIdleMs?: number;
  /** Where login nonces come from. Default: increasing milliseconds per key, in this process. */
  nonceSource?: NonceSource;
  /** Where sessions are kept. Default: this process's memory. */
  sessionStore?: SessionStore;
  /** Requests per second, or false. Default false: none is documented. */
  rateLimit?: number | false;
  /** The provider's name in errors and logs. Default `alphapoint`. */
  name?: string;
}

/** The ids a login returns. */
export interface AlphaPointIdentity {
  readonly userId: number | string | undefined;
  readonly accountId: number | string | undefined;
  readonly omsId: number | string | undefined;
}

/** What an AlphaPoint client adds. */
export interface AlphaPointMethods<Granted extends Permission = Permission> {
  /**
   * Logs in now (or reuses a fresh session) and returns who the exchange says you are. With
   * `auth: 'signed-headers'` it sends the signed login once to learn the ids and keeps no session. After a
   * two-factor login an id the exchange did not name is `undefined`.
   */
  authenticate(): Promise<AlphaPointIdentity>;
  /**
   * An authenticated connection to the deployment's WebSocket gateway, opened on first use. It shares the key's
   * session with this client's HTTP calls (one login for both, and with `exchange-auth/redis`, for the fleet),
   * reconnects by itself and restores its subscriptions; calls go through the client's permission gate and input
   * checks. The client's `close()` closes it.
   */
  websocket(options?: AlphaPointSocketOptions): AlphaPointSocket<Granted>;
}

/** The permissions declared AlphaPoint key permissions grant: read always, Trading → trade, Withdraw → withdraw. */
export type AlphaPointPermissions<P extends AlphaPointKeyPermission> =
  | 'read'
  | (P extends 'Trading' ? 'trade' : never)
  | (P extends 'Withdraw' ? 'withdraw' : never);

/** Login nonces for every AlphaPoint provider in this process given no source of its own: one sequence per key. */
const loginNonces = createNonceSource();

const LOGIN_DEFAULT = { method: 'POST', path: '/AuthenticateUser' } as const;
const TWO_FACTOR_DEFAULT: TwoFactorStepOptions = { method: 'POST', send: 'signed-headers' };

const HEADERS: Readonly<Record<string, string>> = Object.freeze({ Accept: 'application/json' });

/** Calls are POSTs with a JSON body; an empty one still sends `{}`. */
const emptyBodyAsObject = (request: PreparedRequest) =>
  request.method === 'POST' && request.body === undefined ? withBody(request, '{}') : request;

function grantedBy(permissions: readonly AlphaPointKeyPermission[] | undefined): Permission[] {
  if (permissions === undefined) return ['read', 'trade', 'withdraw'];
  return [
    'read',
    ...(permissions.includes('Trading') ? (['trade'] as const) : []),
    ...(permissions.includes('Withdraw') ? (['withdraw'] as const) : []),
  ];
}

/**
 * Any AlphaPoint APEX exchange: an HMAC signature exchanged at `AuthenticateUser` for a session token, which then
 * rides in `aptoken` on every private call. Concurrent requests share one login; an expired session is
 * replaced by one shared login and the refused requests are sent once more. A second-factor challenge is
 * answered at `Authenticate2FA` as the deployment wants (`twoFactorStep`). With `auth: 'signed-headers'`, every
 * private request is signed instead and there is no session.
 */
export function alphapoint<const P extends AlphaPointKeyPermission = AlphaPointKeyPermission>(
  options: AlphaPointOptions<P>,
): Provider<AlphaPointPermissions<P>, AlphaPointCatalog, AlphaPointMethods<AlphaPointPermissions<P>>> {
  // The name labels errors before it is checked: only a string may.
  const label = typeof options?.name === 'string' ? options.name : 'alphapoint';
  const parsed = parseOptions(alphapointOptionsSchema, options, label);
  const name = parsed.name ?? 'alphapoint';
  const baseURL = parsed.baseURL.replace(/\/+$/, '');
  const login = parsed.login ?? LOGIN_DEFAULT;
  const step = parsed.twoFactorStep ?? TWO_FACTOR_DEFAULT;
  const signer = {
    apiKey: parsed.apiKey,
    userId: String(parsed.userId),
    secret: createSecretKey(Buffer.from(parsed.apiSecret, 'utf8')),
  };
  const nonceSource = parsed.nonceSource ?? loginNonces;
  const nonceKey = fingerprint(name, parsed.apiKey);
  // Plain literals, not spreads: every provider's objects then share one shape (a spread gave each its own).
  const session =
    parsed.auth === 'signed-headers'
      ? undefined
      : alphapointSession({
          apiKey: signer.apiKey,
          userId: signer.userId,
          secret: signer.secret,
          nonces: nonceSource,
          nonceKey,
          provider: name,
          baseURL,
          apiSecret: parsed.apiSecret,
          login,
          twoFactorStep: {
            method: step.method,
            send: step.send,
            path: step.path ?? login.path.replace(/[^/]+$/, 'Authenticate2FA'),
          },
          twoFactor: parsed.twoFactor,
          sessionKey: fingerprint(name, `${baseURL} ${parsed.apiKey}`),
          sessionIdleMs: parsed.sessionIdleMs,
          sessionStore: parsed.sessionStore,
        });
  // Signed-headers mode only: the signatures of identifying logins, masked like the per-request ones.
  const issued = session ? undefined : new Set<string>();
  const identify = issued && {
    apiKey: signer.apiKey,
    userId: signer.userId,
    secret: signer.secret,
    nonces: nonceSource,
    nonceKey,
    provider: name,
    baseURL,
    login,
    issued: (credential: string) => {
      issued.add(credential);
    },
    redact: (text: string) => redactorFor([parsed.apiSecret, parsed.apiKey, ...issued]).text(text),
  };
  const strategy =
    session ??
    alphapointSignedHeaders({
      apiKey: signer.apiKey,
      userId: signer.userId,
      secret: signer.secret,
      nonces: nonceSource,
      nonceKey,
      apiSecret: parsed.apiSecret,
      issued: () => issued as Set<string>,
    });
  return {
    name,
    baseURL,
    strategy,
    permissions: grantedBy(parsed.permissions) as AlphaPointPermissions<P>[],
    catalog: alphapointCatalog,
    rateLimit: parsed.rateLimit ?? false,
    headers: HEADERS,
    contentType: 'application/json',
    classify: classifyAlphaPoint,
    prepare: emptyBodyAsObject,
    // Both made when first used: a service holds a client per user, and few of them open a socket or a doctor.
    inspect: (context) => inspectAlphaPoint(signer.userId)(context),
    extend: (context) => ({
      websocket: (socketOptions) => {
        const socketSettings = {
          nonces: nonceSource,
          nonceKey,
          provider: name,
          baseURL,
          websocketURL: parsed.websocketURL,
          signer,
          twoFactor: parsed.twoFactor,
          session,
          catalog: alphapointCatalog,
          strategy,
        };
        return openAlphaPointSocket(context, socketSettings, socketOptions);
      },
      authenticate: () =>
        context.guard(async () => {
          if (!session)
            return alphapointIdentify(identify as NonNullable<typeof identify>, context.authContext());
          const { userId: id, accountId, omsId } = (await session.session(context.authContext())).info;
          return { userId: id, accountId, omsId };
        }),
    }),
  };
}
