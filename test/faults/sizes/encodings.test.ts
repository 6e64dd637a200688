import type { ServerResponse } from 'node:http';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { TestClock } from '../../support/clock.js';
import { clientFor, settings, transportFields } from '../support/clients.js';
import { closeServers, startHttp } from '../support/servers.js';

afterEach(closeServers);

/** A varied JSON document (~60 KB: numbers, unicode, nesting) that compresses well but not trivially. */
const DOCUMENT = {
  data: Array.from({ length: 400 }, (_, index) => ({
    id: String(index),
    type: 'accounts',
    attributes: {
      balance: (index * 1.37).toFixed(8),
      note: `cuenta nº ${index} – ¡señal! ✓ 账户`,
      tags: [index % 7, index % 11],
    },
  })),
};
const TEXT = JSON.stringify(DOCUMENT);

const ENCODERS: Record<string, (input: Buffer) => Buffer> = {
  gzip: (input) => gzipSync(input),
  deflate: (input) => deflateSync(input),
  br: (input) => brotliCompressSync(input),
};

/** Sends `body` under `encoding` in 1 KiB pieces, one a turn, so the client decodes a real stream. */
function sendInPieces(res: ServerResponse, encoding: string | undefined, body: Buffer): void {
  res.writeHead(200, {
    'content-type': 'application/json',
    'content-length': body.length,
    ...(encoding ? { 'content-encoding': encoding } : {}),
  });
  let at = 0;
  const step = () => {
    if (res.destroyed) return;
    if (at >= body.length) {
      res.end();
      return;
    }
    res.write(body.subarray(at, at + 1024));
    at += 1024;
    setImmediate(step);
  };
  step();
}

/**
 * A server answering every request with `body` under `encoding`, and a Bitex call of a path outside the catalog
 * (so no answer schema applies to this made-up document).
 */
async function answering(encoding: string | undefined, body: Buffer) {
  const server = await startHttp((_arrival, res) => sendInPieces(res, encoding, body));
  const { client } = clientFor('bitex', server.origin, settings({ clock: new TestClock() }));
  return () => client.request({ method: 'GET', path: '/reports/raw', permission: 'read' });
}

describe('compressed answers within the caps', () => {
  it('4 of 4 answers (identity, gzip, deflate, br) decode to exactly what the server compressed', async () => {
    const decoded: Record<string, unknown> = {};
    for (const encoding of [undefined, ...Object.keys(ENCODERS)]) {
      const body = encoding
        ? (ENCODERS[encoding] as (input: Buffer) => Buffer)(Buffer.from(TEXT))
        : Buffer.from(TEXT);
      if (encoding) expect(body.length).toBeLessThan(TEXT.length / 3);
      const call = await answering(encoding, body);
      decoded[encoding ?? 'identity'] = (await call()).data;
    }
    const mismatched = Object.entries(decoded)
      .filter(([, data]) => JSON.stringify(data) !== TEXT)
      .map(([encoding]) => encoding);
    expect(mismatched).toEqual([]);
    expect(decoded.gzip).toEqual(DOCUMENT);
  });

  it('the caps count what they say: 60 KB decoded from ~10 KB passes maxResponseBytes 20_000 and maxDecompressedBytes = its size', async () => {
    const body = gzipSync(Buffer.from(TEXT));
    const server = await startHttp((_arrival, res) => sendInPieces(res, 'gzip', body));
    const { client } = clientFor(
      'bitex',
      server.origin,
      settings({
        clock: new TestClock(),
        maxResponseBytes: 20_000,
        maxDecompressedBytes: Buffer.byteLength(TEXT),
      }),
    );
    expect(body.length).toBeLessThan(20_000);
    const response = await client.request({ method: 'GET', path: '/reports/raw', permission: 'read' });
    expect(response.data).toEqual(DOCUMENT);
  });
});

describe('answers whose compression is broken', () => {
  const gzip = gzipSync(Buffer.from(TEXT));
  const corrupt = Buffer.from(gzip);
  // Keep the gzip header, scramble the deflate stream after it.
  for (let at = 20; at < corrupt.length - 8; at += 7) corrupt[at] = (corrupt[at] as number) ^ 0xa5;
  const broken = [
    { name: 'gzip: garbage', encoding: 'gzip', body: Buffer.from('this is not gzip at all, just text') },
    { name: 'gzip: corrupt stream', encoding: 'gzip', body: corrupt },
    { name: 'gzip: cut off', encoding: 'gzip', body: gzip.subarray(0, Math.floor(gzip.length / 2)) },
    // RFC 9110's deflate is the zlib format; a bare deflate stream is not it.
    { name: 'deflate: no zlib header', encoding: 'deflate', body: deflateRawSync(Buffer.from(TEXT)) },
    { name: 'br: garbage', encoding: 'br', body: Buffer.from([0xff, 0xff, 0xff, 0xff, 0x00, 0x01, 0x02]) },
  ];

  it('5 of 5 broken encodings fail cleanly: TransportError ERR_BAD_RESPONSE, none resolves', async () => {
    const results: { name: string; networkCode: string | undefined; outcome: string | undefined }[] = [];
    for (const { name, encoding, body } of broken) {
      const call = await answering(encoding, body);
      const error = await call().then(
        () => undefined,
        (caught: unknown) => caught,
      );
      const got = transportFields(error);
      results.push({ name, networkCode: got?.networkCode, outcome: got?.outcome });
    }
    const notClean = results.filter((result) => result.networkCode !== 'ERR_BAD_RESPONSE');
    expect(notClean).toEqual([]);
    // An answer came, so the request reached the exchange: the outcome is unknown.
    expect(results.filter((result) => result.outcome !== 'unknown')).toEqual([]);
  });
});
