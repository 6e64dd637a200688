import { createHash } from 'node:crypto';

/**
 * A short, non-reversible identifier of a credential, for maps and logs that must not hold the credential. One
 * flat string (`join`, not `+` and `slice`, which keep the pieces and the whole digest): every client holds some.
 */
export function fingerprint(scheme: string, value: string): string {
  return [scheme, createHash('sha256').update(value).digest().toString('hex', 0, 8)].join(':');
}
