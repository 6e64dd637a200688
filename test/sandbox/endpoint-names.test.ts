import { describe, expect, it } from 'vitest';
import { alphapointCatalog } from '../../src/providers/alphapoint/catalog.js';
import { bitexCatalog } from '../../src/providers/bitex/catalog.js';
import { bitexbitCatalog } from '../../src/providers/bitexbit/catalog.js';
import { PRIVATE_CALLS, PUBLIC_CALLS } from '../../src/testing/alphapoint/calls.js';
import { ENDPOINT_NAMES as BITEX_NAMES } from '../../src/testing/bitex/endpoints.js';
import { ENDPOINT_NAMES as BITEXBIT_NAMES } from '../../src/testing/bitexbit/endpoints.js';

// The sandboxes cannot import the providers (test/architecture/layers.test.ts), so each keeps its own table of
// catalog names; this checks each name against the catalog, method and path template alike.
const shape = (route: string) => route.replace(/:[A-Za-z_]+/g, ':param');
function catalogRoutes(catalog: object, prefix: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(catalog).map(([name, entry]: [string, { method: string; path: string }]) => [
      name,
      shape(`${entry.method} ${prefix}${entry.path}`),
    ]),
  );
}

describe('the endpoint names the sandboxes log are the catalog names', () => {
  it.each([
    ['bitexbit', BITEXBIT_NAMES, catalogRoutes(bitexbitCatalog, '')],
    ['Bitex', BITEX_NAMES, catalogRoutes(bitexCatalog, '/api')],
  ])('%s: each route names the catalog entry with its method and path', (_, names, catalog) => {
    const wrong = Object.entries(names).filter(([route, name]) => catalog[name] !== shape(route));
    expect(wrong).toEqual([]);
    expect(Object.keys(names).length).toBeGreaterThan(10);
  });

  it('AlphaPoint: every function the sandbox serves is a catalog name', () => {
    const served = [...Object.keys(PUBLIC_CALLS), ...Object.keys(PRIVATE_CALLS)];
    expect(served.filter((name) => !(name in alphapointCatalog))).toEqual([]);
  });
});
