import { TestClock } from '../support/clock.js';

/**
 * A {@link TestClock} that also says when sleeps are asked for, so a test can wait for "the rate limiter (or
 * the sandbox's latency fault) is now waiting" as an event, instead of waiting for real time.
 */
export class WatchedClock extends TestClock {
  readonly #watchers: Array<{ count: number; resolve: () => void }> = [];

  override sleep(ms: number, signal?: AbortSignal): Promise<void> {
    const sleeping = super.sleep(ms, signal);
    for (const watcher of this.#watchers.filter((w) => this.sleeps.length >= w.count)) {
      this.#watchers.splice(this.#watchers.indexOf(watcher), 1);
      watcher.resolve();
    }
    return sleeping;
  }

  /** Resolves once `count` sleeps in all have been asked for (at once if they already were). */
  sleepsAsked(count: number): Promise<void> {
    if (this.sleeps.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.#watchers.push({ count, resolve }));
  }
}
