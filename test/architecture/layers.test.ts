import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
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

/** The layer of a `src/`-relative path: its top folder, or a top-level file's name (`index.js` → `index`). */
const layerOf = (path: string): string => path.split('/')[0]?.replace(/\.[jt]s$/, '') ?? path;

/**
 * What each layer (a folder of src/, or a file at its top) may import besides itself: whole layers, or single
 * files (`core/path-template.js`) where only that file is meant. A layer with no rule here fails the test.
 */
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  strategies: ['core'],
  toolkit: ['core'],
  providers: ['core', 'strategies', 'toolkit', 'socket'],
  pipeline: ['core'],
  // WebSocket plumbing no exchange owns: opening a socket (`ws`, loaded on first use), reconnection backoff, a
  // bounded event buffer. Providers build their gateways on it; it knows no exchange, strategy or pipeline.
  socket: ['core'],
  client: ['core', 'pipeline'],
  // `exchange-auth/redis`: the fleet versions of core's coordination contracts, on the user's Redis client. It
  // knows no exchange, strategy or transport.
  redis: ['core'],
  // `exchange-auth/testing`: sandboxes that answer as the exchanges do, not as this library expects, so they use
  // none of its code but two small helpers checked against published rules (path templates; RFC 4648 base32 and
  // RFC 6238, against the RFC vectors in test/toolkit/totp-code.test.ts), and the list of where each exchange
  // carries credentials, which the providers sign with and the cassette recorder redacts by.
  testing: ['core/path-template.js', 'toolkit/totp-code.js', 'core/wire-credentials.js'],
  // The main entry: the public surface of everything above; never the other entry points or the command.
  index: ['core', 'strategies', 'toolkit', 'providers', 'pipeline', 'client', 'socket'],
  // The command: a user of the public API (index.ts) and of the sandboxes, plus a few internals of core and
  // toolkit it shares with them; never a provider, strategy, pipeline or client file directly.
  cli: ['index', 'core', 'toolkit', 'testing'],
};

/** The layers of src/ as they are on disk: its folders and its top-level files. */
const LAYERS = readdirSync('src').map((name) => name.replace(/\.ts$/, ''));

describe('layers', () => {
  const all = imports();

  it('each layer imports only the layers below it', () => {
    const wrong = all
      .filter(({ file, target }) => {
        const from = layerOf(file);
        const to = layerOf(target);
        const allowed = ALLOWED[from] ?? [];
        return from !== to && !allowed.includes(to) && !allowed.includes(target);
      })
      .map(({ file, target }) => `${file} → ${target}`);
    expect(all.length).toBeGreaterThan(100);
    expect(wrong).toEqual([]);
  });

  it('every folder and top-level file of src/ has a rule, and every rule a layer', () => {
    expect(LAYERS.filter((layer) => ALLOWED[layer] === undefined)).toEqual([]);
    expect(Object.keys(ALLOWED).filter((layer) => !LAYERS.includes(layer))).toEqual([]);
    const named = Object.values(ALLOWED).flatMap((targets) =>
      targets.filter((target) => target.includes('/')),
    );
    expect(named.filter((target) => !existsSync(join('src', target.replace(/\.js$/, '.ts'))))).toEqual([]);
  });

  it('a provider knows no other provider', () => {
    const providerOf = (path: string) => path.split('/')[1];
    const wrong = all
      .filter(({ file, target }) => file.startsWith('providers/') && target.startsWith('providers/'))
      .filter(({ file, target }) => providerOf(file) !== providerOf(target))
      .map(({ file, target }) => `${file} → ${target}`);
    expect(wrong).toEqual([]);
  });

  it('the pipeline and the socket plumbing name no exchange', () => {
    const named = [...files('src/pipeline', /\.ts$/), ...files('src/socket', /\.ts$/)].filter((file) =>
      /bitex|alphapoint|kiiex|ndax/i.test(readFileSync(file, 'utf8')),
    );
    expect(named).toEqual([]);
  });
});

describe('file sizes', () => {
  const lines = (file: string) => readFileSync(file, 'utf8').split('\n').length;

  /** A file written by a generator (its first line says so, and CI checks it against what it is made from). */
  const generated = (file: string) => readFileSync(file, 'utf8').startsWith('// Generated by ');

  it('no source file is over 300 lines (generated catalog types aside: 3, each checked by its generator)', () => {
    const big = files('src', /\.ts$/).filter((file) => lines(file) > 300);
    expect(big.filter((file) => !generated(file))).toEqual([]);
    expect(big.filter(generated).map((file) => file.split('/').slice(-2).join('/'))).toEqual([
      'alphapoint/catalog-types.ts',
      'bitex/catalog-types.ts',
      'bitexbit/catalog-types.ts',
    ]);
  });

  it('no test file is over 400 lines', () => {
    expect(files('test', /\.ts$/).filter((file) => lines(file) > 400)).toEqual([]);
  });
});
