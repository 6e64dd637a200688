/**
 * Waiting without real time: everything here counts turns of the event loop (one `setImmediate` each), never
 * milliseconds, so a test waits exactly as long as the I/O it waits for and fails with a count, not a timeout.
 */

/** Resolves after `count` turns of the event loop. */
export async function turns(count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Enough turns for loopback I/O to finish many times over (a turn is microseconds; no wall-clock bound). */
export const PLENTY = 20_000;

/** Waits until `condition()` holds, checking once a turn; throws naming `what` after `maxTurns` turns. */
export async function until(condition: () => boolean, what: string, maxTurns = PLENTY): Promise<void> {
  for (let turn = 0; turn < maxTurns; turn += 1) {
    if (condition()) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  if (!condition()) throw new Error(`still waiting after ${maxTurns} turns of the event loop: ${what}`);
}

/** A promise watched from the side: whether it settled yet, and how. */
export interface Watched<T> {
  readonly promise: Promise<T>;
  readonly settled: boolean;
  readonly value: T | undefined;
  readonly error: unknown;
  readonly rejected: boolean;
}

/** Starts watching `promise` at once (its rejection is handled here, so it never goes unhandled). */
export function watch<T>(promise: Promise<T>): Watched<T> {
  const state = {
    settled: false,
    rejected: false,
    value: undefined as T | undefined,
    error: undefined as unknown,
  };
  promise.then(
    (value) => {
      state.settled = true;
      state.value = value;
    },
    (error: unknown) => {
      state.settled = true;
      state.rejected = true;
      state.error = error;
    },
  );
  return {
    promise,
    get settled() {
      return state.settled;
    },
    get rejected() {
      return state.rejected;
    },
    get value() {
      return state.value;
    },
    get error() {
      return state.error;
    },
  };
}

/**
 * Gives `calls` up to `maxTurns` turns to settle and returns how many did not: after a deadline passed, that is
 * the number of calls that outlived it.
 */
export async function unsettledAfter(calls: readonly Watched<unknown>[], maxTurns = PLENTY): Promise<number> {
  for (let turn = 0; turn < maxTurns && calls.some((call) => !call.settled); turn += 1) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return calls.filter((call) => !call.settled).length;
}
