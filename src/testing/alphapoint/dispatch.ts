import type { ServerAnswer } from '../http-server.js';
import { publishExecuted } from './account-events.js';
import type { SandboxAccount } from './accounts.js';
import { type AnswerStyle, failed, notAuthorized, succeeded } from './answers.js';
import { type Book, NAMED_IDS, PRIVATE_CALLS, PUBLIC_CALLS } from './calls.js';
import type { EventHub } from './events.js';
import { refuseIds } from './ids.js';
import type { LoginCounters, LoginState } from './login.js';
import type { Market } from './views.js';

/** Everything the AlphaPoint sandbox holds, whichever channel (HTTP or WebSocket) a call comes on. */
export interface AlphaPointState extends LoginState {
  readonly basePath: string;
  readonly accounts: Map<string, SandboxAccount>;
  readonly book: Book;
  readonly style: AnswerStyle;
  readonly counters: LoginCounters & { logouts: number; signedCalls: number };
  readonly executions: Record<string, number>;
  /** Whether a private call may carry the four signed headers instead of a session token. */
  readonly signedCalls: boolean;
  /** What happened, for the WebSocket gateway's subscribers. */
  readonly events: EventHub;
  /** BTCUSD's Level1 as it stands. */
  readonly market: Market;
}

/** Who makes a call: the session token it carries, or (HTTP only) the account its signed headers proved. */
export interface Caller {
  readonly token: string | undefined;
  readonly signed?: SandboxAccount | undefined;
  /** What the request carried to prove who it is (a token, a signature), for the refusal's reason. */
  readonly credential?: string | undefined;
}

/** Errorcode 20's reason for the log: no credentials at all, or a session that is unknown, ended or idle. */
const refusalOf = (caller: Caller) =>
  (caller.credential ?? caller.token) === undefined ? 'missing-credentials' : 'expired-session';

const has = (table: object, name: string) => Object.hasOwn(table, name);

/** Whether a call needs no session. */
export const publicCall = (name: string): boolean => has(PUBLIC_CALLS, name);

/** Whether the exchange has a call of this name, login calls aside. */
export const knownCall = (name: string): boolean =>
  name === 'LogOut' || has(PUBLIC_CALLS, name) || has(PRIVATE_CALLS, name);

/**
 * The refusal of a call naming an OMS, account, instrument, product or user the session may not use (ids.ts), or
 * `undefined`. A request the call cannot read is left to the call, which refuses it.
 */
export function refusedIds(
  name: string,
  payload: Record<string, unknown>,
  own: SandboxAccount | undefined,
): ServerAnswer | undefined {
  const rule = has(NAMED_IDS, name) ? NAMED_IDS[name] : undefined;
  const named = rule && (rule.read ? rule.read(payload) : payload);
  return rule && named ? refuseIds(named, rule.ids, own) : undefined;
}

/**
 * Executes one call, the one place that does, for HTTP and the WebSocket alike: public calls, `LogOut`, and the
 * private calls behind a live session, with the same checks of the ids a request names. A call that succeeds is
 * counted in `executions` and tells its account's subscribers (account-events.ts).
 *
 * @param payload - The request object, or `undefined` when it could not be read (errorcode 100).
 */
export function dispatch(
  state: AlphaPointState,
  name: string,
  payload: Record<string, unknown> | undefined,
  caller: Caller,
): ServerAnswer {
  const open = has(PUBLIC_CALLS, name) ? PUBLIC_CALLS[name] : undefined;
  if (open) {
    if (!payload) return failed(100, 'Invalid Request');
    return (
      refusedIds(name, payload, undefined) ?? {
        ...open({ now: state.now(), market: state.market }),
        executed: true,
      }
    );
  }
  if (name === 'LogOut') {
    if (!state.sessions.end(caller.token)) return notAuthorized(state.style, refusalOf(caller));
    state.counters.logouts += 1;
    return { ...succeeded(), executed: true };
  }
  const call = has(PRIVATE_CALLS, name) ? PRIVATE_CALLS[name] : undefined;
  const account = caller.signed ?? state.sessions.use(caller.token);
  if (!account) return notAuthorized(state.style, refusalOf(caller));
  if (!call) return failed(104, 'Resource Not Found', null, 'unknown-route');
  if (!payload) return failed(100, 'Invalid Request');
  const answer = refusedIds(name, payload, account) ?? call(account, payload, state.book);
  const ok = answer.status === 200 && (answer.body as { result?: unknown } | undefined)?.result !== false;
  if (!ok) return answer;
  state.executions[name] = (state.executions[name] ?? 0) + 1;
  publishExecuted(state, name, account, payload, answer);
  return { ...answer, executed: true };
}
