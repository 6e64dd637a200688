import type { AuthContext, Clock, PreparedRequest, RawResponse } from '../../src/index.js';

interface Timer {
  readonly at: number;
  readonly resolve: () => void;
}

interface Deadline {
  readonly at: number;
  readonly callback: () => void;
  cancelled: boolean;
}

/**
 * A clock the test drives. `sleep` never waits for real time:
 * - in `auto` mode (the default) it moves the clock forward by `ms` and resolves on the next turn of the event
 *   loop, so code that backs off or waits for a rate limit runs at once while `now()` reads as if it had waited;
 * - in manual mode it waits until the test calls `advance`.
 * Every requested sleep is recorded in `sleeps`, so a test can assert on the delays the code chose.
 */
export class TestClock implements Clock {
  #now: number;
  readonly #auto: boolean;
  readonly #timers: Timer[] = [];
  readonly #deadlines: Deadline[] = [];
  readonly #random: () => number;
  /** Every sleep asked for, in milliseconds, in order. */
  readonly sleeps: number[] = [];

  constructor(options: { start?: number; auto?: boolean; random?: () => number } = {}) {
    this.#now = options.start ?? 1_700_000_000_000;
    this.#auto = options.auto ?? true;
    this.#random = options.random ?? (() => 0.5);
  }

  now(): number {
    return this.#now;
  }

  random(): number {
    return this.#random();
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => reject(signal?.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      if (this.#auto) {
        setImmediate(() => {
          this.#now = Math.max(this.#now, this.#now + ms);
          done();
        });
      } else {
        this.#timers.push({ at: this.#now + ms, resolve: done });
      }
    });
  }

  /**
   * A deadline: fires only when the test moves time past it with `advance` or `set`, never by itself. Auto-mode
   * sleeps do not fire it: concurrent auto sleeps add up, so the time they move through is not time every
   * request lived through.
   */
  setTimer(ms: number, callback: () => void): () => void {
    const deadline: Deadline = { at: this.#now + ms, callback, cancelled: false };
    this.#deadlines.push(deadline);
    return () => {
      deadline.cancelled = true;
    };
  }

  /** Deadlines set and neither fired nor cancelled. */
  get pendingTimers(): number {
    return this.#deadlines.filter((deadline) => !deadline.cancelled).length;
  }

  #fireDeadlines(): void {
    const due = this.#deadlines.filter((deadline) => !deadline.cancelled && deadline.at <= this.#now);
    for (const deadline of due) {
      deadline.cancelled = true;
      this.#deadlines.splice(this.#deadlines.indexOf(deadline), 1);
      deadline.callback();
    }
  }

  /** Moves time forward by `ms`, waking every sleeper whose time has come (in time order). */
  async advance(ms: number): Promise<void> {
    const until = this.#now + ms;
    for (;;) {
      this.#timers.sort((a, b) => a.at - b.at);
      const next = this.#timers[0];
      if (!next || next.at > until) break;
      this.#timers.shift();
      this.#now = Math.max(this.#now, next.at);
      this.#fireDeadlines();
      next.resolve();
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.#now = until;
    this.#fireDeadlines();
    await new Promise((resolve) => setImmediate(resolve));
  }

  /** Sets the wall time (a clock stepping back or jumping ahead). */
  set(now: number): void {
    this.#now = now;
    this.#fireDeadlines();
  }

  /** Sleepers still waiting (manual mode). */
  get waiting(): number {
    return this.#timers.length;
  }
}

/** An AuthContext for calling a strategy directly: a clock, a silent logger, and a `send` the test supplies. */
export function authContext(
  options: {
    clock?: Clock;
    send?: (request: PreparedRequest) => Promise<RawResponse>;
    signal?: AbortSignal;
  } = {},
): AuthContext {
  const silent = () => undefined;
  return {
    send: options.send ?? (() => Promise.reject(new Error('this test sends nothing'))),
    signal: options.signal,
    deadline: undefined,
    logger: { debug: silent, info: silent, warn: silent, error: silent },
    clock: options.clock ?? new TestClock(),
  };
}
