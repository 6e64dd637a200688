/** How long to wait between reconnection attempts. */
export interface ReconnectPolicy {
  /** The wait before the second attempt, in milliseconds; it doubles with each failure. */
  readonly initialDelayMs: number;
  /** The longest wait. */
  readonly maxDelayMs: number;
}

/**
 * The wait before reconnection attempt `failures + 1`: exponential from `initialDelayMs`, capped at
 * `maxDelayMs`, with "equal jitter" (half fixed, half random), so a fleet that lost the gateway at once does not
 * come back at once, and no wait is shorter than half its step.
 */
export function reconnectDelay(failures: number, policy: ReconnectPolicy, random: number): number {
  const step = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.max(0, failures - 1));
  return Math.round(step / 2 + (step / 2) * random);
}
