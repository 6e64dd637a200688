import { gzipSync } from 'node:zlib';
import axios from 'axios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bitexbit, createClient, TransportError } from '../../src/index.js';
import { type BitexbitSandbox, startBitexbitSandbox } from '../../src/testing/index.js';
import { closeServers, startHttp } from '../faults/support/servers.js';
import { thrown } from '../support/leaks.js';

// A user's axios instance on axios's documented `fetch` adapter: the answer comes back as a web ReadableStream,
// which used to be read as the text "[object ReadableStream]". It is read under the same caps as a Node stream.

const ORDER = { symbol: 'BTC_USD', type: 'buy-limit', price: '100', amount: '0.01' } as const;
let sandbox: BitexbitSandbox;
beforeAll(async () => {
  sandbox = await startBitexbitSandbox();
});
afterAll(async () => {
  await sandbox.close();
  await closeServers();
});

const onFetch = (baseURL: string, options: Parameters<typeof createClient>[1] = {}) =>
  createClient(bitexbit({ ...sandbox.addKey({ access: 'trade' }), baseURL }), {
    axios: axios.create({ adapter: 'fetch' }),
    rateLimit: false,
    ...options,
  });

describe("a user's axios on the fetch adapter", () => {
  it('reads the sandbox balance (4 holdings) and places an order executed 1×', async () => {
    const client = onFetch(sandbox.baseURL);
    const balance = await client.call('balance.get');
    expect(balance.data.map((holding) => holding.symbol).sort()).toEqual(['BTC', 'ETH', 'USD', 'USDT']);
    const before = sandbox.executions('POST /api/v2/private/order/create');
    const created = await client.call('orders.create', { body: ORDER });
    expect(created.drift).toBeUndefined();
    expect(sandbox.executions('POST /api/v2/private/order/create') - before).toBe(1);
  });

  it('a gzip answer, which fetch decodes itself, is read once (not decoded twice)', async () => {
    const text = JSON.stringify([{ symbol: 'BTC', available: '1', reserved: '0' }]);
    const server = await startHttp((_arrival, res) => {
      const zipped = gzipSync(text);
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'content-length': zipped.length,
      });
      res.end(zipped);
    });
    const balance = await onFetch(server.origin).call('balance.get');
    expect(balance.data).toEqual(JSON.parse(text));
  });

  it('an answer over maxDecompressedBytes is refused with the limit named, not read whole', async () => {
    const server = await startHttp((_arrival, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify([{ symbol: 'X'.repeat(10_000), available: '1', reserved: '0' }]));
    });
    const error = await thrown(() =>
      onFetch(server.origin, { maxResponseBytes: 1_000, maxDecompressedBytes: 1_000 }).call('balance.get'),
    );
    expect(error).toBeInstanceOf(TransportError);
    expect((error as Error).message).toMatch(/max(Response|Decompressed)Bytes/);
  });
});
