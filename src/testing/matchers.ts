import type { OutcomeStats, RefusalReason } from './request-log.js';

/** What a custom matcher of vitest's (or jest's) `expect.extend` returns. */
export interface MatcherResult {
  /** Whether the assertion holds. */
  readonly pass: boolean;
  /** What to print when it fails (or, with `.not`, when it holds). */
  readonly message: () => string;
}

/** Anything with a sandbox's outcome counters: every sandbox exchange. */
export interface WithOutcomes {
  /** The sandbox's counters: refusals, faults, executions by endpoint. */
  stats(): OutcomeStats;
}

/** The matchers {@link sandboxMatchers} returns (a type literal, so `expect.extend` takes it as a record). */
export type SandboxMatchers = {
  /**
   * `expect(sandbox).toHaveExecuted('orders.create', 3)`: the endpoint executed exactly `times` times, or at
   * least once when `times` is not given.
   */
  toHaveExecuted(received: WithOutcomes, endpoint: string, times?: number): MatcherResult;
  /**
   * `expect(sandbox).toHaveRefused('bad-signature', 1)`: the sandbox refused exactly `times` requests for
   * `reason` (any reason when it is `undefined`), or at least one when `times` is not given. With `.not` and no
   * arguments: it refused nothing.
   */
  toHaveRefused(received: WithOutcomes, reason?: RefusalReason, times?: number): MatcherResult;
};

const counted = (count: number, times: number | undefined) =>
  times === undefined ? count > 0 : count === times;
const expected = (times: number | undefined) => (times === undefined ? 'at least once' : `${times} time(s)`);

/**
 * Matchers for `expect.extend(sandboxMatchers())` in vitest or jest, reading the sandbox's `stats()`. Nothing
 * here imports a test runner.
 *
 * @example
 * ```ts
 * expect.extend(sandboxMatchers());
 * expect(sandbox.bitexbit).toHaveExecuted('orders.create', 3);
 * expect(sandbox.bitexbit).not.toHaveRefused();
 * ```
 */
export function sandboxMatchers(): SandboxMatchers {
  return {
    toHaveExecuted(received, endpoint, times) {
      const count = received.stats().executionsByEndpoint[endpoint] ?? 0;
      const pass = counted(count, times);
      return {
        pass,
        message: () =>
          `expected ${endpoint} ${pass ? 'not ' : ''}to have executed ${expected(times)}; it executed ${count} time(s)`,
      };
    },
    toHaveRefused(received, reason, times) {
      const stats = received.stats();
      const count = reason === undefined ? stats.refused : (stats.refusals[reason] ?? 0);
      const pass = counted(count, times);
      const what = reason ?? 'any reason';
      return {
        pass,
        message: () =>
          `expected ${pass ? 'no ' : ''}refusals for ${what} ${pass ? '' : expected(times)}; ` +
          `refusals: ${JSON.stringify(stats.refusals)}`,
      };
    },
  };
}
