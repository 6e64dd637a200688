import { createHmac } from 'node:crypto';
import type { ReceivedRequest, ServerAnswer } from '../http-server.js';
import { sameText } from '../same-text.js';
import { verifyTotp } from '../totp.js';
import type { SandboxAccount } from './accounts.js';
import { type AnswerStyle, loginAnswer } from './answers.js';
import type { SessionTable } from './sessions.js';

/** Counters the login routes keep. */
export interface LoginCounters {
  /** Login requests received (with or without a valid signature). */
  attempts: number;
  /** Sessions issued. */
  logins: number;
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
 * `AuthenticateUser`: checks the four headers by recomputing HMAC-SHA256(secret, Nonce + UserId + APIKey) with
 * the secret the sandbox holds, so a wrong order, separator or encoding is refused.
 */
export function authenticateUser(
  request: ReceivedRequest,
  accounts: ReadonlyMap<string, SandboxAccount>,
  sessions: SessionTable,
  counters: LoginCounters,
  style: AnswerStyle,
): ServerAnswer {
  counters.attempts += 1;
  const { apikey, signature, userid, nonce } = request.headers;
  const account = apikey ? accounts.get(apikey) : undefined;
  if (!account) return loginAnswer({ errormsg: 'User api key not found' }, style);
  const expected = createHmac('sha256', account.apiSecret)
    .update(`${nonce ?? ''}${userid ?? ''}${apikey}`)
    .digest('hex');
  if (!nonce || userid !== account.userId || !signature || !sameText(signature, expected)) {
    return loginAnswer({ errormsg: 'Invalid signature' }, style);
  }
  if (account.locked) return loginAnswer({ Locked: true, errormsg: 'User is locked' }, style);
  if (account.totpSecret !== undefined) {
    return loginAnswer(
      { Requires2FA: true, TwoFAType: 'Google', Pending2FaToken: sessions.pending2fa(account) },
      style,
    );
  }
  counters.logins += 1;
  return sessionAnswer(account, sessions.issue(account), style);
}

/** `Authenticate2FA`: the pending login's TOTP code, from the body (`{"Code": …}`) or the query. */
export function authenticate2fa(
  request: ReceivedRequest,
  sessions: SessionTable,
  counters: LoginCounters,
  style: AnswerStyle,
  now: number,
): ServerAnswer {
  let code = request.query.Code;
  if (code === undefined && request.body) {
    try {
      code = String((JSON.parse(request.body) as { Code?: unknown }).Code ?? '');
    } catch {
      code = undefined;
    }
  }
  const account = sessions.takePending(request.headers.pending2fatoken);
  if (!account?.totpSecret) return loginAnswer({ errormsg: 'No pending two-factor login' }, style);
  if (!code || !verifyTotp(account.totpSecret, code, now)) {
    return loginAnswer({ errormsg: 'Invalid two-factor code' }, style);
  }
  counters.logins += 1;
  return sessionAnswer(account, sessions.issue(account), style);
}
