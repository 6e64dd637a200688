import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The two copies of the built package a program gets when it loads the library through both `import` and
 * `require`: dist/index.js and dist/index.cjs, each with its own classes and module state. Build first
 * (`npm run build`; `npm test` does it). Typed as the source they are built from.
 */
type Library = typeof import('../../src/index.js');

const ESM_ENTRY = new URL('../../dist/index.js', import.meta.url);
const CJS_ENTRY = new URL('../../dist/index.cjs', import.meta.url);
if (!existsSync(ESM_ENTRY) || !existsSync(CJS_ENTRY)) {
  throw new Error('test/registry runs against the built package: run `npm run build` first');
}

/** The ESM copy, as `import 'exchange-auth'` loads it. */
export const esm = (await import(ESM_ENTRY.href)) as Library;
/** The CJS copy, as `require('exchange-auth')` loads it. */
export const cjs = createRequire(import.meta.url)(CJS_ENTRY.pathname) as Library;

/** What the registry holds, as a test may read it (the maps' keys and sizes). */
export interface RegistryView {
  readonly version: number;
  readonly nonces: Map<string, number>;
  readonly orders: Map<string, unknown>;
  readonly rateLimits: Map<string, unknown>;
  readonly sessions: Map<string, unknown>;
}

/** The process-wide registry both copies share, where the library installs it. */
export function registry(): RegistryView | undefined {
  return (globalThis as Record<symbol, RegistryView | undefined>)[Symbol.for('exchange-auth/registry@0')];
}

/** Every key of every map of the registry. */
export function registryKeys(): string[] {
  const view = registry();
  if (!view) return [];
  return [view.nonces, view.orders, view.rateLimits, view.sessions].flatMap((map) => [...map.keys()]);
}

/** One turn of the event loop: every promise that can settle without I/O or time has settled. */
export const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
