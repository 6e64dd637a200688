import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as publicApi from '../../src/index.js';

// The built-in providers are written with the same API a third party gets: whatever they import from the
// rest of the library must be exported from the package root.
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const IMPORT = /import\s+(type\s+)?\{([^}]*)\}\s+from\s+'([^']+)'/g;

describe('src/providers uses only the public API', () => {
  const exported = new Set(Object.keys(publicApi));
  const indexText = readFileSync('src/index.ts', 'utf8');

  it('every value and type imported from outside src/providers is exported from the package root', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const file of files('src/providers')) {
      for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const [, allTypes, names, from] = match;
        if (!from?.startsWith('.')) continue;
        const resolved = join(file, '..', from);
        if (resolved.startsWith('src/providers')) continue;
        for (const raw of names?.split(',') ?? []) {
          const text = raw.trim();
          if (!text) continue;
          const isType = Boolean(allTypes) || text.startsWith('type ');
          const name = text.replace(/^type\s+/, '').split(/\s+as\s+/)[0] ?? '';
          checked += 1;
          const ok = isType ? new RegExp(`\\b${name}\\b`).test(indexText) : exported.has(name);
          if (!ok) missing.push(`${file}: ${name} from ${from}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(30);
    expect(missing).toEqual([]);
  });
});
