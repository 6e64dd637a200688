import type { ReceivedRequest, ServerAnswer } from '../http-server.js';
import { findRoute, routeKey } from '../route-table.js';
import { notFound } from './answers.js';
import { authorize } from './auth.js';
import { parseBody } from './body.js';
import type { RateLimits } from './rate-limits.js';
import type { Route } from './router.js';
import { publicRoutes } from './routes/public.js';
import { tradingRoutes } from './routes/trading.js';
import { withdrawalRoutes } from './routes/withdrawals.js';
import type { BitexbitState } from './state.js';

/** Every route of the sandbox exchange. */
export const ROUTES: readonly Route[] = [...publicRoutes, ...tradingRoutes, ...withdrawalRoutes];

/** What {@link dispatch} answers with. */
interface DispatchContext {
  /** The prefix the API is mounted under (`/prefix`, no trailing slash), or `''`. */
  readonly basePath: string;
  readonly state: BitexbitState;
  readonly limits: RateLimits;
  /** Called with `METHOD /template` each time a route's handler is about to run. */
  readonly executed: (routeKey: string) => void;
}

/**
 * Answers one request, in this order: a path outside the base path or no route is 404, then the public rate
 * limit or a private call's checks ({@link authorize}), then the body (400 when it is not JSON), then the route.
 */
export function dispatch(context: DispatchContext, request: ReceivedRequest): ServerAnswer {
  const { basePath, state, limits } = context;
  if (basePath && !request.path.startsWith(`${basePath}/`)) return notFound();
  const match = findRoute(ROUTES, request.method, request.path.slice(basePath.length));
  if (!match) return notFound();
  const { route, params } = match;
  const refusal =
    route.scheme === 'public' ? limits.publicCall(request) : authorize(state, limits, route, request);
  if (refusal) return refusal;
  const body = parseBody(request);
  if (!body.ok) return body.answer;
  context.executed(routeKey(route));
  const result = route.run({ request, params, state, json: body.json });
  return result.status >= 200 && result.status < 300 ? { ...result, executed: true } : result;
}
