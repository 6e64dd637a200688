/** Runs tasks one at a time, in the order they were queued. */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();
  #pending = 0;

  /** Tasks queued or running. */
  get pending(): number {
    return this.#pending;
  }

  run<T>(task: () => Promise<T>): Promise<T> {
    this.#pending += 1;
    const done = () => {
      this.#pending -= 1;
    };
    const result = this.#tail.then(task, task);
    result.then(done, done);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}

const queues = new Map<string, SerialQueue>();

/**
 * Runs `task` in the process-wide queue of a sequence key, so every client of one key shares it. A queue
 * is forgotten once it is idle, so a process that uses many keys over time keeps none it does not need.
 */
export function runInSequence<T>(key: string, task: () => Promise<T>): Promise<T> {
  let queue = queues.get(key);
  if (!queue) {
    queue = new SerialQueue();
    queues.set(key, queue);
  }
  const used = queue;
  return used.run(task).finally(() => {
    if (used.pending === 0 && queues.get(key) === used) queues.delete(key);
  });
}

/** How many sequence keys have a queue now (for tests of the cleanup). */
export function activeSequences(): number {
  return queues.size;
}
