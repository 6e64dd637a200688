import type { Clock } from '../core/clock.js';

/**
 * At most `perSecond` requests start in any one-second window. Each caller takes the oldest slot and waits
 * until that slot's last use is one window old, so a burst up to the limit goes at once and the
 * rest follow at the documented pace, in arrival order.
 */
export class RateLimiter {
  readonly #slots: number[];
  readonly #windowMs: number;
  readonly #clock: Clock;
  #next = 0;

  constructor(perSecond: number, clock: Clock) {
    const slots = Math.max(1, Math.ceil(perSecond));
    this.#slots = new Array<number>(slots).fill(Number.NEGATIVE_INFINITY);
    this.#windowMs = (1000 * slots) / perSecond;
    this.#clock = clock;
  }

  /** Resolves when this caller may send; rejects with the signal's reason when it aborts first. */
  async acquire(signal?: AbortSignal): Promise<void> {
    const index = this.#next;
    this.#next = (index + 1) % this.#slots.length;
    const now = this.#clock.now();
    const startAt = Math.max(now, (this.#slots[index] ?? 0) + this.#windowMs);
    this.#slots[index] = startAt;
    const wait = startAt - now;
    if (wait > 0) await this.#clock.sleep(wait, signal);
  }
}
