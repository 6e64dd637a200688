import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildOnce, lazyCatalog } from '../../src/index.js';

// What the proxy holds, seen without going through it (showProxy reads the target directly).
const heldEntries = (catalog: object) =>
  inspect(catalog, { showProxy: true, customInspect: false, depth: 1 }).match(/'[a-z]+\.[A-Za-z]+'/g) ?? [];

describe('lazyCatalog', () => {
  const entries = () =>
    ({
      'orders.list': { method: 'GET', path: '/orders', permission: 'read', idempotent: true },
      'orders.create': { method: 'POST', path: '/orders', permission: 'trade', idempotent: false },
    }) as const;

  it('builds nothing until the catalog is read, then builds once', () => {
    let builds = 0;
    const catalog = lazyCatalog(() => {
      builds += 1;
      return entries();
    });
    expect(builds).toBe(0);
    expect(heldEntries(catalog)).toEqual([]);

    expect(catalog['orders.create'].method).toBe('POST');
    expect(Object.keys(catalog)).toEqual(['orders.list', 'orders.create']);
    expect('orders.list' in catalog).toBe(true);
    expect(Object.entries(catalog).map(([name, entry]) => `${name} ${entry.path}`)).toEqual([
      'orders.list /orders',
      'orders.create /orders',
    ]);
    expect(builds).toBe(1);
  });

  it('is built by any first read: its names, `in`, or inspecting it', () => {
    for (const read of [
      (catalog: object) => Object.keys(catalog).length,
      (catalog: object) => 'orders.list' in catalog,
      (catalog: object) => inspect(catalog),
    ]) {
      let builds = 0;
      const catalog = lazyCatalog(() => {
        builds += 1;
        return entries();
      });
      read(catalog);
      expect(builds).toBe(1);
      expect(inspect(catalog)).toContain("'orders.create': 'POST /orders (trade)'");
    }
  });
});

describe('buildOnce', () => {
  it('runs its builder on the first call only and returns that result ever after', () => {
    let builds = 0;
    const schemas = buildOnce(() => ({ built: ++builds }));
    expect(builds).toBe(0);
    const first = schemas();
    expect(schemas()).toBe(first);
    expect(builds).toBe(1);
  });
});

describe('the built-in catalogs', () => {
  it('are not built by importing the library, and each is built by its first read', async () => {
    // A fresh module registry per test file: nothing here has read a catalog yet.
    const library = await import('../../src/index.js');
    const catalogs = [library.bitexCatalog, library.bitexbitCatalog, library.alphapointCatalog];
    for (const catalog of catalogs) expect(heldEntries(catalog)).toEqual([]);

    expect(library.bitexCatalog['bids.create'].path).toBe('/bids');
    expect(heldEntries(library.bitexCatalog)).toContain("'bids.create'");
    expect(heldEntries(library.alphapointCatalog)).toEqual([]);
  });
});
