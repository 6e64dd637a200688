/**
 * Hands out nonces that only go up, per key. The default lives in this process; a shared one (Redis) can
 * replace it so a fleet of processes keeps one sequence per key.
 */
export interface NonceSource {
  /**
   * The next nonce for `key`: greater than every nonce this source handed out for that key before.
   *
   * @param key - A stable, non-secret identifier of the credentials (a fingerprint, not the secret).
   */
  next(key: string): string | Promise<string>;
}

/** Options of {@link createNonceSource}. */
export interface NonceSourceOptions {
  /** The clock, in milliseconds. Default `Date.now`. */
  now?: () => number;
}

/**
 * Millisecond nonces, strictly increasing per key even when the clock steps back or many requests share one
 * millisecond: each nonce is `max(now, previous + 1)`.
 */
export function createNonceSource(options: NonceSourceOptions = {}): NonceSource {
  const now = options.now ?? Date.now;
  const last = new Map<string, number>();
  return {
    next(key: string): string {
      const previous = last.get(key) ?? 0;
      const nonce = Math.max(Math.floor(now()), previous + 1);
      last.set(key, nonce);
      return String(nonce);
    },
  };
}

/** The nonce source strategies use when none is given: one per process, so two clients of a key never collide. */
export const processNonceSource: NonceSource = createNonceSource();
