/**
 * How far an exchange's clock is from this client's, measured from the `Date` header of its answers.
 *
 * A `Date` header has one-second resolution: an answer stamped `D` was written while the exchange's clock read
 * somewhere in `[D, D + 1000)`, at some moment between sending the request and reading its answer. So each answer
 * bounds the offset (exchange clock minus client clock) to `[D - receivedAt, D + 1000 - sentAt]`; its midpoint,
 * `D + 500 - (sentAt + receivedAt) / 2`, is the sample the estimate takes the median of.
 */
export interface ClockOffsetReading {
  /** The median of the recent samples' midpoints, in milliseconds: positive when the exchange is ahead. */
  readonly offsetMs: number;
  /** The least offset every recent answer allows (their bounds' intersection). */
  readonly lowMs: number;
  /** The greatest offset every recent answer allows (their bounds' intersection). */
  readonly highMs: number;
  /** How many answers the reading rests on. */
  readonly samples: number;
}

/** One answer's timing, in the client's clock, and its `Date` header as received. */
export interface ClockSample {
  /** When the request was handed to the transport, by the client's clock (milliseconds). */
  readonly sentAt: number;
  /** When its answer was read, by the client's clock (milliseconds). */
  readonly receivedAt: number;
  /** The answer's `Date` header as received (an HTTP-date), if it had one. */
  readonly date: string | undefined;
}

const RECENT = 15;
const RESOLUTION_MS = 1000;

interface Bounds {
  readonly low: number;
  readonly high: number;
  readonly mid: number;
}

/**
 * The offset estimate of one exchange: recent samples whose bounds agree. An answer whose bounds do not overlap
 * the others' (this machine's clock stepped, or the exchange's did) starts the estimate afresh from that answer,
 * so a clock that steps is followed on the first answer after the step.
 */
export class ClockOffset {
  #samples: Bounds[] = [];
  /** The reading of the samples as they are, once asked for; `null` until then. */
  #reading: ClockOffsetReading | undefined | null = null;
  /** The last `Date` header read and what it parsed to: answers within one second carry the same text. */
  #lastDate: string | undefined;
  #lastParsed = Number.NaN;

  /** Takes one answer into account; an answer without a readable `Date` header is ignored. */
  observe(sample: ClockSample): void {
    if (sample.date === undefined) return;
    if (sample.date !== this.#lastDate) {
      this.#lastDate = sample.date;
      this.#lastParsed = Date.parse(sample.date);
    }
    const date = this.#lastParsed;
    if (!Number.isFinite(date) || !(sample.receivedAt >= sample.sentAt)) return;
    const low = date - sample.receivedAt;
    const high = date + RESOLUTION_MS - sample.sentAt;
    const next: Bounds = { low, high, mid: (low + high) / 2 };
    const agreed = this.#samples.filter((kept) => kept.low <= high && kept.high >= low);
    const [low0, high0] = intersect(agreed, next);
    this.#samples = low0 <= high0 ? [...agreed.slice(-(RECENT - 1)), next] : [next];
    this.#reading = null;
  }

  /** The current reading, or `undefined` before any answer carried a `Date` header. */
  reading(): ClockOffsetReading | undefined {
    if (this.#reading !== null) return this.#reading;
    this.#reading = this.#read();
    return this.#reading;
  }

  #read(): ClockOffsetReading | undefined {
    if (this.#samples.length === 0) return undefined;
    const [lowMs, highMs] = intersect(this.#samples);
    const mids = this.#samples.map((sample) => sample.mid).sort((a, b) => a - b);
    const middle = mids.length >> 1;
    const median =
      mids.length % 2 ? (mids[middle] ?? 0) : ((mids[middle - 1] ?? 0) + (mids[middle] ?? 0)) / 2;
    return { offsetMs: Math.round(median), lowMs, highMs, samples: this.#samples.length };
  }

  /**
   * What to add to the client's clock for a value the exchange must not see as earlier than its own clock
   * (a nonce's time base): the least offset every answer proves, and 0 while the answers allow the clocks to
   * agree (a client ahead of the exchange is left alone).
   */
  provenAheadMs(): number {
    const reading = this.reading();
    return reading && reading.lowMs > 0 ? Math.ceil(reading.lowMs) : 0;
  }

  /**
   * What to add to the client's clock for a time the exchange compares with its own (a timestamp): the offset
   * every answer proves (the least when the exchange is ahead, the greatest when it is behind), 0 while the
   * answers allow the clocks to agree.
   */
  provenShiftMs(): number {
    const reading = this.reading();
    if (!reading) return 0;
    if (reading.lowMs > 0) return Math.ceil(reading.lowMs);
    return reading.highMs < 0 ? Math.floor(reading.highMs) : 0;
  }

  /**
   * What to add to the client's clock for a deadline the exchange must not see as past: once the answers
   * prove the exchange ahead, the greatest offset they allow; 0 while they allow the clocks to agree.
   */
  deadlineShiftMs(): number {
    const reading = this.reading();
    return reading && reading.lowMs > 0 ? Math.ceil(reading.highMs) : 0;
  }
}

function intersect(samples: readonly Bounds[], also?: Bounds): [number, number] {
  let low = also ? also.low : Number.NEGATIVE_INFINITY;
  let high = also ? also.high : Number.POSITIVE_INFINITY;
  for (const sample of samples) {
    low = Math.max(low, sample.low);
    high = Math.min(high, sample.high);
  }
  return [low, high];
}
