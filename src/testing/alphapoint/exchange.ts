import type { ReceivedRequest, ServerAnswer } from '../http-server.js';
import type { SandboxAccount } from './accounts.js';
import { type AnswerStyle, failed, notAuthorized, succeeded } from './answers.js';
import { type Book, NAMED_IDS, PRIVATE_CALLS, PUBLIC_CALLS } from './calls.js';
import { refuseIds } from './ids.js';
import {
  authenticate2fa,
  authenticateUser,
  type LoginCounters,
  type LoginState,
  verifySigned,
} from './login.js';

/** Everything the AlphaPoint sandbox holds. */
export interface AlphaPointState extends LoginState {
  readonly basePath: string;
  readonly accounts: Map<string, SandboxAccount>;
  readonly book: Book;
  readonly style: AnswerStyle;
  readonly counters: LoginCounters & { logouts: number; signedCalls: number };
  readonly executions: Record<string, number>;
  /** Whether a private call may carry the four signed headers instead of a session token. */
  readonly signedCalls: boolean;
}

function payloadOf(request: ReceivedRequest): Record<string, unknown> | undefined {
  if (request.method === 'GET' || request.body === '') return { ...request.query };
  try {
    const parsed: unknown = JSON.parse(request.body);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The account of a private call signed with the four headers and no session, where the exchange accepts that
 * (`signedCalls`); headers that do not verify are refused like a missing session.
 */
function signedAccount(state: AlphaPointState, request: ReceivedRequest): SandboxAccount | undefined {
  if (!state.signedCalls || request.headers.signature === undefined) return undefined;
  const signed = verifySigned(request, state.accounts);
  if ('refused' in signed) return undefined;
  state.counters.signedCalls += 1;
  return signed.account;
}

/**
 * The refusal of a call naming an OMS, account, instrument, product or user the session may not use (ids.ts), or
 * `undefined`. A request the call cannot read is left to the call, which refuses it.
 */
function refusedIds(
  name: string,
  payload: Record<string, unknown>,
  own: SandboxAccount | undefined,
): ServerAnswer | undefined {
  const rule = Object.hasOwn(NAMED_IDS, name) ? NAMED_IDS[name] : undefined;
  const named = rule && (rule.read ? rule.read(payload) : payload);
  return rule && named ? refuseIds(named, rule.ids, own) : undefined;
}

/** Errorcode 20's reason for the log: no credentials at all, or a session that is unknown, ended or idle. */
const refusalOf = (credential: string | undefined) =>
  credential === undefined ? 'missing-credentials' : 'expired-session';

/** The function names the gateway serves (besides the public and private calls). */
const SESSION_CALLS = new Set(['AuthenticateUser', 'Authenticate', 'Authenticate2FA', 'LogOut']);

/**
 * What a request names: the function (`SendOrder`) as its endpoint and `METHOD /ap/SendOrder` as its route, when
 * the gateway serves that function.
 */
export function identifyCall(
  basePath: string,
  request: { method: string; path: string },
): { endpoint?: string; route?: string } {
  if (!request.path.startsWith(`${basePath}/`)) return {};
  const name = request.path.slice(basePath.length + 1);
  const known =
    SESSION_CALLS.has(name) || Object.hasOwn(PUBLIC_CALLS, name) || Object.hasOwn(PRIVATE_CALLS, name);
  return known ? { endpoint: name, route: `${request.method} ${request.path}` } : {};
}

/** Answers one request the way an AlphaPoint APEX HTTP gateway does. */
export function handleAlphaPoint(state: AlphaPointState, request: ReceivedRequest): ServerAnswer {
  if (!request.path.startsWith(`${state.basePath}/`))
    return failed(104, 'Resource Not Found', null, 'unknown-route');
  const name = request.path.slice(state.basePath.length + 1);
  if (name === 'AuthenticateUser' || name === 'Authenticate') return authenticateUser(request, state);
  if (name === 'Authenticate2FA') return authenticate2fa(request, state);
  const publicCall = Object.hasOwn(PUBLIC_CALLS, name) ? PUBLIC_CALLS[name] : undefined;
  if (publicCall) {
    const payload = payloadOf(request);
    if (!payload) return failed(100, 'Invalid Request');
    return refusedIds(name, payload, undefined) ?? { ...publicCall(state.now()), executed: true };
  }

  const token = request.headers.aptoken;
  if (name === 'LogOut') {
    if (!state.sessions.end(token)) return notAuthorized(state.style, refusalOf(token));
    state.counters.logouts += 1;
    return { ...succeeded(), executed: true };
  }
  const call = Object.hasOwn(PRIVATE_CALLS, name) ? PRIVATE_CALLS[name] : undefined;
  const account = token === undefined ? signedAccount(state, request) : state.sessions.use(token);
  if (!account) return notAuthorized(state.style, refusalOf(token ?? request.headers.signature));
  if (!call) return failed(104, 'Resource Not Found', null, 'unknown-route');
  const payload = payloadOf(request);
  if (!payload) return failed(100, 'Invalid Request');
  const answer = refusedIds(name, payload, account) ?? call(account, payload, state.book);
  const ok = answer.status === 200 && (answer.body as { result?: unknown } | undefined)?.result !== false;
  if (!ok) return answer;
  state.executions[name] = (state.executions[name] ?? 0) + 1;
  return { ...answer, executed: true };
}
