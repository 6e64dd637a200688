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
    const result = this.#tail.then(task, task).finally(() => {
      this.#pending -= 1;
    });
    this.#tail = result.catch(() => undefined);
    return result;
  }
}

const queues = new Map<string, SerialQueue>();

/**
 * Runs `task` in the process-wide queue of a sequence key, so every client of one key shares it. A queue
 * is forgotten once it is idle, so a process that uses many keys over time keeps none it does not need.
 */
export async function runInSequence<T>(key: string, task: () => Promise<T>): Promise<T> {
  let queue = queues.get(key);
  if (!queue) {
    queue = new SerialQueue();
    queues.set(key, queue);
  }
  try {
    return await queue.run(task);
  } finally {
    if (queue.pending === 0 && queues.get(key) === queue) queues.delete(key);
  }
}

/** How many sequence keys have a queue now (for tests of the cleanup). */
export function activeSequences(): number {
  return queues.size;
}
