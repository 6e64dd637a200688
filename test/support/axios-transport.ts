import { vi } from 'vitest';

// The `axios` project of vitest.config.ts: the fault and sandbox suites again, on the axios transport. Every
// client whose options choose no transport gets `transport: 'axios'` (what `createClient` does with the options is
// otherwise unchanged); a test that names its transport, or gives an undici dispatcher, keeps what it asked for.
vi.mock('../../src/client/options.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/client/options.js')>();
  return {
    ...original,
    resolveClientOptions: ((input, provider, rateLimit) =>
      original.resolveClientOptions(
        input?.transport !== undefined || input?.dispatcher !== undefined
          ? input
          : { transport: 'axios', ...input },
        provider,
        rateLimit,
      )) satisfies typeof original.resolveClientOptions,
  };
});
