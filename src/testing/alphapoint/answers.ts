import type { ServerAnswer } from '../http-server.js';
import type { RefusalReason } from '../request-log.js';

/** How the sandbox words its answers, and which HTTP status carries "Not Authorized". */
export interface AnswerStyle {
  /** Login answers in camelCase (as the docs print them) instead of PascalCase (as the wire carries them). */
  camelCase: boolean;
  /** HTTP status of `{"result":false,"errorcode":20}`: 200, 400 and 401 are all seen in the wild. */
  notAuthorizedStatus: 200 | 400 | 401;
}

const camel = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

function cased(value: unknown, style: AnswerStyle): unknown {
  if (!style.camelCase || value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [camel(key), cased(item, style)]));
}

/** Any answer object in the configured case (keys of nested objects too). */
export function answer(fields: Record<string, unknown>, style: AnswerStyle): ServerAnswer {
  return { status: 200, body: cased(fields, style) };
}

/** A login answer in the configured case. */
export function loginAnswer(fields: Record<string, unknown>, style: AnswerStyle): ServerAnswer {
  const body = {
    Authenticated: false,
    SessionToken: null,
    User: null,
    Locked: false,
    Requires2FA: false,
    EnforceEnable2FA: false,
    TwoFAType: null,
    TwoFAToken: null,
    errormsg: null,
    ...fields,
  };
  return { status: 200, body: cased(body, style) };
}

/**
 * `{"result":false,"errormsg":"Not Authorized","errorcode":20,"detail":null}` with the configured status; for
 * the log, `expired-session` (or `missing-credentials` when the call carried no token).
 */
export function notAuthorized(style: AnswerStyle, reason: RefusalReason = 'expired-session'): ServerAnswer {
  return {
    status: style.notAuthorizedStatus,
    body: { result: false, errormsg: 'Not Authorized', errorcode: 20, detail: null },
    refusal: reason,
  };
}

/** The {@link RefusalReason} of a login refused with `errormsg`, for the log. */
export function loginRefusal(errormsg: string): RefusalReason {
  if (errormsg === 'User api key not found') return 'unknown-key';
  if (errormsg === 'Invalid signature') return 'bad-signature';
  if (errormsg === 'User is locked') return 'account-locked';
  if (errormsg === 'Invalid two-factor code') return 'bad-one-time-password';
  return 'invalid-request';
}

/**
 * A standard AlphaPoint failure (`errorcode` 100 Invalid Request, 101 Operation Failed, 104 Not Found ...), with
 * `detail` the "message text that the system may send" (slate: usually null), and the reason for the log
 * (default: `unknown-id` for 104, `invalid-request` otherwise).
 */
export function failed(
  errorcode: number,
  errormsg: string,
  detail: string | null = null,
  reason: RefusalReason = errorcode === 104 ? 'unknown-id' : 'invalid-request',
): ServerAnswer {
  return { status: 200, body: { result: false, errormsg, errorcode, detail }, refusal: reason };
}

/** A standard success envelope. */
export function succeeded(detail: unknown = null): ServerAnswer {
  return { status: 200, body: { result: true, errormsg: null, errorcode: 0, detail } };
}
