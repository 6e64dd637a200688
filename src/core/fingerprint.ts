import { createHash } from 'node:crypto';

/** A short, non-reversible identifier of a credential, for maps and logs that must not hold the credential. */
export function fingerprint(scheme: string, value: string): string {
  return `${scheme}:${createHash('sha256').update(value).digest('hex').slice(0, 16)}`;
}
