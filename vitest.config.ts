import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    // Examples import the package by name, as a user would; tests run them against the source.
    alias: [
      { find: /^exchange-auth$/, replacement: source('./src/index.ts') },
      { find: /^exchange-auth\/testing$/, replacement: source('./src/testing/index.ts') },
    ],
  },
  test: {
    // One fast-check seed per run, printed; FC_SEED=<seed> replays it (test/support/property-seed.ts).
    globalSetup: ['./test/support/property-seed.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    testTimeout: 20_000,
    // One run, two projects: every test on the default transport (undici), and the fault and sandbox suites once
    // more on the axios transport (test/support/axios-transport.ts), so both keep every promise.
    projects: [
      {
        extends: true,
        test: {
          name: 'undici',
          include: ['test/**/*.test.ts'],
          typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
        },
      },
      {
        extends: true,
        test: {
          name: 'axios',
          include: [
            'test/faults/**/*.test.ts',
            'test/sandbox/**/*.test.ts',
            'test/transport/which-transport.test.ts',
          ],
          env: { EXCHANGE_AUTH_TEST_TRANSPORT: 'axios' },
          setupFiles: ['./test/support/axios-transport.ts'],
        },
      },
    ],
  },
});
