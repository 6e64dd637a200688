import { createHmac } from 'node:crypto';
import type { ReceivedRequest, ServerAnswer } from '../http-server.js';
import { sameText } from '../same-text.js';
import { verifyTotp } from '../totp.js';
import type { SandboxAccount } from './accounts.js';
import { type AnswerStyle, answer, loginAnswer, loginRefusal } from './answers.js';
import type { SessionTable } from './sessions.js';

/** Counters the login routes keep. */
export interface LoginCounters {
  /** Login requests received (with or without a valid signature). */
  attempts: number;
  /** Sessions issued. */
  logins: number;
}

/**
 * How this exchange takes the second factor. `signed-headers` (Kiiex, the default): `POST Authenticate2FA`
 * with `{"Code": …}` and the four headers signed anew, for an account whose login is waiting. `pending-token`
 * (NDAX over HTTP): `GET Authenticate2FA?Code=…` with the header `Pending2FaToken` the challenge gave.
 */
interface TwoFactorStyle {
  readonly method: 'GET' | 'POST';
  readonly send: 'pending-token' | 'signed-headers';
}

/** What the login routes read and change. */
export interface LoginState {
  readonly accounts: ReadonlyMap<string, SandboxAccount>;
  readonly sessions: SessionTable;
  readonly counters: LoginCounters;
  /** Logins still to refuse (the sandbox's `refuseNextLogins`), whatever their signature. */
  readonly refusals: { count: number; errormsg: string };
  readonly style: AnswerStyle;
  readonly twoFactorStep: TwoFactorStyle;
  readonly now: () => number;
}

function sessionAnswer(account: SandboxAccount, token: string, style: AnswerStyle): ServerAnswer {
  return loginAnswer(
    {
      Authenticated: true,
      SessionToken: token,
      User: {
        UserId: Number(account.userId),
        UserName: `user${account.userId}`,
        Email: `user${account.userId}@sandbox.test`,
        EmailVerified: true,
        AccountId: account.accountId,
        OMSId: account.omsId,
        Use2FA: account.totpSecret !== undefined,
      },
      Requires2FA: false,
    },
    style,
  );
}

/** The four login fields, from HTTP headers (names in lower case) or a WebSocket `AuthenticateUser` payload. */
export interface SignedFields {
  readonly apikey?: string | undefined;
  readonly signature?: string | undefined;
  readonly userid?: string | undefined;
  readonly nonce?: string | undefined;
}

/**
 * The account whose four fields (`APIKey`, `Signature`, `UserId`, `Nonce`) verify: HMAC-SHA256(secret,
 * Nonce + UserId + APIKey) recomputed with the secret the sandbox holds, so a wrong order, separator or
 * encoding is refused. Otherwise the `errormsg` the exchange refuses with.
 */
export function verifySignature(
  fields: SignedFields,
  accounts: ReadonlyMap<string, SandboxAccount>,
): { account: SandboxAccount } | { refused: string } {
  const { apikey, signature, userid, nonce } = fields;
  const account = apikey ? accounts.get(apikey) : undefined;
  if (!account) return { refused: 'User api key not found' };
  const expected = createHmac('sha256', account.apiSecret)
    .update(`${nonce ?? ''}${userid ?? ''}${apikey}`)
    .digest('hex');
  if (!nonce || userid !== account.userId || !signature || !sameText(signature, expected)) {
    return { refused: 'Invalid signature' };
  }
  return { account };
}

/** {@link verifySignature} of the four headers of an HTTP request. */
export const verifySigned = (request: ReceivedRequest, accounts: ReadonlyMap<string, SandboxAccount>) =>
  verifySignature(request.headers, accounts);

/** The second-factor challenge, as each deployment words it. */
function challenge(account: SandboxAccount, state: LoginState): ServerAnswer {
  if (state.twoFactorStep.send === 'pending-token') {
    // NDAX over HTTP, as ccxt `ndax` `signIn()` quotes it.
    const token = state.sessions.pending2fa(account);
    return answer(
      { Authenticated: true, Requires2FA: true, AuthType: 'Google', AddtlInfo: '', Pending2FaToken: token },
      state.style,
    );
  }
  state.sessions.pending2fa(account);
  return loginAnswer({ Authenticated: true, Requires2FA: true, TwoFAType: 'Google' }, state.style);
}

