import { systemClock } from '../core/clock.js';

/** Sleeps about `ms` (between half and all of it, so a fleet's pollers spread out); rejects on abort at once. */
export function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return systemClock.sleep(Math.max(1, Math.round(ms * (0.5 + Math.random() / 2))), signal);
}

/** Sleeps `ms` and up to 20 ms more (so a fleet's callers do not all ask again in the same instant). */
export function pauseAtLeast(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return systemClock.sleep(Math.max(1, ms) + Math.round(Math.random() * Math.min(ms, 20)), signal);
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
