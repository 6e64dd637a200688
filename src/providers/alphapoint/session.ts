import type { NonceSource } from '../../core/nonce.js';
import { redactorFor } from '../../core/redact.js';
import { buildRequest } from '../../core/request.js';
import type { SessionStore } from '../../core/session.js';
import { ALPHAPOINT_WIRE, headerOf } from '../../core/wire-credentials.js';
import { type SessionTokenStrategy, sessionToken } from '../../strategies/session-token.js';
import { alphapointLogin, type LoginRoute, type TwoFactorRoute } from './login.js';
import type { TwoFactorSource } from './options.js';
import type { AlphaPointSigner } from './signature.js';

/** What the session strategy of an AlphaPoint deployment needs. */
interface AlphaPointSessionSettings extends AlphaPointSigner {
  readonly provider: string;
  readonly baseURL: string;
  readonly apiSecret: string;
  readonly login: LoginRoute;
  readonly twoFactorStep: TwoFactorRoute;
  readonly twoFactor: TwoFactorSource | undefined;
  readonly nonces: NonceSource;
  readonly nonceKey: string;
  /** The session store's key: a fingerprint of the deployment and the key. */
  readonly sessionKey: string;
  readonly sessionIdleMs: number | undefined;
  readonly sessionStore: SessionStore | undefined;
}

/**
 * An AlphaPoint session: the login (and its second step) exchanged for a `SessionToken` that rides in `aptoken`
 * on every private call, one shared login, and `LogOut` on close. Every login signature and pending 2FA token
 * is masked like the key and secret.
 */
export function alphapointSession(settings: AlphaPointSessionSettings): SessionTokenStrategy {
  const { provider, baseURL } = settings;
  const issued = new Set<string>();
  const strategy = sessionToken({
    key: settings.sessionKey,
    header: headerOf(ALPHAPOINT_WIRE, 'aptoken'),
    provider,
    ...(settings.sessionIdleMs ? { idleLifetimeMs: settings.sessionIdleMs } : {}),
    ...(settings.sessionStore ? { store: settings.sessionStore } : {}),
    secrets: () => [settings.apiSecret, settings.apiKey, ...issued],
    login: (context) =>
      alphapointLogin(
        {
          ...settings,
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
          provider,
          baseURL,
          method: 'POST',
          path: '/LogOut',
          headers: { aptoken: session.token },
          body: {},
        }),
      );
    },
  });
  return strategy;
}
