import { inject } from 'vitest';

/**
 * The fast-check seed of this run, chosen once by test/support/property-seed.ts (FC_SEED, or random and
 * printed at the start of the run), so a failing property run can be replayed exactly.
 */
export const PROPERTY_SEED: number = inject('fcSeed');

/**
 * fast-check parameters with this run's seed: `fc.assert(property, seeded({ numRuns: 50 }))`. Every fc.assert
 * in test/ takes its parameters from here.
 */
export function seeded<P extends object = Record<never, never>>(parameters?: P): P & { seed: number } {
  if (typeof PROPERTY_SEED !== 'number') {
    throw new Error(
      'no fast-check seed: test/support/property-seed.ts must be a globalSetup of vitest.config.ts',
    );
  }
  return { ...(parameters as P), seed: PROPERTY_SEED };
}
