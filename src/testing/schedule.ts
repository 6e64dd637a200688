/** What a test can script a sandbox market to do, now or after some time on the sandbox's clock. */
export interface ScriptTiming {
  /**
   * Wait this long on the sandbox's clock (see `now()`, `shiftClock()` and the `clock` option) first. The change
   * happens when the exchange next looks once that time has come: at its next request, or the next read of its
   * orders or balances by the test. Default 0: at once.
   */
  afterMs?: number;
}

interface Scheduled {
  readonly at: number;
  readonly run: () => unknown;
}

/** Changes a test scripted for a time on the sandbox's clock, run in time order once that time has come. */
export class Schedule {
  #pending: Scheduled[] = [];

  constructor(private readonly now: () => number) {}

  /** Runs `change` now when `afterMs` is 0 or absent, else once the clock reaches now + `afterMs`. */
  add(timing: ScriptTiming, change: () => unknown): void {
    const afterMs = timing.afterMs ?? 0;
    if (!(afterMs >= 0))
      throw new TypeError('sandbox script: afterMs must be a number of milliseconds, 0 or more');
    if (afterMs === 0) change();
    else this.#pending.push({ at: this.now() + afterMs, run: change });
  }

  /** Runs every change whose time has come, earliest first. */
  runDue(): void {
    const now = this.now();
    const due = this.#pending.filter((item) => item.at <= now).sort((a, b) => a.at - b.at);
    if (due.length === 0) return;
    this.#pending = this.#pending.filter((item) => item.at > now);
    for (const item of due) item.run();
  }
}
