import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { fixture } from '../../fixtures/shape.js';
import { TestClock } from '../../support/clock.js';
import { apPosition } from '../../support/documented.js';
import { CALL_PATH, clientFor, ORDER, PROVIDERS, settings, transportFields } from '../support/clients.js';
import { answeredLogin, closeServers, startHttp, type Trickle, trickle } from '../support/servers.js';
import { unsettledAfter, until, watch } from '../support/turns.js';

afterEach(closeServers);

/** `answer` (an object, or an array whose first item is one) with a `pad` field making it exactly `bytes` long. */
function padded(answer: unknown, bytes: number): string {
  const target = (Array.isArray(answer) ? answer[0] : answer) as Record<string, unknown>;
  target.pad = '';
  target.pad = 'x'.repeat(bytes - Buffer.byteLength(JSON.stringify(answer)));
  return JSON.stringify(answer);
}

/** A JSON answer of exactly `bytes` bytes. */
const answerOf = (bytes: number) => `{"pad":"${'x'.repeat(bytes - 10)}"}`;

/** Whether `error` is the size cap's TransportError naming `limit`. */
const overCap = (error: unknown, limit: 'maxResponseBytes' | 'maxDecompressedBytes') => {
  const got = transportFields(error);
  return got?.networkCode === 'ERR_RESPONSE_TOO_LARGE' && got.message.includes(limit);
};

/** Runs every call to its end (none of them may hang) and returns the errors, in order. */
async function errorsOf(calls: Promise<unknown>[]) {
  const watched = calls.map((call) => watch(call));
  const hung = await unsettledAfter(watched);
  return { hung, errors: watched.map((call) => call.error) };
}

describe('maxResponseBytes', () => {
  it('0 of 6 answers of 20 KB get past maxResponseBytes 10_000 (3 providers, with and without Content-Length)', async () => {
    const calls: Promise<unknown>[] = [];
    for (const chunked of [false, true]) {
      const server = await startHttp((arrival, res) => {
        if (answeredLogin(arrival, res)) return;
        const text = answerOf(20_000);
        res.writeHead(200, {
          'content-type': 'application/json',
          ...(chunked ? {} : { 'content-length': Buffer.byteLength(text) }),
        });
        res.end(text);
      });
      for (const provider of PROVIDERS) {
        const { call } = clientFor(
          provider,
          server.origin,
          settings({ clock: new TestClock(), maxResponseBytes: 10_000 }),
        );
        calls.push(call());
      }
    }
    const { hung, errors } = await errorsOf(calls);
    expect(hung).toBe(0);
    const gotPast = errors.filter((error) => !overCap(error, 'maxResponseBytes')).length;
    expect(gotPast).toBe(0);
    // The request was sent and an answer started: the outcome is unknown, not 'not-sent'.
    expect(errors.filter((error) => transportFields(error)?.outcome !== 'unknown').length).toBe(0);
  });

  it('the cap is exact: 3 of 3 providers read an answer of exactly maxResponseBytes, 0 of 3 one byte over it', async () => {
    // Each provider's documented answer to its call, padded with an extra field to the same 10_000 bytes.
    const size = 10_000;
    const texts: Record<string, string> = {
      [CALL_PATH.bitex]: padded(fixture('bitex/users-me.json'), size),
      [CALL_PATH.bitexbit]: padded(fixture('bitexbit/order-create.json'), size),
      [CALL_PATH.kiiex]: padded([apPosition('BTC', 1, 1)], size),
    };
    const server = await startHttp((arrival, res) => {
      if (answeredLogin(arrival, res)) return;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(texts[arrival.path]);
    });
    const read = async (maxResponseBytes: number) => {
      const results = await Promise.allSettled(
        PROVIDERS.map((provider) =>
          clientFor(provider, server.origin, settings({ clock: new TestClock(), maxResponseBytes })).call(),
        ),
      );
      return results.filter((result) => result.status === 'fulfilled').length;
    };
    expect(await read(size)).toBe(3);
    expect(await read(size - 1)).toBe(0);
  });

  it('0 of 2 endless answers are read past their cap (10_000 and the default 8 MiB): the client hangs up, and both fail naming maxResponseBytes', async () => {
    // The server streams 64 KiB a turn until the connection closes; the bound (64 MiB) only stops a failing test.
    const streams: Trickle[] = [];
    const bound = 64 * 1024 * 1024;
    const server = await startHttp((_arrival, res) => {
      streams.push(trickle(res, { chunkBytes: 64 * 1024, maxBytes: bound }));
    });
    const errors = await Promise.all(
      [{ maxResponseBytes: 10_000 }, {}].map((caps) =>
        clientFor('bitex', server.origin, settings({ clock: new TestClock(), ...caps }))
          .call()
          .catch((error: unknown) => error),
      ),
    );
    await until(() => streams.length === 2 && streams.every((stream) => stream.stopped), 'the streams stop');
    const readToTheBound = streams.filter((stream) => stream.written >= bound).length;
    expect(readToTheBound).toBe(0);
    expect(errors.filter((error) => transportFields(error)?.outcome !== 'unknown').length).toBe(0);
    expect(errors.filter((error) => !overCap(error, 'maxResponseBytes')).length).toBe(0);
  });
});

