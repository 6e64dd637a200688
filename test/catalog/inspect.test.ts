import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { bitex, bitexbit, createClient, kiiex } from '../../src/index.js';

// A provider holds its catalog, and the catalog every endpoint's zod schemas. Printing those in full runs to
// megabytes (a quarter of a second per provider): util.inspect of a catalog shows each endpoint in one line.

const SECRET = 'sEcReT_0123456789abcdef_inspect';
const KEY = 'kEy_0123456789abcdef_inspect';

const providers = {
  bitex: () => bitex({ apiKey: KEY, environment: 'sandbox' }),
  bitexbit: () => bitexbit({ accessKey: KEY, privateKey: SECRET, access: 'withdraw' }),
  kiiex: () => kiiex({ apiKey: KEY, apiSecret: SECRET, userId: 7, environment: 'staging' }),
};

describe('util.inspect of a provider prints its catalog as one line per endpoint', () => {
  for (const [name, make] of Object.entries(providers)) {
    it(`${name}: every endpoint named with its method, path and permission; no schema; no secret`, () => {
      const provider = make();
      const printed = inspect(provider, { depth: 10, showHidden: true });
      const endpoints = Object.keys(provider.catalog);
      for (const endpoint of endpoints) {
        const { method, path, permission } = provider.catalog[endpoint as keyof typeof provider.catalog];
        expect(printed).toContain(`${method} ${path} (${permission})`);
      }
      expect(printed).not.toContain('_zod');
      expect(printed).not.toContain('ZodObject');
      // A line per endpoint and a little more: the schemas would add thousands.
      expect(printed.split('\n').length).toBeLessThan(endpoints.length + 60);
      expect(printed).not.toContain(KEY);
      expect(printed).not.toContain(SECRET);
      expect(inspect(createClient(provider as never), { depth: 10, showHidden: true })).not.toContain(SECRET);
    });
  }
});
