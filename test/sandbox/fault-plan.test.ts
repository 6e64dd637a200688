import { afterEach, describe, expect, it } from 'vitest';
import { type LoopbackServer, startHttpServer } from '../../src/testing/index.js';

// A server whose routes name themselves: `/orders` is the endpoint 'orders.create', `/depth` 'depth.get'.
let server: LoopbackServer;
afterEach(() => server.close());
async function start() {
  server = await startHttpServer(() => ({ status: 200, body: { ok: true }, executed: true }), {
    identify: ({ method, path }) =>
      path === '/orders'
        ? { endpoint: 'orders.create', route: `${method} /orders` }
        : { endpoint: 'depth.get', route: `${method} /depth` },
  });
}
/** Sends `n` requests to `path`, one after the other; the status of each, or 'dropped'. */
async function send(path: string, n = 1): Promise<Array<number | 'dropped'>> {
  const statuses: Array<number | 'dropped'> = [];
  for (let i = 0; i < n; i += 1) {
    const answer = await fetch(`${server.origin}${path}`, { method: 'POST' }).catch(() => undefined);
    statuses.push(answer?.status ?? 'dropped');
  }
  return statuses;
}

describe('faults aimed by endpoint, route and count', () => {
  it('nth hits only that matching request, counting none of the others', async () => {
    await start();
    const fault = server.inject({ endpoint: 'orders.create', nth: 2, fault: { status: 503 } });
    expect(await send('/depth', 3)).toEqual([200, 200, 200]);
    expect(await send('/orders', 3)).toEqual([200, 503, 200]);
    expect([fault.hits, fault.seen]).toEqual([1, 2]);
    expect(server.outcomes().faults).toEqual({ status: 1 });
  });

  it('after hits every matching request past the count; times limits how many', async () => {
    await start();
    server.inject({ route: 'POST /orders', after: 2, fault: { status: 429 } });
    server.inject({ endpoint: 'depth.get', after: 1, times: 2, fault: 'drop' });
    expect(await send('/orders', 5)).toEqual([200, 200, 429, 429, 429]);
    expect(await send('/depth', 4)).toEqual([200, 'dropped', 'dropped', 200]);
    // A dropped request before the exchange saw it: no status, not executed.
    const dropped = server.log.filter((entry) => entry.fault === 'drop');
    expect(dropped.map((entry) => [entry.status, entry.executed])).toEqual([
      [undefined, false],
      [undefined, false],
    ]);
  });

  it('a route aims by its key, whatever the endpoint', async () => {
    await start();
    server.inject({ route: 'POST /orders', nth: 1, fault: { status: 500 } });
    expect(await send('/orders', 2)).toEqual([500, 200]);
  });

  it('failNext and dropNext still take the next requests of any kind, in the order queued', async () => {
    await start();
    server.failNext(1, { status: 503 });
    server.dropNext({ execute: false });
    expect(await send('/depth', 1)).toEqual([503]);
    expect(await send('/orders', 2)).toEqual(['dropped', 200]);
  });

  it('cancel and clearFaults disarm; a bad spec names the field', async () => {
    await start();
    server.inject({ endpoint: 'orders.create', fault: { status: 503 } }).cancel();
    server.inject({ endpoint: 'depth.get', fault: { status: 503 } });
    server.clearFaults();
    expect(await send('/orders')).toEqual([200]);
    expect(await send('/depth')).toEqual([200]);
    expect(() => server.inject({ nth: 0, fault: 'drop' })).toThrow(/nth/);
    expect(() => server.inject({ nth: 2, times: 2, fault: 'drop' })).toThrow(/nth/);
    expect(() => server.inject({ route: 'orders', fault: 'drop' })).toThrow(/route.*METHOD \/path/);
    expect(() => server.inject({ fault: { status: 42 } })).toThrow(/fault/);
  });

  it('next() resolves from the server as a matching request finishes; until() counts finished ones too', async () => {
    await start();
    const second = server.next({ endpoint: 'orders.create' }, 2);
    const firstDepth = server.next({ endpoint: 'depth.get' });
    await send('/orders', 2);
    expect(await second).toMatchObject({
      endpoint: 'orders.create',
      status: 200,
      executed: true,
      done: true,
    });
    await send('/depth');
    expect(await firstDepth).toMatchObject({ endpoint: 'depth.get', status: 200 });
    expect(await server.until({ endpoint: 'orders.create', status: 200 }, 2)).toBe(server.log[1]);
  });
});
