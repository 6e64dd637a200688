import { createHmac, type KeyObject } from 'node:crypto';

/**
 * The AlphaPoint API-key signature: lowercase hex HMAC-SHA256 with the API secret as key over
 * `nonce + userId + apiKey`, concatenated with no separator. `userId` is signed exactly as given (`001` stays
 * `001`).
 */
export function alphapointSignature(
  secret: string | KeyObject,
  nonce: string,
  userId: string,
  apiKey: string,
): string {
  return createHmac('sha256', secret).update(`${nonce}${userId}${apiKey}`, 'utf8').digest('hex');
}
