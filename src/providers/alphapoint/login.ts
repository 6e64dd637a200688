import type { KeyObject } from 'node:crypto';
import { AuthenticationError } from '../../core/errors.js';
import type { NonceSource } from '../../core/nonce.js';
import { buildRequest, type PreparedRequest } from '../../core/request.js';
import type { Session } from '../../core/session.js';
import type { AuthContext } from '../../core/strategy.js';
import { type Challenge, type LoginIds, readLoginAnswer } from './login-answer.js';
import type { TwoFactorSource } from './options.js';
import { secondFactorCode } from './second-factor.js';
import { alphapointHeaders } from './signature.js';

/** Where a login step goes. */
export interface LoginRoute {
  readonly method: 'GET' | 'POST';
  readonly path: string;
}

/** The second step's route, and what ties its code to the pending login. */
export interface TwoFactorRoute extends LoginRoute {
  readonly send: 'pending-token' | 'signed-headers';
}

/** What sending the login request needs. */
interface LoginRequestSettings {
  readonly provider: string;
  readonly baseURL: string;
  readonly login: LoginRoute;
  readonly apiKey: string;
  readonly userId: string;
  readonly secret: KeyObject;
  readonly nonces: NonceSource;
  readonly nonceKey: string;
  /** Called with each signature and pending 2FA token, so they can be masked wherever they are echoed. */
  readonly issued: (credential: string) => void;
  /** Masks the credentials in text the exchange sends back. */
  readonly redact: (text: string) => string;
}

/** Everything a login needs. */
interface LoginSettings extends LoginRequestSettings {
  readonly twoFactorStep: TwoFactorRoute;
  readonly twoFactor: TwoFactorSource | undefined;
}

function request(
  settings: LoginRequestSettings,
  route: LoginRoute,
  headers: Record<string, string>,
  payload: Record<string, string> | undefined,
): PreparedRequest {
  const get = route.method === 'GET';
  return buildRequest({
    provider: settings.provider,
    baseURL: settings.baseURL,
    method: route.method,
    path: route.path,
    query: get ? payload : undefined,
    body: get ? undefined : (payload ?? {}),
    headers,
  });
}

/** The four headers over a fresh nonce; the signature is recorded for masking. */
async function signedHeaders(settings: LoginRequestSettings, context: AuthContext) {
  const nonce = await settings.nonces.next(settings.nonceKey, context.clock.now());
  const headers = alphapointHeaders(settings, nonce);
  settings.issued(headers.Signature ?? '');
  return headers;
}

/** The `Authenticate2FA` request for a challenge, as this deployment wants it. */
async function secondStep(
  settings: LoginSettings,
  context: AuthContext,
  challenge: Challenge,
  code: string,
): Promise<PreparedRequest> {
  const { twoFactorStep: step, provider } = settings;
  if (step.send === 'signed-headers') {
    // A pending token the exchange issued goes back with the code, whatever the preset says ties them.
    const headers = await signedHeaders(settings, context);
    if (challenge.pending) headers.Pending2FaToken = challenge.pending;
    return request(settings, step, headers, { Code: code });
  }
  if (!challenge.pending) {
    throw new AuthenticationError(
      `${provider}: the exchange asked for a second factor but sent no Pending2FaToken to tie the code to; ` +
        'this deployment may want twoFactorStep.send "signed-headers"',
      { provider },
    );
  }
  return request(settings, step, { Pending2FaToken: challenge.pending }, { Code: code });
}

const NO_IDS: LoginIds = { userId: undefined, accountId: undefined, omsId: undefined };

const merged = (later: LoginIds, earlier: LoginIds, userId: string) => ({
  userId: later.userId ?? earlier.userId ?? userId,
  accountId: later.accountId ?? earlier.accountId,
  omsId: later.omsId ?? earlier.omsId,
});

/** Sends the login request and reads its answer. */
async function firstStep(settings: LoginRequestSettings, context: AuthContext) {
  return readLoginAnswer(
    settings.provider,
    await context.send(request(settings, settings.login, await signedHeaders(settings, context), undefined)),
    'the login',
    context.clock.now(),
    settings.redact,
  );
}

/**
 * Who the exchange says the key belongs to, from the login answer alone, as hummingbot's `oms_connector` learns
 * its account before signing every call. Its session, if any, is never used; after a second-factor challenge
 * only the ids the challenge named (and the configured user id) are known.
 */
export async function alphapointIdentify(
  settings: LoginRequestSettings,
  context: AuthContext,
): Promise<LoginIds> {
  const answer = await firstStep(settings, context);
  if ('session' in answer) return merged(answer.session.ids, NO_IDS, settings.userId);
  for (const credential of [answer.challenge.pending, answer.challenge.halfToken])
    if (credential) settings.issued(credential);
  return merged(answer.challenge.ids, NO_IDS, settings.userId);
}

/**
 * Logs in to an AlphaPoint exchange with an API key: the four signed headers to the login route through the
 * client's own transport, then — when the answer is a second-factor challenge — `Authenticate2FA` with the code,
 * sent as the deployment wants it (see {@link TwoFactorRoute}). Nothing is sent for the second step without a
 * code source: the login fails with TwoFactorRequiredError.
 */
export async function alphapointLogin(settings: LoginSettings, context: AuthContext): Promise<Session> {
  const { provider } = settings;
  const first = await firstStep(settings, context);
  if ('session' in first) {
    const { token, ids } = first.session;
    return { token, info: merged(ids, NO_IDS, settings.userId), obtainedAt: context.clock.now() };
  }

  const { challenge } = first;
  const code = await secondFactorCode(settings, provider, challenge);
  const second = readLoginAnswer(
    provider,
    await context.send(await secondStep(settings, context, challenge, code)),
    'the second factor',
    context.clock.now(),
    settings.redact,
  );
  if (!('session' in second)) {
    throw new AuthenticationError(`${provider}: the exchange asked for a second factor again`, { provider });
  }
  const { token, ids } = second.session;
  return { token, info: merged(ids, challenge.ids, settings.userId), obtainedAt: context.clock.now() };
}
