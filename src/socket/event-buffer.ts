/**
 * A bounded queue read as an async iterator: what arrives while the reader is busy waits here, up to
 * `capacity` items. When it is full the oldest item is dropped and counted ({@link EventBuffer.dropped}): a slow
 * reader loses the oldest events, never the newest, and memory never grows past `capacity`. Reading stops the
 * socket for no one (other readers, replies).
 */
export class EventBuffer<T> implements AsyncIterableIterator<T> {
  readonly #capacity: number;
  readonly #items: T[] = [];
  #head = 0;
  #waiting: ((result: IteratorResult<T>) => void) | undefined;
  #failWaiting: ((error: unknown) => void) | undefined;
  #ended = false;
  #error: unknown;
  #dropped = 0;
  readonly #onEnd: () => void;
  readonly #onDrop: (dropped: number) => void;

  constructor(capacity: number, onEnd: () => void, onDrop: (dropped: number) => void) {
    this.#capacity = capacity;
    this.#onEnd = onEnd;
    this.#onDrop = onDrop;
  }

  /** Items dropped because the buffer was full. */
  get dropped(): number {
    return this.#dropped;
  }

  /** Items waiting to be read. */
  get size(): number {
    return this.#items.length - this.#head;
  }

  /** Adds an item: hands it to a waiting reader, or queues it (dropping the oldest when full). */
  push(item: T): void {
    if (this.#ended) return;
    const waiting = this.#waiting;
    if (waiting) {
      this.#waiting = undefined;
      this.#failWaiting = undefined;
      waiting({ value: item, done: false });
      return;
    }
    if (this.size >= this.#capacity) {
      this.#head += 1;
      this.#dropped += 1;
      this.#onDrop(this.#dropped);
    }
    this.#items.push(item);
    // Compact now and then, so the array does not keep what was read.
    if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items.splice(0, this.#head);
      this.#head = 0;
    }
  }

  /** Ends the iteration: a reader gets what is queued, then `done` (or `error`, when given). */
  end(error?: unknown): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#error = error;
    const waiting = this.#waiting;
    const failWaiting = this.#failWaiting;
    this.#waiting = undefined;
    this.#failWaiting = undefined;
    if (error !== undefined) failWaiting?.(error);
    else waiting?.({ value: undefined, done: true });
    this.#onEnd();
  }

  /** The oldest item waiting, or the next to arrive; `done` once ended and drained. */
  next(): Promise<IteratorResult<T>> {
    if (this.size > 0) {
      const value = this.#items[this.#head] as T;
      this.#items[this.#head] = undefined as T;
      this.#head += 1;
      if (this.#head === this.#items.length) {
        this.#items.length = 0;
        this.#head = 0;
      }
      return Promise.resolve({ value, done: false });
    }
    if (this.#ended) {
      return this.#error === undefined
        ? Promise.resolve({ value: undefined, done: true })
        : Promise.reject(this.#error);
    }
    return new Promise((resolve, reject) => {
      this.#waiting = resolve;
      this.#failWaiting = reject;
    });
  }

  /** The reader stopped (`break` out of `for await`): the buffer ends and is released. */
  return(): Promise<IteratorResult<T>> {
    this.#items.length = 0;
    this.#head = 0;
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  /** The buffer itself: read it with `for await`. */
  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}
