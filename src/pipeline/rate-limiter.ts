import type { Clock } from '../core/clock.js';
import { type Idle, type KeyRateLimit, keyRegistry, sharedWhileBusy } from '../core/registry.js';

export type { KeyRateLimit } from '../core/registry.js';

/**
 * At most `perSecond` requests start in any one-second window. Each caller takes the oldest slot and waits
 * until that slot's last use is one window old, so a burst up to the limit goes at once and the
 * rest follow at the documented pace, in arrival order.
 */
class SlotWindow implements KeyRateLimit, Idle {
  readonly #slots: number[];
  readonly #windowMs: number;
  readonly #clock: Clock;
  #next = 0;
  #waiting = 0;
  /** When the latest start leaves the window: from then on, every slot is free. */
  #freeAt = Number.NEGATIVE_INFINITY;

  constructor(perSecond: number, clock: Clock) {
    const slots = Math.max(1, Math.ceil(perSecond));
    this.#slots = new Array<number>(slots).fill(Number.NEGATIVE_INFINITY);
    this.#windowMs = (1000 * slots) / perSecond;
    this.#clock = clock;
  }

  async acquire(signal?: AbortSignal): Promise<undefined> {
    const index = this.#next;
    this.#next = (index + 1) % this.#slots.length;
    const now = this.#clock.now();
    const startAt = Math.max(now, (this.#slots[index] ?? 0) + this.#windowMs);
    this.#slots[index] = startAt;
    this.#freeAt = Math.max(this.#freeAt, startAt + this.#windowMs);
    const wait = startAt - now;
    if (wait <= 0) return;
    this.#waiting += 1;
    try {
      await this.#clock.sleep(wait, signal);
    } finally {
      this.#waiting -= 1;
    }
  }

  /** No caller waits and every slot's last start is a window old: a new window would behave the same. */
  idle(): boolean {
    return this.#waiting === 0 && this.#clock.now() >= this.#freeAt;
  }
}

/**
 * The client-side rate limit: at most `perSecond` requests start in any one-second window, a burst up to the
 * limit at once and the rest at the documented pace, in arrival order.
 *
 * Given a `key` (a registry key of the credentials), every limiter of that key and rate in the process, in any
 * copy of the library, takes its turns from one shared window. That window reads the clock of the limiter that
 * created it (the first to send once the key's window was idle); a window whose last start is a window old is
 * dropped, so a process keeps none for keys it no longer sends with.
 */
export class RateLimiter implements KeyRateLimit {
  /** The limiter's own window, when it has no key. */
  readonly #own: SlotWindow | undefined;
  /** The registry name of the key's shared window (`<key>@<rate>`), when it has a key. */
  readonly #shared: string | undefined;
  readonly #perSecond: number;
  readonly #clock: Clock;

  constructor(perSecond: number, clock: Clock, key?: string) {
    this.#perSecond = perSecond;
    this.#clock = clock;
    if (key === undefined) this.#own = new SlotWindow(perSecond, clock);
    // `<key>@<rate>`, one flat string (`join`; `+` would keep the pieces too).
    else this.#shared = [key, perSecond].join('@');
  }

  /** Resolves when this caller may send; rejects with the signal's reason when it aborts first. */
  async acquire(signal?: AbortSignal): Promise<undefined> {
    await this.#window().acquire(signal);
    return undefined;
  }

  #window(): KeyRateLimit {
    if (this.#own) return this.#own;
    return sharedWhileBusy(
      keyRegistry().rateLimits,
      this.#shared as string,
      () => new SlotWindow(this.#perSecond, this.#clock),
    );
  }
}
