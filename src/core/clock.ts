/**
 * Where the library gets time and chance: the pipeline, retries, the rate limiter, sessions and nonces all
 * read this, so tests can drive time instead of waiting for it.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms` milliseconds; rejects with the signal's reason as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** A number in [0, 1), for backoff jitter. */
  random(): number;
  /**
   * Calls `callback` once, `ms` milliseconds from now, unless the returned function cancels it first. Used for
   * deadlines: unlike a `sleep`, nothing waits for it.
   */
  setTimer(ms: number, callback: () => void): () => void;
}

/** The real clock: `Date.now`, timers and `Math.random`. */
export const systemClock: Clock = Object.freeze({
  now: () => Date.now(),
  sleep: (ms: number, signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
  random: () => Math.random(),
  setTimer: (ms: number, callback: () => void) => {
    const timer = setTimeout(callback, ms);
    return () => clearTimeout(timer);
  },
});
