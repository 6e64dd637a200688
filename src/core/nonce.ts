import { keyRegistry, sequenceId } from './registry.js';

/**
 * Hands out nonces that only go up, per key. The default lives in this process; a shared one (Redis) can
 * replace it so a fleet of processes keeps one sequence per key.
 */
export interface NonceSource {
  /**
   * The next nonce for `key`: greater than every nonce this source handed out for that key before.
   *
   * @param key - A stable, non-secret identifier of the credentials (a fingerprint, not the secret).
   * @param now - The client's clock, in milliseconds: a lower bound for time-based nonces.
   */
  next(key: string, now: number): string | Promise<string>;
}

/**
 * Millisecond nonces, strictly increasing per key even when the clock steps back or many requests share one
 * millisecond: each nonce is `max(now, previous + 1)`.
 */
export function createNonceSource(): NonceSource {
  const last = new Map<string, number>();
  return {
    next(key: string, now: number): string {
      const previous = last.get(key) ?? 0;
      const nonce = Math.max(Math.floor(now), previous + 1);
      last.set(key, nonce);
      return String(nonce);
    },
  };
}

/**
 * The nonce source of every strategy given no source of its own: millisecond nonces, strictly increasing per
 * key (`max(now, previous + 1)`) across every client, provider and copy of the library in this process.
 */
export const processNonces: NonceSource = {
  next(key: string, now: number): string {
    const { nonces } = keyRegistry();
    const id = sequenceId('nonce', key);
    const nonce = Math.max(Math.floor(now), (nonces.get(id) ?? 0) + 1);
    nonces.set(id, nonce);
    return String(nonce);
  },
};

/**
 * The last nonce this process handed out for `key` (a strategy's `sequenceKey`) through {@link processNonces},
 * every client and copy of the library included; `undefined` before the first.
 */
export function lastProcessNonce(key: string): string | undefined {
  const nonce = keyRegistry().nonces.get(sequenceId('nonce', key));
  return nonce === undefined ? undefined : String(nonce);
}
