import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The tree is the architecture: each layer may import only the layers below it.
function files(dir: string, ending: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, ending) : ending.test(path) ? [path] : [];
  });
}

const SPECIFIER = /(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g;

/** Every relative import of every source file, as `src/`-relative paths. */
function imports(): { file: string; target: string }[] {
  return files('src', /\.ts$/).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(SPECIFIER)].map((match) => ({
      file: relative('src', file),
      target: relative('src', join(dirname(file), match[1] ?? '')),
    })),
  );
}

const layerOf = (path: string) => (path.includes('/') ? path.split('/')[0] : path.replace(/\.ts$/, ''));

/** What each layer may import besides itself. */
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  strategies: ['core'],
  toolkit: ['core'],
  providers: ['core', 'strategies', 'toolkit'],
  pipeline: ['core'],
  client: ['core', 'pipeline'],
  testing: [],
};

describe('layers', () => {
  const all = imports();

  it('each layer imports only the layers below it', () => {
    const wrong = all
      .filter(({ file, target }) => {
        const from = layerOf(file) ?? '';
        const to = layerOf(target) ?? '';
        const allowed = ALLOWED[from];
        return allowed !== undefined && from !== to && !allowed.includes(to);
      })
      .filter(({ file, target }) => !(file.startsWith('testing/') && target === 'core/path-template.js'))
      .map(({ file, target }) => `${file} → ${target}`);
    expect(all.length).toBeGreaterThan(100);
    expect(wrong).toEqual([]);
  });

  it('a provider knows no other provider', () => {
    const providerOf = (path: string) => path.split('/')[1];
    const wrong = all
      .filter(({ file, target }) => file.startsWith('providers/') && target.startsWith('providers/'))
      .filter(({ file, target }) => providerOf(file) !== providerOf(target))
      .map(({ file, target }) => `${file} → ${target}`);
    expect(wrong).toEqual([]);
  });

  it('the pipeline names no exchange', () => {
    const named = files('src/pipeline', /\.ts$/).filter((file) =>
      /bitex|alphapoint|kiiex|ndax/i.test(readFileSync(file, 'utf8')),
    );
    expect(named).toEqual([]);
  });
});

describe('file sizes', () => {
  const lines = (file: string) => readFileSync(file, 'utf8').split('\n').length;

  it('no source file is over 300 lines', () => {
    expect(files('src', /\.ts$/).filter((file) => lines(file) > 300)).toEqual([]);
  });

  it('no test file is over 400 lines', () => {
    expect(files('test', /\.ts$/).filter((file) => lines(file) > 400)).toEqual([]);
  });
});
