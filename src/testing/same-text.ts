import { timingSafeEqual } from 'node:crypto';

/** Whether two signatures or secrets are equal, compared in constant time as an exchange would. */
export function sameText(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
