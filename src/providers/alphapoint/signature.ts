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

/** What signing the four AlphaPoint headers needs. */
export interface AlphaPointSigner {
  readonly apiKey: string;
  readonly userId: string;
  readonly secret: KeyObject;
}

/**
 * The four headers AlphaPoint authenticates with — `APIKey`, `Signature`, `UserId`, `Nonce` — signed over the
 * given nonce. Every use takes a fresh nonce, so every use carries a fresh signature.
 */
export function alphapointHeaders(signer: AlphaPointSigner, nonce: string): Record<string, string> {
  return {
    APIKey: signer.apiKey,
    Signature: alphapointSignature(signer.secret, nonce, signer.userId, signer.apiKey),
    UserId: signer.userId,
    Nonce: nonce,
  };
}
