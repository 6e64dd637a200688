import type { Clock } from '../core/clock.js';
import { leaseNow } from './wait.js';

/** One command's deadline. */
interface Deadline {
  readonly at: number;
  readonly fire: () => void;
  done: boolean;
}

/**
 * The deadlines of the commands under way on one connection, with one timer armed for the earliest: a command
 * that answers in time costs no timer of its own. When no command is under way, no timer is armed.
 */
export class Deadlines {
  readonly #clock: Clock;
  #entries: Deadline[] = [];
  #head = 0;
  #live = 0;
  #armedAt = Number.POSITIVE_INFINITY;
  #cancel: (() => void) | undefined;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /** Calls `fire` in `ms` unless {@link settle} is called first. */
  add(ms: number, fire: () => void): Deadline {
    const entry: Deadline = { at: leaseNow(this.#clock) + ms, fire, done: false };
    const entries = this.#entries;
    let index = entries.length;
    while (index > this.#head && (entries[index - 1] as Deadline).at > entry.at) index -= 1;
    if (index === entries.length) entries.push(entry);
    else entries.splice(index, 0, entry);
    this.#live += 1;
    if (entry.at < this.#armedAt) this.#arm(entry.at);
    return entry;
  }

  /** The command ended: its deadline no longer matters. */
  settle(entry: Deadline): void {
    if (entry.done) return;
    entry.done = true;
    this.#live -= 1;
    if (this.#live === 0) this.#reset();
  }

  #reset(): void {
    this.#cancel?.();
    this.#cancel = undefined;
    this.#armedAt = Number.POSITIVE_INFINITY;
    this.#entries = [];
    this.#head = 0;
  }

  #arm(at: number): void {
    this.#cancel?.();
    this.#armedAt = at;
    this.#cancel = this.#clock.setTimer(Math.max(0, at - leaseNow(this.#clock)), () => this.#fire());
  }

  #fire(): void {
    this.#cancel = undefined;
    this.#armedAt = Number.POSITIVE_INFINITY;
    const now = leaseNow(this.#clock);
    const entries = this.#entries;
    while (this.#head < entries.length) {
      const entry = entries[this.#head] as Deadline;
      if (!entry.done && entry.at > now) break;
      this.#head += 1;
      if (entry.done) continue;
      entry.done = true;
      this.#live -= 1;
      entry.fire();
    }
    if (this.#live === 0) {
      this.#reset();
      return;
    }
    if (this.#head > 1024 && this.#head * 2 > entries.length) {
      this.#entries = entries.slice(this.#head);
      this.#head = 0;
    }
    const next = this.#entries[this.#head];
    if (next) this.#arm(next.at);
  }
}
