import type { Readable } from 'node:stream';
import { createBrotliDecompress, createUnzip } from 'node:zlib';

/** Caps on one answer's size. */
export interface BodyLimits {
  /** Bytes as received on the wire (compressed, if it was). */
  readonly responseBytes: number;
  /** Bytes after decompression. */
  readonly decompressedBytes: number;
}

/** An answer that went over a cap; `limit` names which. */
export class BodyTooLarge extends Error {
  constructor(
    readonly limit: 'maxResponseBytes' | 'maxDecompressedBytes',
    readonly bytes: number,
  ) {
    super(`answer over ${limit} (${bytes} bytes)`);
  }
}

/** An answer whose compression could not be undone. */
export class BodyUnreadable extends Error {}

function decoderFor(encoding: string | undefined) {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
    case 'compress':
    case 'x-compress':
    case 'deflate':
      return createUnzip();
    case 'br':
      return createBrotliDecompress();
    default:
      return undefined;
  }
}

/**
 * Reads one answer body, chunk by chunk as it arrives, into UTF-8 text: decompresses it (gzip, deflate, br) and
 * fails as soon as either cap is passed, so an endless or inflating body never fills memory. `done` is called
 * once: with the text, or with `BodyTooLarge`, `BodyUnreadable` or the error given to {@link BodyReader.fail}.
 * Whoever feeds it stops the source when `done` reports an error.
 */
export class BodyReader {
  readonly #limits: BodyLimits;
  readonly #encoding: string | undefined;
  readonly #decoder: ReturnType<typeof decoderFor>;
  readonly #done: (error: unknown, text?: string) => void;
  readonly #chunks: Buffer[] = [];
  #received = 0;
  #decoded = 0;
  #settled = false;

  constructor(
    encoding: string | undefined,
    limits: BodyLimits,
    done: (error: unknown, text?: string) => void,
  ) {
    this.#limits = limits;
    this.#encoding = encoding;
    this.#done = done;
    const decoder = decoderFor(encoding);
    this.#decoder = decoder;
    if (!decoder) return;
    decoder.on('data', (chunk: Buffer) => this.#take(chunk));
    decoder.once('end', () => this.#finish());
    decoder.once('error', () =>
      this.fail(new BodyUnreadable(`the answer's ${this.#encoding} encoding is corrupt`)),
    );
  }

  /** Whether the reader has settled (read whole, or failed). */
  get settled(): boolean {
    return this.#settled;
  }

  /** A chunk as received on the wire. */
  push(chunk: Buffer): void {
    if (this.#settled) return;
    this.#received += chunk.length;
    if (this.#received > this.#limits.responseBytes)
      this.fail(new BodyTooLarge('maxResponseBytes', this.#limits.responseBytes));
    else if (this.#decoder) this.#decoder.write(chunk);
    else this.#take(chunk);
  }

  /** The answer is complete on the wire. */
  end(): void {
    if (this.#settled) return;
    if (this.#decoder) this.#decoder.end();
    else this.#finish();
  }

  /** The answer cannot be read to its end (`error` is reported as it is). */
  fail(error: unknown): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#decoder?.destroy();
    this.#done(error ?? new Error('the answer could not be read'));
  }

  #take(chunk: Buffer): void {
    if (this.#settled) return;
    this.#decoded += chunk.length;
    if (this.#decoded > this.#limits.decompressedBytes)
      this.fail(new BodyTooLarge('maxDecompressedBytes', this.#limits.decompressedBytes));
    else this.#chunks.push(chunk);
  }

  #finish(): void {
    if (this.#settled) return;
    this.#settled = true;
    const chunks = this.#chunks;
    const whole = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
    this.#done(undefined, whole.toString('utf8'));
  }
}

/**
 * Reads a whole answer stream as UTF-8 text under the caps ({@link BodyReader}). Rejects with `BodyTooLarge`,
 * `BodyUnreadable`, or the stream's own error (an abort destroys the stream); the stream is destroyed on failure.
 */
export function readBody(
  stream: Readable,
  encoding: string | undefined,
  limits: BodyLimits,
): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const reader = new BodyReader(encoding, limits, (error, text) => {
      if (error === undefined) return resolve(text as string);
      stream.destroy();
      reject(error);
    });
    stream.on('data', (chunk: Buffer) => reader.push(chunk));
    stream.once('end', () => reader.end());
    stream.once('error', (error) => reader.fail(error));
    stream.once('close', () => {
      if (!stream.readableEnded)
        reader.fail(new Error('the connection closed before the answer was complete'));
    });
  });
}
