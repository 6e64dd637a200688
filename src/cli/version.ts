import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The version of exchange-auth, read at run time from the package.json above this file (dist/cli/main.js when
 * built, src/cli/version.ts in tests), so it is the version installed, not the one of the build machine.
 */
export function packageVersion(from: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(from));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
      if (manifest.name === 'exchange-auth' && typeof manifest.version === 'string') return manifest.version;
    } catch {
      // no package.json here, or not ours: look one folder up
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the package.json of exchange-auth');
    dir = parent;
  }
}
