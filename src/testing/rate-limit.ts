/** The verdict of {@link SlidingWindowLimiter.take}. */
type LimitVerdict = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterMs: number };

/** Counts calls per caller over a sliding window. */
export interface SlidingWindowLimiter {
  /** Records a call by `caller` at `atMs` if it is within the limit; refused calls are not counted. */
  take(caller: string, atMs: number): LimitVerdict;
}

/**
 * A limiter allowing `limit` calls per caller within any `windowMs` milliseconds.
 *
 * @param limit - Calls allowed within one window.
 * @param windowMs - The window's length in milliseconds.
 */
export function slidingWindowLimiter(limit: number, windowMs: number): SlidingWindowLimiter {
  const calls = new Map<string, number[]>();
  return {
    take(caller, atMs) {
      const recent = (calls.get(caller) ?? []).filter((at) => at > atMs - windowMs && at <= atMs);
      if (recent.length >= limit) {
        calls.set(caller, recent);
        return { allowed: false, retryAfterMs: (recent[0] ?? atMs) + windowMs - atMs };
      }
      recent.push(atMs);
      calls.set(caller, recent);
      return { allowed: true };
    },
  };
}
