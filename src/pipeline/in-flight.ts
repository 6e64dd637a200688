/**
 * Bounds how many requests a client has on the wire at once. Waiters are served in arrival order; an aborted
 * waiter leaves the line at once.
 */
export class InFlightLimit {
  readonly #max: number;
  #active = 0;
  /** Made when the first request has to wait: most clients never have one waiting. */
  #waiting: { resolve: () => void; reject: (reason: unknown) => void }[] | undefined;

  constructor(max: number) {
    this.#max = max;
  }

  /** Requests on the wire now. */
  get active(): number {
    return this.#active;
  }

  /** A release function when a slot is free now and nobody waits; `undefined` otherwise. */
  tryAcquire(): (() => void) | undefined {
    if (this.#active >= this.#max || (this.#waiting?.length ?? 0) > 0) return undefined;
    this.#active += 1;
    return this.#releaser();
  }

  /** Resolves with a release function once a slot is free; rejects with the signal's reason if it aborts first. */
  acquire(signal: AbortSignal | undefined): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.#active < this.#max) {
      this.#active += 1;
      return Promise.resolve(this.#releaser());
    }
    return new Promise<() => void>((resolve, reject) => {
      const waiter = {
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(this.#releaser());
        },
        reject,
      };
      this.#waiting ??= [];
      const waiting = this.#waiting;
      const onAbort = () => {
        const at = waiting.indexOf(waiter);
        if (at !== -1) waiting.splice(at, 1);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      waiting.push(waiter);
    });
  }

  #releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiting?.shift();
      if (next) next.resolve();
      else this.#active -= 1;
    };
  }
}
