/**
 * Settles like `promise`, or rejects with the signal's reason as soon as `signal` aborts, whichever comes first.
 * The promise itself runs on (it may be shared with other callers).
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  return abandonWhileWaiting(promise, signal, () => false);
}

/**
 * Settles like `promise`, or rejects with the signal's reason when `signal` aborts before `started()` holds.
 * Once the work has started it is never raced: from then on only the work itself may say how it ended (an
 * abort that lands while a request is on the wire must not be reported as "not sent").
 */
export function abandonWhileWaiting<T>(
  promise: Promise<T>,
  signal: AbortSignal | undefined,
  started: () => boolean,
): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted && !started()) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      if (!started()) reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
