import type { ReceivedRequest, ServerAnswer } from '../http-server.js';
import { declareRoute, type TemplateRoute } from '../route-table.js';
import type { SandboxAccess } from './keys.js';
import type { SignatureScheme } from './signatures.js';
import type { BitexbitState } from './state.js';

/** What every route handler receives. */
export interface Call {
  readonly request: ReceivedRequest;
  /** The values of the template's `:name` segments. */
  readonly params: Readonly<Record<string, string>>;
  readonly state: BitexbitState;
  /** The parsed JSON body, `undefined` when there was none. */
  readonly json: unknown;
}

/** A route open to anyone (rate-limited per address). */
export interface PublicRoute extends TemplateRoute {
  readonly scheme: 'public';
  readonly run: (call: Call) => ServerAnswer;
}

/** A route that needs a signed call with a key of at least `requires` access. */
export interface PrivateRoute extends TemplateRoute {
  readonly scheme: SignatureScheme;
  readonly requires: SandboxAccess;
  readonly run: (call: Call) => ServerAnswer;
}

/** A route of the sandbox exchange. */
export type Route = PublicRoute | PrivateRoute;

/** Declares a `GET` route open to anyone, such as `/api/v2/public/pairs`. */
export function publicGet(template: string, run: (call: Call) => ServerAnswer): PublicRoute {
  return declareRoute('GET', template, { scheme: 'public', run } as const);
}

/** Declares a route signed with `scheme` by a key of at least `requires` access. */
export function privateRoute(
  method: string,
  template: string,
  access: { readonly scheme: SignatureScheme; readonly requires: SandboxAccess },
  run: (call: Call) => ServerAnswer,
): PrivateRoute {
  return declareRoute(method, template, { ...access, run });
}
