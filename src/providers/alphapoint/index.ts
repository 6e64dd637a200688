import { createSecretKey } from 'node:crypto';
import { fingerprint } from '../../core/fingerprint.js';
import { createNonceSource, type NonceSource } from '../../core/nonce.js';
import type { Permission } from '../../core/permissions.js';
import type { Provider } from '../../core/provider.js';
import { redactorFor } from '../../core/redact.js';
import { buildRequest, withBody } from '../../core/request.js';
import type { SessionStore } from '../../core/session.js';
import { parseOptions } from '../../core/validate.js';
import { sessionToken } from '../../strategies/session-token.js';
import { type AlphaPointCatalog, alphapointCatalog } from './catalog.js';
import { classifyAlphaPoint } from './classify.js';
import { alphapointLogin } from './login.js';
import { type AlphaPointKeyPermission, alphapointOptionsSchema, type TwoFactorSource } from './options.js';

/** Login nonces for every AlphaPoint provider in this process given no source of its own: one sequence per key. */
const loginNonces = createNonceSource();

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
  /** Where the login goes. Default `POST /AuthenticateUser`. */
  login?: { method: 'GET' | 'POST'; path: string };
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
export interface AlphaPointMethods {
  /** Logs in now (or reuses a fresh session) and returns who the exchange says you are. */
  authenticate(): Promise<AlphaPointIdentity>;
}

/** The permissions declared AlphaPoint key permissions grant: read always, Trading → trade, Withdraw → withdraw. */
export type AlphaPointPermissions<P extends AlphaPointKeyPermission> =
  | 'read'
  | (P extends 'Trading' ? 'trade' : never)
  | (P extends 'Withdraw' ? 'withdraw' : never);

const LOGIN_DEFAULT = { method: 'POST', path: '/AuthenticateUser' } as const;

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
 * replaced by one shared login and the refused requests are sent once more.
 */
export function alphapoint<const P extends AlphaPointKeyPermission = AlphaPointKeyPermission>(
  options: AlphaPointOptions<P>,
): Provider<AlphaPointPermissions<P>, AlphaPointCatalog, AlphaPointMethods> {
  const parsed = parseOptions(alphapointOptionsSchema, options, options?.name ?? 'alphapoint');
  const name = parsed.name ?? 'alphapoint';
  const baseURL = parsed.baseURL.replace(/\/+$/, '');
  const userId = String(parsed.userId);
  const login = parsed.login ?? LOGIN_DEFAULT;
  const secretKey = createSecretKey(Buffer.from(parsed.apiSecret, 'utf8'));
  // Login signatures and pending 2FA tokens: credentials of their own, masked like the key and secret.
  const issued = new Set<string>();
  const strategy = sessionToken({
    key: fingerprint(name, `${baseURL} ${parsed.apiKey}`),
    header: 'aptoken',
    provider: name,
    ...(parsed.sessionIdleMs ? { idleLifetimeMs: parsed.sessionIdleMs } : {}),
    ...(parsed.sessionStore ? { store: parsed.sessionStore } : {}),
    secrets: () => [parsed.apiSecret, parsed.apiKey, ...issued],
    login: (context) =>
      alphapointLogin(
        {
          provider: name,
          baseURL,
          method: login.method,
          path: login.path,
          apiKey: parsed.apiKey,
          userId,
          secret: secretKey,
          nonces: parsed.nonceSource ?? loginNonces,
          nonceKey: fingerprint(name, parsed.apiKey),
          twoFactor: parsed.twoFactor,
          issued: (credential) => {
            issued.add(credential);
          },
          redact: (text) => redactorFor(strategy.secrets()).text(text),
        },
        context,
      ),
    logout: async (context, session) => {
      await context.send(
        buildRequest({
          provider: name,
          baseURL,
          method: 'POST',
          path: '/LogOut',
          headers: { aptoken: session.token },
          body: {},
        }),
      );
    },
  });
  return {
    name,
    baseURL,
    strategy,
    permissions: grantedBy(parsed.permissions) as AlphaPointPermissions<P>[],
    catalog: alphapointCatalog,
    rateLimit: parsed.rateLimit ?? false,
    headers: { Accept: 'application/json' },
    contentType: 'application/json',
    classify: classifyAlphaPoint,
    // Calls are POSTs with a JSON body; an empty one still sends `{}`.
    prepare: (request) =>
      request.method === 'POST' && request.body === undefined ? withBody(request, '{}') : request,
    extend: ({ authContext, guard }) => ({
      authenticate: () =>
        guard(async () => {
          const { userId: id, accountId, omsId } = (await strategy.session(authContext())).info;
          return { userId: id, accountId, omsId };
        }),
    }),
  };
}
