import { catalogEntry } from '../core/catalog.js';
import type { RequestOptions } from '../core/client.js';
import type { PreparedCall } from '../core/provider.js';
import { checkEndpointInput } from '../pipeline/check-endpoint-input.js';
import type { GateContext } from '../pipeline/gate.js';
import { checkPrepared } from '../pipeline/prepare.js';

/**
 * {@link ExtensionContext.prepare}: the client's preparation step without sending, for a provider's own channel
 * (a WebSocket gateway). A named catalog entry is checked as `call()` checks it, and not looked up again by its
 * path.
 */
export function prepareForChannel(
  gate: GateContext,
  input: Pick<RequestOptions, 'method' | 'path' | 'body' | 'permission'>,
  name: string | undefined,
): PreparedCall {
  const { provider } = gate;
  const endpoint = name !== undefined ? catalogEntry(provider.catalog, name) : undefined;
  if (endpoint && name !== undefined) checkEndpointInput(provider.name, name, endpoint, { body: input.body });
  const given = endpoint && name !== undefined ? { name, endpoint } : undefined;
  const { match, permission } = checkPrepared(gate, input, given);
  return {
    endpoint: match?.name,
    permission,
    idempotent: match?.endpoint.idempotent ?? (input.method === 'GET' || input.method === 'HEAD'),
    response: match?.endpoint.response,
  };
}
