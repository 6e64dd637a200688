import { abandonWhileWaiting } from '../core/abort.js';
import { type KeyOrder, keyRegistry, sequenceId } from '../core/registry.js';

export type { KeyOrder } from '../core/registry.js';

/**
 * Runs tasks one at a time, in the order they were queued. A caller whose signal aborts while its task waits
 * leaves at once (the task then never starts); once the task has started, only the task settles the call.
 */
export class SerialQueue implements KeyOrder {
  #tail: Promise<unknown> = Promise.resolve();
  #pending = 0;
  readonly #onIdle: (() => void) | undefined;

  /** `onIdle` runs each time the last queued or running task settles. */
  constructor(onIdle?: () => void) {
    this.#onIdle = onIdle;
  }

  /** Tasks queued or running. */
  get pending(): number {
    return this.#pending;
  }

  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    this.#pending += 1;
    const done = () => {
      this.#pending -= 1;
      if (this.#pending === 0) this.#onIdle?.();
    };
    let started = false;
    const start = () => {
      if (signal?.aborted) return Promise.reject(signal.reason);
      started = true;
      return task();
    };
    const result = this.#tail.then(start, start);
    result.then(done, done);
    this.#tail = result.catch(() => undefined);
    return abandonWhileWaiting(result, signal, () => started);
  }
}

/**
 * Runs `task` in the process-wide queue of a sequence key, so every client of one key shares it, in every copy
 * of the library loaded in this process (the queues live in the shared registry, under a salted key). A queue
 * is forgotten once it is idle, so a process that uses many keys over time keeps none it does not need.
 */
export function runInSequence<T>(key: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  const queues = keyRegistry().orders;
  const id = sequenceId('order', key);
  let queue = queues.get(id);
  if (!queue) {
    const created = new SerialQueue(() => {
      if (queues.get(id) === created) queues.delete(id);
    });
    queues.set(id, created);
    queue = created;
  }
  return queue.run(task, signal);
}

/** How many sequence keys have a queue now (for tests of the cleanup). */
export function activeSequences(): number {
  return keyRegistry().orders.size;
}