describe('maxDecompressedBytes', () => {
  const zeros = Buffer.alloc(1024 * 1024, '0');
  const bombs = [
    { encoding: 'gzip', body: gzipSync(zeros) },
    { encoding: 'deflate', body: deflateSync(zeros) },
    { encoding: 'br', body: brotliCompressSync(zeros) },
  ];

  it('0 of 3 bombs (1 MB of zeros as gzip, deflate, br) get past maxDecompressedBytes 100_000; 3 of 3 fail naming it', async () => {
    expect(bombs.every((bomb) => bomb.body.length < 10_000)).toBe(true);
    const calls: Promise<unknown>[] = [];
    for (const bomb of bombs) {
      const server = await startHttp((_arrival, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': bomb.encoding });
        res.end(bomb.body);
      });
      calls.push(
        clientFor(
          'bitex',
          server.origin,
          settings({ clock: new TestClock(), maxDecompressedBytes: 100_000 }),
        ).call(),
      );
    }
    const { hung, errors } = await errorsOf(calls);
    expect(hung).toBe(0);
    const gotPast = errors.filter((error) => !overCap(error, 'maxDecompressedBytes')).length;
    expect(gotPast).toBe(0);
  });

  it('a 64 MB gzip bomb (64 KB on the wire) fails naming maxDecompressedBytes under the default 32 MiB cap', async () => {
    const body = gzipSync(Buffer.alloc(64 * 1024 * 1024, '0'), { level: 9 });
    expect(body.length).toBeLessThan(100_000);
    const server = await startHttp((_arrival, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(body);
    });
    const error = await clientFor('bitex', server.origin, settings({ clock: new TestClock() }))
      .call()
      .catch((caught: unknown) => caught);
    expect(overCap(error, 'maxDecompressedBytes')).toBe(true);
  });
});

describe('an answer over a cap is never a reason to send again', () => {
  const bodies = {
    bitex: {
      method: 'POST',
      path: '/bids',
      body: { data: { type: 'bids', attributes: { orderbook_code: 'btc_usd', amount: 1, price: 1 } } },
    },
    bitexbit: { method: 'POST', path: '/api/v2/private/order/create', body: ORDER },
    kiiex: {
      method: 'POST',
      path: '/SendOrder',
      body: { OMSId: 1, AccountId: 7, InstrumentId: 1, Side: 0, Quantity: 0.01, OrderType: 1 },
    },
  } as const;
  const reachedAt = { bitex: '/api/bids', bitexbit: CALL_PATH.bitexbit, kiiex: '/ap/SendOrder' } as const;

  it('3 of 3 non-idempotent POSTs whose answer is over the cap reached the exchange exactly once (retries on)', async () => {
    const server = await startHttp((arrival, res) => {
      if (answeredLogin(arrival, res)) return;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(answerOf(20_000));
    });
    const retrying = { retries: 2, minDelayMs: 5, maxDelayMs: 10, maxElapsedMs: 60_000 };
    const errors: unknown[] = [];
    for (const provider of PROVIDERS) {
      const { client } = clientFor(
        provider,
        server.origin,
        settings({ clock: new TestClock(), retry: retrying, maxResponseBytes: 10_000 }),
      );
      errors.push(await client.request(bodies[provider]).catch((error: unknown) => error));
    }
    // Each ended in a TransportError with outcome 'unknown' (the request was sent; the answer was refused).
    expect(errors.filter((error) => transportFields(error)?.outcome !== 'unknown').length).toBe(0);
    const sentOnce = PROVIDERS.filter((provider) => server.count(reachedAt[provider]) === 1).length;
    expect(sentOnce).toBe(3);

    // The control: the same retry policy does repeat an idempotent GET, so the "once" above is the rule at work.
    const { call } = clientFor(
      'bitex',
      server.origin,
      settings({ clock: new TestClock(), retry: retrying, maxResponseBytes: 10_000 }),
    );
    await call().catch(() => undefined);
    expect(server.count(CALL_PATH.bitex)).toBe(3);
  });
});
