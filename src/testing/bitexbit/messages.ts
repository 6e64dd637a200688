import type { RefusalReason } from '../request-log.js';

/** Messages of refused requests. bitexbit documents only the statuses, so the wording is this sandbox's own. */
export const SANDBOX_MESSAGES = {
  missingHeaders: 'authentication headers are not valid: X-API-Key, X-Nonce and X-Signature are required',
  missingGatewayHeaders: 'authentication headers are not valid: X-Key, X-Timeout and X-Sign are required',
  unknownKey: 'authentication headers are not valid: unknown key',
  badSignature: 'authentication headers are not valid: the signature does not match',
  staleNonce:
    'authentication headers are not valid: the nonce must be greater than the last one received for this key',
  expired: 'authentication headers are not valid: X-Timeout is in the past',
  access: "no access to this operation: the key's access type does not allow it",
  ip: 'no access to this operation: this IP address is not allowed for the key',
  otherUsersOrder: 'no access to this operation: the order was created by another user',
  rateLimited: 'too many requests: at most 2 authenticated calls per second',
  publicRateLimited: 'too many requests: at most 100 public calls per second per IP address',
  notFound: 'not found',
} as const;

/** The name of one of {@link SANDBOX_MESSAGES}. */
export type SandboxMessage = keyof typeof SANDBOX_MESSAGES;

/** The {@link RefusalReason} each message stands for, in the log and `stats().refusals`. */
export const REFUSAL_OF: Readonly<Record<SandboxMessage, RefusalReason>> = {
  missingHeaders: 'missing-credentials',
  missingGatewayHeaders: 'missing-credentials',
  unknownKey: 'unknown-key',
  badSignature: 'bad-signature',
  staleNonce: 'stale-nonce',
  expired: 'expired-deadline',
  access: 'missing-permission',
  ip: 'ip-not-allowed',
  otherUsersOrder: 'unknown-id',
  rateLimited: 'rate-limit',
  publicRateLimited: 'rate-limit',
  notFound: 'unknown-route',
};
