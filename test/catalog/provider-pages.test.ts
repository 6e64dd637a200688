import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/index.js';
import { alphapointCatalog } from '../../src/providers/alphapoint/catalog.js';
import { bitexCatalog } from '../../src/providers/bitex/catalog.js';
import { bitexbitCatalog } from '../../src/providers/bitexbit/catalog.js';

// Each provider page links to its generated endpoints page (kept current by `scripts/endpoint-docs.mjs --check` in
// CI) and says for how many endpoints the permission is the catalog's reading rather than the exchange's word.

const page = (name: string) =>
  readFileSync(new URL(`../../docs/providers/${name}.md`, import.meta.url), 'utf8');
const undocumented = (catalog: Catalog) =>
  Object.entries(catalog).filter(([, endpoint]) => endpoint.permissionDocumented === false);

const PAGES: ReadonlyArray<readonly [string, string, Catalog]> = [
  ['bitex', 'bitex-endpoints', bitexCatalog],
  ['bitexbit', 'bitexbit-endpoints', bitexbitCatalog],
  ['kiiex', 'alphapoint-endpoints', alphapointCatalog],
  ['alphapoint', 'alphapoint-endpoints', alphapointCatalog],
];

describe('provider pages: the endpoints page, and where a permission is not documented', () => {
  for (const [name, endpoints, catalog] of PAGES) {
    it(`${name}.md links to ${endpoints}.md and counts the undocumented permissions right`, () => {
      const text = page(name);
      expect(text).toContain(`](${endpoints}.md)`);
      const total = Object.keys(catalog).length;
      expect(text).toContain(`${undocumented(catalog).length} of the ${total}`);
    });
  }

  it('bitexbit.md names each endpoint whose permission is not documented, with the permission read', () => {
    const text = page('bitexbit');
    for (const [name, endpoint] of undocumented(bitexbitCatalog)) {
      expect(text.replace(/\s+/g, ' ')).toContain(`\`${name}\` (${endpoint.permission})`);
    }
  });
});
