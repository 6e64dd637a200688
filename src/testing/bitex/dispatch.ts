import type { ReceivedRequest, ServerAnswer } from '../http-server.js';
import { findRoute, routeKey } from '../route-table.js';
import { verifyTotp } from '../totp.js';
import { BITEX_MESSAGES, notFound, plainError } from './answers.js';
import { authenticate, authorize } from './auth.js';
import { parseBody } from './body.js';
import type { Route } from './router.js';
import type { BitexState } from './state.js';

/** Called with `METHOD /template` each time a route's action ran and succeeded (2xx). */
type ExecutionListener = (routeKey: string) => void;

const succeeded = (answer: ServerAnswer) => answer.status >= 200 && answer.status < 300;

/**
 * Answers one `/api` request the way Bitex v2.1 does, in this order: `Version: 2.1` (400 otherwise: the
 * sandbox is strict on purpose, real Bitex silently serves an old version), public routes, then the key
 * (401 "Invalid Api Key"), the route (404), the key's flags and the master role (401 "Not enough
 * permissions"), the `One-Time-Password` of the key's owner (401), the body (400/415), and the route itself.
 */
export function dispatch(
  state: BitexState,
  routes: readonly Route[],
  request: ReceivedRequest,
  executed: ExecutionListener,
): ServerAnswer {
  if (request.headers.version !== '2.1') return plainError(400, BITEX_MESSAGES.versionRequired);
  const match = findRoute(routes, request.method, request.path);
  const route = match?.route;
  const params = match?.params ?? {};
  const run = (answer: () => ServerAnswer): ServerAnswer => {
    const result = answer();
    if (!route || !succeeded(result)) return result;
    executed(routeKey(route));
    return { ...result, executed: true };
  };
  if (route?.access === 'public') return run(() => route.run({ request, params, state, json: undefined }));

  const auth = authenticate(state, request.headers.authorization);
  if (!auth.ok) {
    const refused = plainError(401, BITEX_MESSAGES[auth.reason]);
    return request.headers.authorization ? refused : { ...refused, refusal: 'missing-credentials' };
  }
  if (!route) return notFound('unknown-route');
  const { key, actor } = auth;
  if (!authorize(key, actor, route.access)) return plainError(401, BITEX_MESSAGES.notEnoughPermissions);
  if (route.otp) {
    // The code of the key's owner: a master acting for a user it manages gives its own.
    const owner = state.users.get(key.userId);
    const code = request.headers['one-time-password'] ?? '';
    if (!owner || !verifyTotp(owner.otpSecret, code, state.now()))
      return plainError(401, BITEX_MESSAGES.invalidOtp);
  }
  const body = parseBody(request);
  if (!body.ok) return body.answer;
  return run(() => route.run({ request, params, state, json: body.json, key, actor }));
}
