import { type KeyOrder, keyRegistry, sequenceId } from '../core/registry.js';

export type { KeyOrder } from '../core/registry.js';

/** Runs tasks one at a time, in the order they were queued. */
export class SerialQueue implements KeyOrder {
  #tail: Promise<unknown> = Promise.resolve();
  #pending = 0;

  /** Tasks queued or running. */
  get pending(): number {
    return this.#pending;
  }

  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    this.#pending += 1;
    const done = () => {
      this.#pending -= 1;
    };
    const start = signal ? () => (signal.aborted ? Promise.reject(signal.reason) : task()) : task;
    const result = this.#tail.then(start, start);
    result.then(done, done);
    this.#tail = result.catch(() => undefined);
    return result;
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
    queue = new SerialQueue();
    queues.set(id, queue);
  }
  const used = queue;
  return used.run(task, signal).finally(() => {
    if (used.pending === 0 && queues.get(id) === used) queues.delete(id);
  });
}

/** How many sequence keys have a queue now (for tests of the cleanup). */
export function activeSequences(): number {
  return keyRegistry().orders.size;
}
