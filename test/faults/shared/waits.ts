/** A promise and whether it has settled yet, observed without awaiting it. */
export interface Watched<T> {
  readonly promise: Promise<T>;
  readonly settled: boolean;
}

/** Watches `promise` settle (either way); a rejection is not left unhandled. */
export function watch<T>(promise: Promise<T>): Watched<T> {
  let settled = false;
  const observed = promise.finally(() => {
    settled = true;
  });
  observed.catch(() => undefined);
  return {
    promise: observed,
    get settled() {
      return settled;
    },
  };
}

/** Lets `count` turns of the event loop pass (promise callbacks and I/O included); no timers, no wall time. */
export async function turns(count = 1): Promise<void> {
  for (let i = 0; i < count; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Turns the event loop until `condition` holds; fails after `limit` turns rather than waiting on a timer. */
export async function turnsUntil(condition: () => boolean, limit = 100_000): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    if (condition()) return;
    await turns(1);
  }
  throw new Error(`the condition did not hold within ${limit} turns of the event loop`);
}

/** What `promise` rejected with; fails if it resolved. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
