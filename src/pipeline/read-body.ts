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
 * Reads a whole answer body as UTF-8 text, decompressing it (gzip, deflate, br) and failing as soon as either
 * cap is passed, so an endless or inflating body never fills memory. Rejects with `BodyTooLarge`,
 * `BodyUnreadable`, or the stream's own error (an abort destroys the stream).
 */
export function readBody(
  stream: Readable,
  encoding: string | undefined,
  limits: BodyLimits,
): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const decoder = decoderFor(encoding);
    const chunks: Buffer[] = [];
    let received = 0;
    let decoded = 0;
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      stream.destroy();
      decoder?.destroy();
      reject(error);
    };
    const finish = () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const take = (chunk: Buffer) => {
      decoded += chunk.length;
      if (decoded > limits.decompressedBytes)
        fail(new BodyTooLarge('maxDecompressedBytes', limits.decompressedBytes));
      else chunks.push(chunk);
    };
    stream.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > limits.responseBytes) fail(new BodyTooLarge('maxResponseBytes', limits.responseBytes));
      else if (decoder) decoder.write(chunk);
      else take(chunk);
    });
    stream.once('end', () => (decoder ? decoder.end() : finish()));
    stream.once('error', fail);
    stream.once('close', () => {
      if (!stream.readableEnded) fail(new Error('the connection closed before the answer was complete'));
    });
    decoder?.on('data', take);
    decoder?.once('end', finish);
    decoder?.once('error', () => fail(new BodyUnreadable(`the answer's ${encoding} encoding is corrupt`)));
  });
}
