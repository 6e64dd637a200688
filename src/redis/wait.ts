import { type Clock, systemClock } from '../core/clock.js';

/** Sleeps about `ms` (between half and all of it, so a fleet's pollers spread out); rejects on abort at once. */
export function pause(clock: Clock, ms: number, signal: AbortSignal | undefined): Promise<void> {
  return clock.sleep(Math.max(1, Math.round(ms * (0.5 + clock.random() / 2))), signal);
}

/** Sleeps `ms` and up to 20 ms more (so a fleet's callers do not all ask again in the same instant). */
export function pauseAtLeast(clock: Clock, ms: number, signal: AbortSignal | undefined): Promise<void> {
  return clock.sleep(Math.max(1, ms) + Math.round(clock.random() * Math.min(ms, 20)), signal);
}

/**
 * Now, for timing a lease: on the system clock `performance.now()` (monotonic, so a step of the wall clock cannot
 * stretch a lease past the server's), else the given clock's `now()`.
 */
export function leaseNow(clock: Clock): number {
  return clock === systemClock ? performance.now() : clock.now();
}

/**
 * Calls `callback` once, `ms` from now, unless the returned function cancels it first: `clock.setTimer`, except
 * that on the system clock the timer does not keep the process alive (a lease's timers run in the background).
 */
export function backgroundTimer(clock: Clock, ms: number, callback: () => void): () => void {
  if (clock !== systemClock) return clock.setTimer(ms, callback);
  const timer = setTimeout(callback, ms);
  timer.unref();
  return () => clearTimeout(timer);
}

/**
 * A first-come, first-served line per key in this process: `run` starts `task` once every earlier task of the
 * key has ended. A caller whose signal aborts while waiting leaves at once; the line goes on without it.
 */
export class LocalLine {
  readonly #tails = new Map<string, Promise<void>>();

  async run<T>(key: string, task: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
    if (signal?.aborted) throw signal.reason;
    const previous = this.#tails.get(key) ?? Promise.resolve();
    let leave!: () => void;
    const mine = new Promise<void>((resolve) => {
      leave = resolve;
    });
    const tail = previous.then(() => mine);
    this.#tails.set(key, tail);
    try {
      await waitFor(previous, signal);
      return await task();
    } finally {
      leave();
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    }
  }
}

/** Resolves when `promise` settles (either way); rejects with the signal's reason as soon as it aborts. */
function waitFor(promise: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    void promise.finally(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}
