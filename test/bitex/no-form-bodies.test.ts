import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { bitex, bitexbit, createClient, kiiex, ResponseValidationError } from '../../src/index.js';
import { TestClock } from '../support/clock.js';

// No request of any provider goes out form-urlencoded. axios 1.21 gives a POST, PUT or PATCH without a body
// `Content-Type: application/x-www-form-urlencoded` (lib/core/dispatchRequest.js), so the transport sends a
// body-less request with no Content-Type and no body, and one with a body byte for byte as prepared. A raw
// loopback server records the headers and bytes exactly as they arrive. (Every provider is covered here; the
// file lives with Bitex, whose empty POSTs were the ones that went out as forms.)

interface Seen {
  readonly method: string;
  readonly url: string;
  /** Raw header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

async function recorder() {
  const seen: Seen[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const headers: Record<string, string> = {};
      for (let i = 0; i + 1 < request.rawHeaders.length; i += 2) {
        headers[(request.rawHeaders[i] ?? '').toLowerCase()] = request.rawHeaders[i + 1] ?? '';
      }
      seen.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"data":[]}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, seen };
}

const settings = () => ({ rateLimit: false as const, retry: false as const, clock: new TestClock() });

/** Sends a request; the recorder's one answer may not fit the endpoint's documented schema, which is not the point. */
async function sent(request: Promise<unknown>): Promise<void> {
  await request.catch((error: unknown) => {
    if (!(error instanceof ResponseValidationError)) throw error;
  });
}

/** No Content-Type and no bytes: what a request without a body must look like on the wire. */
function expectNoBody(request: Seen | undefined) {
  expect(request?.headers).not.toHaveProperty('content-type');
  expect(request?.headers).not.toHaveProperty('transfer-encoding');
  expect(request?.body).toBe('');
}

function expectNeverAForm(seen: readonly Seen[]) {
  expect(seen.length).toBeGreaterThan(0);
  for (const request of seen) expect(request.headers['content-type'] ?? '').not.toMatch(/form/i);
}

describe('a GET and an empty POST of each provider, as the wire sees them', () => {
  it('bitex: GET with neither; an empty POST as {} application/vnd.api+json', async () => {
    const { origin, seen } = await recorder();
    const client = createClient(bitex({ apiKey: 'wire_key_0123', baseURL: `${origin}/api` }), settings());
    await sent(client.call('tickers.list'));
    await sent(client.request({ method: 'POST', path: '/orders/cancel' }));
    const [get, post] = seen;
    expectNoBody(get);
    expect(post?.headers['content-type']).toBe('application/vnd.api+json');
    expect(post?.body).toBe('{}');
    expectNeverAForm(seen);
  });

  it('bitexbit: GET with neither; an empty POST as {} application/json; charset=utf-8', async () => {
    const { origin, seen } = await recorder();
    const provider = bitexbit({
      accessKey: 'ak_wire_0123',
      privateKey: 'sk_wire_4567',
      access: 'trade',
      baseURL: origin,
    });
    const client = createClient(provider, settings());
    await sent(client.call('balance.get'));
    await sent(client.request({ method: 'POST', path: '/api/v2/private/order/7/cancel' }));
    const [get, post] = seen;
    expectNoBody(get);
    expect(post?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(post?.body).toBe('{}');
    expectNeverAForm(seen);
  });

  it('kiiex (AlphaPoint): GET with neither; an empty POST as {} application/json', async () => {
    const { origin, seen } = await recorder();
    const provider = kiiex({
      apiKey: 'ap_key_0123',
      apiSecret: 'ap_secret_4567',
      userId: 7,
      baseURL: `${origin}/ap`,
    });
    const client = createClient(provider, settings());
    await sent(client.request({ method: 'GET', path: '/GetProducts', permission: 'public' }));
    await sent(client.request({ method: 'POST', path: '/GetProducts', permission: 'public' }));
    const [get, post] = seen;
    expectNoBody(get);
    expect(post?.headers['content-type']).toBe('application/json');
    expect(post?.body).toBe('{}');
    expectNeverAForm(seen);
  });
});

describe("the transport itself: a request without a body never gets axios's form default", () => {
  /** A provider with no `prepare` step: nothing fills an empty body before the transport. */
  function bare(origin: string) {
    const { prepare: _prepare, ...provider } = bitex({ apiKey: 'wire_key_0123', baseURL: `${origin}/api` });
    return createClient(provider, settings());
  }

  it('POST, PUT and PATCH without a body: no Content-Type, no body', async () => {
    const { origin, seen } = await recorder();
    const client = bare(origin);
    for (const method of ['POST', 'PUT', 'PATCH'] as const) {
      await sent(client.request({ method, path: '/anything', permission: 'public' }));
    }
    expect(seen.map((request) => request.method)).toEqual(['POST', 'PUT', 'PATCH']);
    for (const request of seen) {
      expectNoBody(request);
      expect(request.headers['content-length']).toBe('0');
    }
  });

  it('a Content-Type the caller set on a request without a body is not sent either', async () => {
    const { origin, seen } = await recorder();
    const client = bare(origin);
    const headers = { 'Content-Type': 'application/json' };
    await sent(client.request({ method: 'GET', path: '/anything', permission: 'public', headers }));
    await sent(client.request({ method: 'POST', path: '/anything', permission: 'public', headers }));
    for (const request of seen) expectNoBody(request);
  });

  it('while a request with a body goes byte for byte, with its own Content-Type', async () => {
    const { origin, seen } = await recorder();
    const client = bare(origin);
    const body = 'a=1&b=%C3%A9 {"x": "é"}';
    const headers = { 'Content-Type': 'text/plain; charset=utf-8' };
    await sent(client.request({ method: 'POST', path: '/anything', permission: 'public', body, headers }));
    await sent(client.request({ method: 'PUT', path: '/anything', permission: 'public', body: { n: 1 } }));
    const [text, json] = seen;
    expect(text?.body).toBe(body);
    expect(text?.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(text?.headers['content-length']).toBe(String(Buffer.byteLength(body)));
    expect(json?.body).toBe('{"n":1}');
    expect(json?.headers['content-type']).toBe('application/json');
  });
});
