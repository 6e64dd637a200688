import type { Clock } from '../core/clock.js';

/** One deadline held by {@link Deadlines}. */
export interface Deadline {
  /** When it expires, in the clock's milliseconds. */
  readonly at: number;
  /** Called once when it expires. */
  readonly onExpire: () => void;
}

/**
 * The deadlines of many calls on one timer. The timer is set for the earliest deadline; when it fires it ends
 * the calls that are due and sets itself for the next. A call that ends removes its deadline and leaves the timer
 * as it is, so calls one after another share one timer instead of each setting and clearing its own. The timer
 * outlives the last call by at most one deadline, or not at all once `drain()` was called.
 */
export class Deadlines {
  readonly #clock: Clock;
  readonly #pending = new Set<Deadline>();
  #timerAt = Number.POSITIVE_INFINITY;
  #cancel: (() => void) | undefined;
  #draining = false;

  /** Deadlines on `clock`'s timers. */
  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /** Calls `onExpire` once `ms` milliseconds from now, unless the deadline is removed first. */
  add(ms: number, onExpire: () => void): Deadline {
    const deadline: Deadline = { at: this.#clock.now() + ms, onExpire };
    this.#pending.add(deadline);
    if (deadline.at < this.#timerAt) this.#arm(deadline.at);
    return deadline;
  }

  /** Drops `deadline`: it will not expire. */
  remove(deadline: Deadline): void {
    this.#pending.delete(deadline);
    if (this.#draining && this.#pending.size === 0) this.#stop();
  }

  /** Stops the timer once no deadline is held: now if none is, else when the last is removed or expires. */
  drain(): void {
    this.#draining = true;
    if (this.#pending.size === 0) this.#stop();
  }

  #stop(): void {
    this.#cancel?.();
    this.#cancel = undefined;
    this.#timerAt = Number.POSITIVE_INFINITY;
  }

  /** Deadlines held now. */
  get size(): number {
    return this.#pending.size;
  }

  #arm(at: number): void {
    this.#cancel?.();
    this.#timerAt = at;
    this.#cancel = this.#clock.setTimer(Math.max(0, at - this.#clock.now()), () => this.#fire());
  }

  #fire(): void {
    this.#cancel = undefined;
    this.#timerAt = Number.POSITIVE_INFINITY;
    const now = this.#clock.now();
    const due: Deadline[] = [];
    let next = Number.POSITIVE_INFINITY;
    for (const deadline of this.#pending) {
      if (deadline.at <= now) due.push(deadline);
      else if (deadline.at < next) next = deadline.at;
    }
    for (const deadline of due) this.#pending.delete(deadline);
    if (next < this.#timerAt) this.#arm(next);
    for (const deadline of due) deadline.onExpire();
  }
}
