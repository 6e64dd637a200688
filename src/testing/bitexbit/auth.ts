import type { ReceivedRequest, ServerAnswer } from '../http-server.js';
import { refusedWith } from './answers.js';
import { allows, fromAllowedAddress } from './keys.js';
import type { RateLimits } from './rate-limits.js';
import type { PrivateRoute } from './router.js';
import { checkSignature } from './signatures.js';
import type { BitexbitState } from './state.js';

/**
 * The checks of a private call, in order: the signature and its nonce or deadline ({@link checkSignature},
 * 401), the key's rate limit (429), the key's IP list and its access type (403). `undefined` when it passes.
 */
export function authorize(
  state: BitexbitState,
  limits: RateLimits,
  route: PrivateRoute,
  request: ReceivedRequest,
): ServerAnswer | undefined {
  const signed = checkSignature(route.scheme, state.keys, request, state.now);
  if (!signed.ok) return signed.answer;
  const limited = limits.privateCall(signed.accessKey, request.at);
  if (limited) return limited;
  if (!fromAllowedAddress(signed.key, request.remoteAddress)) return refusedWith(403, 'ip');
  if (!allows(signed.key.access, route.requires)) return refusedWith(403, 'access');
  return undefined;
}
