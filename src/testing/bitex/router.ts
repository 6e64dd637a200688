import type { ReceivedRequest, ServerAnswer } from '../http-server.js';
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
export interface PublicRoute {
  readonly method: string;
  /** The path template, such as `/api/tickers/:code`. */
  readonly template: string;
  readonly access: 'public';
  readonly run: (call: Call) => ServerAnswer;
}

/** A route that needs a key. */
export interface PrivateRoute {
  readonly method: string;
  readonly template: string;
  readonly access: Requirement;
  /** Needs the `One-Time-Password` header. */
  readonly otp?: boolean;
  readonly run: (call: PrivateCall) => ServerAnswer;
}

/** A route of the sandbox exchange. */
export type Route = PublicRoute | PrivateRoute;

/** A route found for a request, with its path parameters. */
export interface RouteMatch {
  readonly route: Route;
  readonly params: Record<string, string>;
}

function matchTemplate(template: string, path: string): Record<string, string> | undefined {
  const wanted = template.split('/');
  const got = path.split('/');
  if (wanted.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, segment] of wanted.entries()) {
    const value = got[index] ?? '';
    if (segment.startsWith(':')) {
      if (value === '') return undefined;
      params[segment.slice(1)] = decodeURIComponent(value);
    } else if (segment !== value) {
      return undefined;
    }
  }
  return params;
}

/** The route serving `method` and `path`, if any. */
export function findRoute(routes: readonly Route[], method: string, path: string): RouteMatch | undefined {
  for (const route of routes) {
    if (route.method !== method) continue;
    const params = matchTemplate(route.template, path);
    if (params) return { route, params };
  }
  return undefined;
}

/** Declares a route open to anyone. */
export function publicRoute(
  method: string,
  template: string,
  run: (call: Call) => ServerAnswer,
): PublicRoute {
  return { method, template, access: 'public', run };
}

/** Declares a route that needs a key with `access`, and with `otp` the `One-Time-Password` header. */
export function privateRoute(
  method: string,
  template: string,
  access: Requirement,
  run: (call: PrivateCall) => ServerAnswer,
  otp = false,
): PrivateRoute {
  return { method, template, access, otp, run };
}
