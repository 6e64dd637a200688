import type { KeyObject } from 'node:crypto';
import {
  AuthenticationError,
  ExchangeError,
  RateLimitError,
  ResponseValidationError,
  TwoFactorRequiredError,
} from '../../core/errors.js';
import type { NonceSource } from '../../core/nonce.js';
import { quote } from '../../core/quote.js';
import { buildRequest, type RawResponse } from '../../core/request.js';
import type { Session } from '../../core/session.js';
import type { AuthContext } from '../../core/strategy.js';
import { describeBody, field, readJson, retryAfterMs } from '../../toolkit/answers.js';
import { checkOneTimeCode } from '../../toolkit/one-time-code.js';
import type { TwoFactorSource } from './options.js';
import { alphapointSignature } from './signature.js';

/** Everything a login needs. */
export interface LoginSettings {
  readonly provider: string;
  readonly baseURL: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly apiKey: string;
  readonly userId: string;
  readonly secret: KeyObject;
  readonly nonces: NonceSource;
  readonly nonceKey: string;
  readonly twoFactor: TwoFactorSource | undefined;
  /** Called with each login signature and pending 2FA token, so they can be masked wherever they are echoed. */
  readonly issued: (credential: string) => void;
  /** Masks the credentials in text the exchange sends back. */
  readonly redact: (text: string) => string;
}

function request(
  settings: LoginSettings,
  path: string,
  headers: Record<string, string>,
  payload: Record<string, string> | undefined,
) {
  const get = settings.method === 'GET';
  return buildRequest({
    provider: settings.provider,
    baseURL: settings.baseURL,
    method: settings.method,
    path,
    query: get ? payload : undefined,
    body: get ? undefined : (payload ?? {}),
    headers,
  });
}

/** Reads a login answer: a session, a request for a second factor, or an error. */
function read(settings: LoginSettings, response: RawResponse, step: string, now: number) {
  const { provider } = settings;
  const { status } = response;
  if (status === 429) {
    throw new RateLimitError(`${provider}: ${step} was rate limited (429)`, {
      provider,
      status,
      retryAfterMs: retryAfterMs(response.headers, now),
    });
  }
  const body = readJson(response);
  if (body.kind !== 'json' || typeof body.value !== 'object' || body.value === null) {
    const what = `${provider}: ${step} answered ${status} with ${describeBody(response, body)}`;
    if (status >= 500) throw new ExchangeError(what, { provider, status });
    throw new ResponseValidationError(what, { provider, status, issues: ['expected a JSON object'] });
  }
  const value = body.value;
  const message = field(value, 'errormsg');
  const exchangeMessage =
    typeof message === 'string' && message !== '' ? quote(settings.redact(message)) : undefined;
  const said = exchangeMessage ? ` "${exchangeMessage}"` : '';
  if (field(value, 'Locked') === true) {
    throw new AuthenticationError(`${provider}: the account is locked${said}; no retry will help`, {
      provider,
      status,
      code: 'locked',
      exchangeCode: 'locked',
    });
  }
  if (field(value, 'Requires2FA') === true && field(value, 'Authenticated') !== true) {
    const type = field(value, 'TwoFAType');
    const pending = field(value, 'Pending2FaToken');
    return {
      twoFactor: {
        type: typeof type === 'string' ? type : undefined,
        pending: typeof pending === 'string' && pending !== '' ? pending : undefined,
      },
    } as const;
  }
  if (field(value, 'Authenticated') !== true) {
    if (status >= 500)
      throw new ExchangeError(`${provider}: ${step} failed (${status})${said}`, { provider, status });
    throw new AuthenticationError(`${provider}: the exchange refused ${step}${said}`, {
      provider,
      status,
      exchangeCode: exchangeMessage,
    });
  }
  const token = field(value, 'SessionToken');
  if (typeof token !== 'string' || token === '') {
    throw new AuthenticationError(`${provider}: ${step} said Authenticated but sent no SessionToken`, {
      provider,
      status,
    });
  }
  const user = field(value, 'User');
  const id = (name: string) => {
    const found = field(user, name);
    return typeof found === 'number' || typeof found === 'string' ? found : undefined;
  };
  return {
    session: {
      token,
      info: { userId: id('UserId') ?? settings.userId, accountId: id('AccountId'), omsId: id('OMSId') },
    },
  } as const;
}

/**
 * Logs in to an AlphaPoint exchange with an API key: the four signed headers to `AuthenticateUser` through the
 * client's own transport, then `Authenticate2FA` when the account asks for a second factor.
 */
export async function alphapointLogin(settings: LoginSettings, context: AuthContext): Promise<Session> {
  const nonce = await settings.nonces.next(settings.nonceKey, context.clock.now());
  const signature = alphapointSignature(settings.secret, nonce, settings.userId, settings.apiKey);
  settings.issued(signature);
  const first = read(
    settings,
    await context.send(
      request(
        settings,
        settings.path,
        { APIKey: settings.apiKey, Signature: signature, UserId: settings.userId, Nonce: nonce },
        undefined,
      ),
    ),
    'the login',
    context.clock.now(),
  );
  if ('session' in first) return { ...first.session, obtainedAt: context.clock.now() };

  const { provider } = settings;
  if (first.twoFactor.pending) settings.issued(first.twoFactor.pending);
  if (!settings.twoFactor) {
    throw new TwoFactorRequiredError(
      `${provider}: the account requires a second factor (${first.twoFactor.type ?? 'code'}); pass twoFactor: ({ type }) => code`,
      { provider, twoFactorType: first.twoFactor.type },
    );
  }
  const code = checkOneTimeCode(
    await settings.twoFactor({ type: first.twoFactor.type }),
    provider,
    'twoFactor',
    'twoFactor must return the current 6-digit code',
  );
  const path = settings.path.replace(/[^/]+$/, 'Authenticate2FA');
  const headers: Record<string, string> = first.twoFactor.pending
    ? { Pending2FaToken: first.twoFactor.pending }
    : {};
  const second = read(
    settings,
    await context.send(request(settings, path, headers, { Code: code })),
    'the second factor',
    context.clock.now(),
  );
  if (!('session' in second)) {
    throw new AuthenticationError(`${provider}: the exchange asked for a second factor again`, { provider });
  }
  return { ...second.session, obtainedAt: context.clock.now() };
}
