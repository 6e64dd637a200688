import { findEndpoint } from '../core/catalog.js';
import type { RequestOptions } from '../core/client.js';
import type { RequiredPermission } from '../core/permissions.js';
import { buildRequest, type PreparedRequest, splitPath } from '../core/request.js';
import { checkMatchedInput } from './check-endpoint-input.js';
import type { EndpointMatch } from './context.js';
import { checkPermission, type GateContext, requiredPermission } from './gate.js';

/** A request made ready to sign: its catalog entry, the permission it needs, and the request itself. */
interface Prepared {
  readonly match: EndpointMatch | undefined;
  readonly permission: RequiredPermission;
  readonly base: PreparedRequest;
}

/**
 * The checks of the preparation step, without building the request: match the catalog, pass the permission gate,
 * and check a catalogued route's body and query as `call` does (unless `unchecked`). A provider's own channel (a
 * WebSocket gateway) runs these and sends in its own form. `given` is the entry the caller already matched and
 * checked.
 */
export function checkPrepared(
  gate: GateContext,
  options: RequestOptions,
  given: EndpointMatch | undefined,
): { readonly match: EndpointMatch | undefined; readonly permission: RequiredPermission } {
  const { provider } = gate;
  const { pathname } = splitPath(options.path, provider.name);
  const match = given ?? findEndpoint(provider.catalog, options.method, pathname);
  const permission = requiredPermission(gate, options, match, pathname);
  checkPermission(gate, permission, match, options, pathname);
  if (!given && !options.unchecked) checkMatchedInput(provider.name, match, options);
  return { match, permission };
}

/**
 * The one preparation step of every door (`call`, `request`, `authorize`): match the catalog, pass the permission
 * gate, check a catalogued route's body and query as `call` does (unless `unchecked`), and build the request.
 * `given` is the entry `call` already matched and checked.
 */
export function prepareRequest(
  gate: GateContext,
  options: RequestOptions,
  given: EndpointMatch | undefined,
): Prepared {
  const { provider } = gate;
  const { match, permission } = checkPrepared(gate, options, given);
  const base = buildRequest({
    provider: provider.name,
    baseURL: provider.baseURL,
    method: options.method,
    path: options.path,
    query: options.query,
    body: options.body,
    permission,
    headers: options.headers ? Object.assign({}, provider.headers, options.headers) : provider.headers,
    contentType: provider.contentType,
  });
  return { match, permission, base };
}
