import { randomInt } from 'node:crypto';
import type { TestProject } from 'vitest/node';

// vitest's globalSetup (vitest.config.ts): chooses the one fast-check seed of a test run, in the main process,
// prints it once, and hands it to every test file; test/support/property.ts passes it to each fc.assert.

declare module 'vitest' {
  export interface ProvidedContext {
    /** The fast-check seed of this run: FC_SEED, or a random one. */
    fcSeed: number;
  }
}

/** FC_SEED when it is set (a 32-bit integer, as fast-check prints it on a failure), else a random seed. */
export function chooseSeed(env: NodeJS.ProcessEnv): { seed: number; from: 'FC_SEED' | 'random' } {
  const given = env.FC_SEED?.trim() ?? '';
  if (given === '') return { seed: randomInt(2 ** 31), from: 'random' };
  const seed = Number(given);
  if (!Number.isInteger(seed) || Math.abs(seed) >= 2 ** 31) {
    throw new Error(
      `FC_SEED must be a 32-bit integer (the seed a fast-check failure prints), got "${given}"`,
    );
  }
  return { seed, from: 'FC_SEED' };
}

/** Where the run's seed is kept: vitest runs this setup once per project (vitest.config.ts), in one process. */
const CHOSEN = Symbol.for('exchange-auth.test.fc-seed');

export default function setup(project: TestProject): void {
  const run = globalThis as { [CHOSEN]?: ReturnType<typeof chooseSeed> };
  const first = run[CHOSEN] === undefined;
  run[CHOSEN] ??= chooseSeed(process.env);
  const { seed, from } = run[CHOSEN];
  project.provide('fcSeed', seed);
  if (!first) return;
  process.stdout.write(
    from === 'random'
      ? `fast-check seed ${seed} (random; replay a run with FC_SEED=${seed})\n`
      : `fast-check seed ${seed} (from FC_SEED)\n`,
  );
}
