import {
  AuthenticationError,
  ExchangeError,
  RateLimitError,
  ResponseValidationError,
} from '../../core/errors.js';
import { quote } from '../../core/quote.js';
import type { RawResponse } from '../../core/request.js';
import { describeBody, field, readJson, retryAfterMs } from '../../toolkit/answers.js';

/** The ids a login answer names; each `undefined` when it names none. */
export interface LoginIds {
  readonly userId: number | string | undefined;
  readonly accountId: number | string | undefined;
  readonly omsId: number | string | undefined;
}

/** A login answer that asks for a second factor. */
export interface Challenge {
  /** `TwoFAType` (APEX), or `AuthType` (NDAX over HTTP), e.g. `Google`. */
  readonly type: string | undefined;
  /** `Pending2FaToken`, when the answer carries one (NDAX over HTTP). */
  readonly pending: string | undefined;
  /** Any other token-like value the challenge carried (masked like the rest; never used as a session). */
  readonly halfToken: string | undefined;
  /** The ids it named, if any. */
  readonly ids: LoginIds;
}

/** What a login answer means: a session, or a second-factor challenge. Anything else is thrown. */
type LoginAnswer =
  | { readonly session: { readonly token: string; readonly ids: LoginIds } }
  | { readonly challenge: Challenge };

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
const id = (value: unknown) => (typeof value === 'number' || typeof value === 'string' ? value : undefined);

/** The ids in `User` (`AuthenticateUser`), else at the top level (NDAX's `Authenticate2FA` names `UserId`). */
function idsOf(value: unknown): LoginIds {
  const user = field(value, 'User');
  const pick = (name: string) => id(field(user, name)) ?? id(field(value, name));
  return { userId: pick('UserId'), accountId: pick('AccountId'), omsId: pick('OMSId') };
}

/**
 * Reads a login answer (`AuthenticateUser` or `Authenticate2FA`), field names in any case.
 *
 * The login is complete only when a `SessionToken` is present and `Requires2FA` is not true. As deployed, an
 * account with a second factor answers `Authenticated: true, Requires2FA: true` with no `SessionToken`: that is
 * a challenge, not a session and not an error (ccxt ndax `signIn()`; AlphaPoint APEX `AuthenticateUser`, where
 * `authenticated` and `requires2FA` are independent fields).
 */
export function readLoginAnswer(
  provider: string,
  response: RawResponse,
  step: string,
  now: number,
  redact: (text: string) => string,
): LoginAnswer {
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
  const message = text(field(value, 'errormsg'));
  const exchangeMessage = message ? quote(redact(message)) || undefined : undefined;
  const said = exchangeMessage ? ` "${exchangeMessage}"` : '';
  if (field(value, 'Locked') === true) {
    throw new AuthenticationError(`${provider}: the account is locked${said}; no retry will help`, {
      provider,
      status,
      code: 'locked',
      exchangeCode: 'locked',
    });
  }
  const token = text(field(value, 'SessionToken'));
  if (field(value, 'Requires2FA') === true) {
    return {
      challenge: {
        type: text(field(value, 'TwoFAType')) ?? text(field(value, 'AuthType')),
        pending: text(field(value, 'Pending2FaToken')),
        halfToken: token,
        ids: idsOf(value),
      },
    };
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
  if (token === undefined) {
    throw new AuthenticationError(`${provider}: ${step} said Authenticated but sent no SessionToken`, {
      provider,
      status,
    });
  }
  return { session: { token, ids: idsOf(value) } };
}
