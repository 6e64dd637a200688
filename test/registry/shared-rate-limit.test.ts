import { afterEach, describe, expect, it } from 'vitest';
import { type BitexbitSandbox, startBitexbitSandbox } from '../../src/testing/index.js';
import { WatchedClock } from '../sandbox/watched-clock.js';
import { cjs, esm, registry } from './copies.js';

// bitexbit allows 2 private calls per second per key: every client of the key counts against the same 2.
let sandbox: BitexbitSandbox | undefined;
afterEach(() => sandbox?.close());

const balance = { method: 'GET', path: '/api/v2/private/balance' } as const;

async function bench() {
  const clock = new WatchedClock({ auto: false });
  sandbox = await startBitexbitSandbox({ clock });
  const started = sandbox;
  const clientOf = (library: typeof esm, settings: { rateLimit?: number } = {}) =>
    library.createClient(library.bitexbit({ ...started.credentials.read, baseURL: started.baseURL }), {
      clock,
      retry: false,
      ...settings,
    });
  return { clock, sandbox: started, clientOf };
}

describe('clients of one key and one rate share one limiter', () => {
  it('two clients, 4 requests: 2 reach the exchange before the clock moves 1 s, the other 2 after', async () => {
    const { clock, sandbox, clientOf } = await bench();
    const a = clientOf(esm);
    const b = clientOf(esm);
    const all = Promise.all([a.request(balance), b.request(balance), a.request(balance), b.request(balance)]);
    await Promise.race([clock.sleepsAsked(1), all]);
    expect(sandbox.log).toHaveLength(2);
    await clock.advance(999);
    expect(sandbox.log).toHaveLength(2);
    await clock.advance(1);
    expect((await all).map((response) => response.status)).toEqual([200, 200, 200, 200]);
    const start = sandbox.log[0]?.at ?? 0;
    expect(sandbox.log.map((entry) => entry.at - start)).toEqual([0, 0, 1000, 1000]);
  });

  it('an ESM and a CJS client of the key share it too', async () => {
    const { clock, sandbox, clientOf } = await bench();
    const a = clientOf(esm);
    const b = clientOf(cjs);
    const all = Promise.all([a.request(balance), b.request(balance), b.request(balance), a.request(balance)]);
    await Promise.race([clock.sleepsAsked(1), all]);
    expect(sandbox.log).toHaveLength(2);
    await clock.advance(1000);
    await all;
    expect(sandbox.log).toHaveLength(4);
  });

  it('another rate is another limiter: a client with rateLimit 4 does not wait for the 2/s ones', async () => {
    const { clock, sandbox, clientOf } = await bench();
    const slow = clientOf(esm);
    const fast = clientOf(esm, { rateLimit: 4 });
    await Promise.all([slow.request(balance), slow.request(balance)]);
    await Promise.all([fast.request(balance), fast.request(balance)]);
    expect(clock.sleeps).toEqual([]);
    expect(sandbox.log).toHaveLength(4);
  });

  it('a limiter is dropped once its window is idle; a key used later gets a new one', async () => {
    const { clock, sandbox, clientOf } = await bench();
    const limiters = () => new Set(registry()?.rateLimits.keys());
    const before = limiters();
    const client = clientOf(esm);
    await Promise.all([client.request(balance), client.request(balance)]);
    const mine = [...limiters()].filter((key) => !before.has(key));
    expect(mine).toHaveLength(1);

    // Still within its window: a new key's limiter leaves it. A window later, the next new limiter sweeps it.
    const later = (access: 'read' | 'trade') =>
      esm
        .createClient(esm.bitexbit({ ...sandbox.addKey({ access }), baseURL: sandbox.baseURL }), {
          clock,
          retry: false,
        })
        .request(balance);
    await later('read');
    expect(limiters().has(mine[0] ?? '')).toBe(true);
    await clock.advance(1000);
    await later('trade');
    expect(limiters().has(mine[0] ?? '')).toBe(false);
    expect(clock.sleeps).toEqual([]);
  });
});
