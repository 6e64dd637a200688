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

/**
 * The account whose four headers (`APIKey`, `Signature`, `UserId`, `Nonce`) verify: HMAC-SHA256(secret,
 * Nonce + UserId + APIKey) recomputed with the secret the sandbox holds, so a wrong order, separator or
 * encoding is refused. Otherwise the `errormsg` the exchange refuses with.
 */
export function verifySigned(
  request: ReceivedRequest,
  accounts: ReadonlyMap<string, SandboxAccount>,
): { account: SandboxAccount } | { refused: string } {
  const { apikey, signature, userid, nonce } = request.headers;
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

/** `AuthenticateUser`: a session, a second-factor challenge, or a refusal. */
export function authenticateUser(request: ReceivedRequest, state: LoginState): ServerAnswer {
  state.counters.attempts += 1;
  const signed = verifySigned(request, state.accounts);
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
  if (account.totpSecret !== undefined) return challenge(account, state);
  state.counters.logins += 1;
  return { ...sessionAnswer(account, state.sessions.issue(account), state.style), executed: true };
}

function codeOf(request: ReceivedRequest): string | undefined {
  if (request.method === 'GET') return request.query.Code;
  try {
    const code = (JSON.parse(request.body) as { Code?: unknown } | null)?.Code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

const refuse2fa = (errormsg: string, style: AnswerStyle): ServerAnswer => ({
  ...answer({ Authenticated: false, SessionToken: null, errormsg }, style),
  refusal: loginRefusal(errormsg),
});

/**
 * `Authenticate2FA`, as this exchange takes it ({@link TwoFactorStyle}). A code is accepted only for a login
 * that is waiting for it: no pending token, an unknown one, signed headers that do not verify, an account with
 * no login waiting, or a login already completed (or already tried) is refused. Each attempt uses up the
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
  if (!account?.totpSecret) return refuse2fa('No pending two-factor login', style);
  const code = codeOf(request);
  if (!code || !verifyTotp(account.totpSecret, code, state.now())) {
    return refuse2fa('Invalid two-factor code', style);
  }
  state.counters.logins += 1;
  const token = sessions.issue(account);
  // Kiiex documents `{Authenticated, SessionToken}`; ccxt quotes NDAX's answer with the user id between them.
  const issued =
    step.send === 'pending-token'
      ? answer({ Authenticated: true, UserId: Number(account.userId), SessionToken: token }, style)
      : answer({ Authenticated: true, SessionToken: token }, style);
  return { ...issued, executed: true };
}
