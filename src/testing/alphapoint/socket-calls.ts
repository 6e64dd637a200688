import type { ServerAnswer } from '../http-server.js';
import type { SandboxAccount } from './accounts.js';
import { answer, failed, loginAnswer, notAuthorized, succeeded } from './answers.js';
import { type AlphaPointState, dispatch, refusedIds } from './dispatch.js';
import { accountTopic, level1Topic } from './events.js';
import { fieldOf } from './ids.js';
import { logIn, secondFactor } from './login.js';
import { level1 } from './views.js';

/** What the calls of one socket read and change of it. */
export interface SocketSession {
  /** The session token the socket is logged in with. */
  token: string | undefined;
  /** The login of this socket waiting for its second factor. */
  pending2fa: string | undefined;
  /** Ties the socket to a session (a login, or a token given back). */
  bind(account: SandboxAccount, token: string): void;
  /** Forgets the session (LogOut), and the account subscriptions with it. */
  unbind(): void;
  /** Starts sending a topic's events; false when the socket already has it. `account` events stop with the session. */
  subscribe(topic: string, kind: 'account' | 'market'): boolean;
  /** Stops sending a topic's events. */
  unsubscribe(topic: string): void;
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** `AuthenticateUser {APIKey, Signature, UserId, Nonce}`: the one login (login.ts), with UserId and Nonce strings. */
function authenticateUser(state: AlphaPointState, socket: SocketSession, payload: Record<string, unknown>) {
  const userid = fieldOf(payload, 'UserId');
  const nonce = fieldOf(payload, 'Nonce');
  if (typeof userid !== 'string' || typeof nonce !== 'string') {
    // APEX 3.3 made both strings (slate revision notes); the sandbox holds clients to it.
    state.counters.attempts += 1;
    return loginAnswer({ errormsg: 'Invalid Request: UserId and Nonce are strings' }, state.style);
  }
  const fields = {
    apikey: text(fieldOf(payload, 'APIKey')),
    signature: text(fieldOf(payload, 'Signature')),
    userid,
    nonce,
  };
  const challenge = (account: SandboxAccount) => {
    socket.pending2fa = state.sessions.pending2fa(account);
    return loginAnswer({ Authenticated: true, Requires2FA: true, TwoFAType: 'Google' }, state.style);
  };
  return logIn(fields, state, challenge, (account, token) => socket.bind(account, token));
}

/**
 * `WebAuthenticateUser {SessionToken}`: the socket takes a session issued on either channel (no new login);
 * `{UserName, Password}` is refused, as the sandbox keeps no passwords.
 */
function webAuthenticateUser(
  state: AlphaPointState,
  socket: SocketSession,
  payload: Record<string, unknown>,
) {
  const token = text(fieldOf(payload, 'SessionToken'));
  if (token === undefined) {
    state.counters.attempts += 1;
    return loginAnswer({ errormsg: 'Invalid username or password' }, state.style);
  }
  const account = state.sessions.use(token);
  if (!account) {
    return answer(
      { Authenticated: false, SessionToken: null, errormsg: 'Invalid session token' },
      state.style,
    );
  }
  socket.bind(account, token);
  // kip260384/alphapoint_client_php IronxRepository.php: `{"Authenticated":true,"SessionToken":"…","UserId":10}`.
  return answer({ Authenticated: true, SessionToken: token, UserId: Number(account.userId) }, state.style);
}

/** `Authenticate2FA {Code}` for the login this socket has waiting. */
function authenticate2fa(state: AlphaPointState, socket: SocketSession, payload: Record<string, unknown>) {
  const account = state.sessions.takePending(socket.pending2fa);
  socket.pending2fa = undefined;
  const done = secondFactor(account, text(fieldOf(payload, 'Code')), state);
  if ('refused' in done) return done.refused;
  socket.bind(done.account, done.token);
  return answer({ Authenticated: true, SessionToken: done.token }, state.style);
}

/** `SubscribeAccountEvents {AccountId, OMSId}`: the session user's own account only, as every call that names one. */
function subscribeAccountEvents(
  state: AlphaPointState,
  socket: SocketSession,
  payload: Record<string, unknown>,
) {
  const account = state.sessions.use(socket.token);
  if (!account) return notAuthorized(state.style);
  const refused = refusedIds('SubscribeAccountEvents', payload, account);
  if (refused) return refused;
  // 909 "Already Subscribed." as Bitazza answered a second SubscribeLevel2 (no source shows it for accounts).
  if (!socket.subscribe(accountTopic(account.accountId), 'account'))
    return failed(909, 'Already Subscribed.');
  return answer({ Subscribe: true }, state.style);
}

function unsubscribeAccountEvents(
  state: AlphaPointState,
  socket: SocketSession,
  payload: Record<string, unknown>,
) {
  const account = state.sessions.use(socket.token);
  if (!account) return notAuthorized(state.style);
  const refused = refusedIds('SubscribeAccountEvents', payload, account);
  if (refused) return refused;
  socket.unsubscribe(accountTopic(account.accountId));
  return succeeded();
}

/** The instrument a Level1 request names, by `InstrumentId` or by `Symbol` (slate: either). */
function instrumentRequest(payload: Record<string, unknown>): Record<string, unknown> {
  return fieldOf(payload, 'InstrumentId') === undefined && fieldOf(payload, 'Symbol') === 'BTCUSD'
    ? { ...payload, InstrumentId: 1 }
    : payload;
}

/** `SubscribeLevel1 {OMSId, InstrumentId | Symbol}`: the reply is the Level1 snapshot, then Level1UpdateEvent. */
function subscribeLevel1(state: AlphaPointState, socket: SocketSession, payload: Record<string, unknown>) {
  const request = instrumentRequest(payload);
  const refused = refusedIds('GetLevel1', request, undefined);
  if (refused) return refused;
  if (!socket.subscribe(level1Topic(1), 'market')) return failed(909, 'Already Subscribed.');
  return { status: 200, body: level1(state.now(), state.market) };
}

function unsubscribeLevel1(_state: AlphaPointState, socket: SocketSession, payload: Record<string, unknown>) {
  const refused = refusedIds('GetLevel1', instrumentRequest(payload), undefined);
  if (refused) return refused;
  socket.unsubscribe(level1Topic(1));
  return succeeded();
}

/** `LogOut {}`: ends the session (shared with HTTP) by the one dispatch, and the socket's account subscriptions. */
function logOut(state: AlphaPointState, socket: SocketSession, payload: Record<string, unknown>) {
  const answered = dispatch(state, 'LogOut', payload, { token: socket.token });
  if ((answered.body as { result?: unknown }).result === true) socket.unbind();
  return answered;
}

type SocketCall = (
  state: AlphaPointState,
  socket: SocketSession,
  payload: Record<string, unknown>,
) => ServerAnswer;

/** The calls that belong to the socket itself: its logins, LogOut and its subscriptions. */
export const SOCKET_CALLS: Readonly<Record<string, SocketCall>> = {
  AuthenticateUser: authenticateUser,
  WebAuthenticateUser: webAuthenticateUser,
  Authenticate2FA: authenticate2fa,
  LogOut: logOut,
  SubscribeAccountEvents: subscribeAccountEvents,
  UnsubscribeAccountEvents: unsubscribeAccountEvents,
  SubscribeLevel1: subscribeLevel1,
  UnsubscribeLevel1: unsubscribeLevel1,
};
