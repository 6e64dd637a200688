import type { ReceivedRequest, ServerAnswer } from '../http-server.js';
import type { SandboxAccount } from './accounts.js';
import { failed } from './answers.js';
import { type AlphaPointState, dispatch, knownCall, publicCall } from './dispatch.js';
import { authenticate2fa, authenticateUser, verifySigned } from './login.js';

export type { AlphaPointState } from './dispatch.js';

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

/** The function names served besides the public and private calls and LogOut: the logins. */
const LOGIN_CALLS = new Set(['AuthenticateUser', 'Authenticate', 'Authenticate2FA']);

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
  return LOGIN_CALLS.has(name) || knownCall(name)
    ? { endpoint: name, route: `${request.method} ${request.path}` }
    : {};
}

/** Answers one request the way an AlphaPoint APEX HTTP gateway does: the logins here, every other call by dispatch. */
export function handleAlphaPoint(state: AlphaPointState, request: ReceivedRequest): ServerAnswer {
  if (!request.path.startsWith(`${state.basePath}/`))
    return failed(104, 'Resource Not Found', null, 'unknown-route');
  const name = request.path.slice(state.basePath.length + 1);
  if (name === 'AuthenticateUser' || name === 'Authenticate') return authenticateUser(request, state);
  if (name === 'Authenticate2FA') return authenticate2fa(request, state);
  const token = request.headers.aptoken;
  const signed =
    token === undefined && name !== 'LogOut' && !publicCall(name) ? signedAccount(state, request) : undefined;
  return dispatch(state, name, payloadOf(request), {
    token,
    signed,
    credential: token ?? request.headers.signature,
  });
}