/**
 * The one login of the exchange, over HTTP or the WebSocket: a session, a second-factor challenge (worded by
 * `challenge`, which the channel gives), or a refusal. Counts the attempt, and the login when a session is issued.
 */
export function logIn(
  fields: SignedFields,
  state: LoginState,
  challenge: (account: SandboxAccount) => ServerAnswer,
  issued: (account: SandboxAccount, token: string) => void = () => {},
): ServerAnswer {
  state.counters.attempts += 1;
  if (state.refusals.count > 0) {
    state.refusals.count -= 1;
    const { errormsg } = state.refusals;
    return { ...loginAnswer({ errormsg }, state.style), refusal: loginRefusal(errormsg) };
  }
  const signed = verifySignature(fields, state.accounts);
  if ('refused' in signed) {
    return {
      ...loginAnswer({ errormsg: signed.refused }, state.style),
      refusal: loginRefusal(signed.refused),
    };
  }
  const { account } = signed;
  if (account.locked) {
    return {
      ...loginAnswer({ Locked: true, errormsg: 'User is locked' }, state.style),
      refusal: 'account-locked',
    };
  }
  if (account.totpSecret !== undefined) return challenge(account);
  state.counters.logins += 1;
  const token = state.sessions.issue(account);
  issued(account, token);
  return { ...sessionAnswer(account, token, state.style), executed: true };
}

/** `AuthenticateUser` over HTTP: the four headers. */
export const authenticateUser = (request: ReceivedRequest, state: LoginState): ServerAnswer =>
  logIn(request.headers, state, (account) => challenge(account, state));

function codeOf(request: ReceivedRequest): string | undefined {
  if (request.method === 'GET') return request.query.Code;
  try {
    const code = (JSON.parse(request.body) as { Code?: unknown } | null)?.Code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

/** A refused second step, as Kiiex documents it. */
export const refuse2fa = (errormsg: string, style: AnswerStyle): ServerAnswer => ({
  ...answer({ Authenticated: false, SessionToken: null, errormsg }, style),
  refusal: loginRefusal(errormsg),
});

/**
 * The second step of a login that waits for its code: the session token issued, or the refusal. `account` is the
 * login found waiting (already used up), or undefined when none was. Counts the login when a session is issued.
 */
export function secondFactor(
  account: SandboxAccount | undefined,
  code: string | undefined,
  state: LoginState,
): { token: string; account: SandboxAccount } | { refused: ServerAnswer } {
  if (!account?.totpSecret) return { refused: refuse2fa('No pending two-factor login', state.style) };
  if (!code || !verifyTotp(account.totpSecret, code, state.now())) {
    return { refused: refuse2fa('Invalid two-factor code', state.style) };
  }
  state.counters.logins += 1;
  return { token: state.sessions.issue(account), account };
}

/**
 * `Authenticate2FA` over HTTP, as this exchange takes it ({@link TwoFactorStyle}). A code is accepted only for a
 * login that is waiting for it: no pending token, an unknown one, signed headers that do not verify, an account
 * with no login waiting, or a login already completed (or already tried) is refused. Each attempt uses up the
 * waiting login, right code or wrong.
 */
export function authenticate2fa(request: ReceivedRequest, state: LoginState): ServerAnswer {
  const { style, twoFactorStep: step, sessions } = state;
  if (request.method !== step.method) {
    return refuse2fa(`Authenticate2FA takes ${step.method} on this exchange`, style);
  }
  let account: SandboxAccount | undefined;
  if (step.send === 'pending-token') {
    account = sessions.takePending(request.headers.pending2fatoken);
  } else {
    const signed = verifySigned(request, state.accounts);
    if ('refused' in signed) return refuse2fa(signed.refused, style);
    account = sessions.takePendingOf(signed.account) ? signed.account : undefined;
  }
  const done = secondFactor(account, codeOf(request), state);
  if ('refused' in done) return done.refused;
  // Kiiex documents `{Authenticated, SessionToken}`; ccxt quotes NDAX's answer with the user id between them.
  const issued =
    step.send === 'pending-token'
      ? answer({ Authenticated: true, UserId: Number(done.account.userId), SessionToken: done.token }, style)
      : answer({ Authenticated: true, SessionToken: done.token }, style);
  return { ...issued, executed: true };
}
