import type { ReceivedRequest, ServerAnswer } from '../http-server.js';
import { declareRoute, type TemplateRoute } from '../route-table.js';
import type { Requirement } from './auth.js';
import type { ApiKey, BitexState, BitexUser } from './state.js';

/** What every route handler receives. */
export interface Call {
  readonly request: ReceivedRequest;
  /** The values of the template's `:name` segments. */
  readonly params: Readonly<Record<string, string>>;
  readonly state: BitexState;
  /** The parsed JSON body, `undefined` when there was none. */
  readonly json: unknown;
}

/** What a private route handler receives: the key used and the user it acts as. */
export interface PrivateCall extends Call {
  readonly key: ApiKey;
  readonly actor: BitexUser;
}

/** A route open to anyone. */
export interface PublicRoute extends TemplateRoute {
  readonly access: 'public';
  readonly run: (call: Call) => ServerAnswer;
}

/** A route that needs a key. */
export interface PrivateRoute extends TemplateRoute {
  readonly access: Requirement;
  /** Needs the `One-Time-Password` header. */
  readonly otp?: boolean;
  readonly run: (call: PrivateCall) => ServerAnswer;
}

/** A route of the sandbox exchange. */
export type Route = PublicRoute | PrivateRoute;

/** Declares a route open to anyone; `template` is a path such as `/api/tickers/:code`. */
export function publicRoute(
  method: string,
  template: string,
  run: (call: Call) => ServerAnswer,
): PublicRoute {
  return declareRoute(method, template, { access: 'public', run });
}

/** Declares a route that needs a key with `access`, and with `otp` the `One-Time-Password` header. */
export function privateRoute(
  method: string,
  template: string,
  access: Requirement,
  run: (call: PrivateCall) => ServerAnswer,
  otp = false,
): PrivateRoute {
  return declareRoute(method, template, { access, otp, run });
}
