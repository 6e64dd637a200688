import { describe, expect, it } from 'vitest';
import type { CallName } from './benches.js';
import { doubles, type Fault, mismatches, type Observed, runFault } from './faults.js';

/** Every pair of a call and a fault, in a stable order. */
export function matrix(calls: readonly CallName[], faults: readonly Fault[]) {
  return calls.flatMap((call) => faults.map((fault) => ({ call, fault })));
}

/**
 * One test per call and fault (counted at the exchange), then the category's tally: a test whose name states
 * how many faults it covers and that none of them ran a call twice.
 */
export function faultSuite(title: string, calls: readonly CallName[], faults: readonly Fault[]): void {
  const cases = matrix(calls, faults);
  const observed: Observed[] = [];
  describe(title, () => {
    for (const { call, fault } of cases) {
      it(`${call} · ${fault.name} → executed ${fault.expected.executions}×, reached the exchange ${fault.expected.arrivals}×`, async () => {
        const result = await runFault(call, fault);
        observed.push(result);
        expect(mismatches(result, fault.expected)).toEqual([]);
      });
    }

    it(`0 double executions over ${cases.length} faults`, () => {
      expect(observed).toHaveLength(cases.length);
      expect(doubles(observed).map((item) => `${item.call} · ${item.fault}: ${item.executions}×`)).toEqual(
        [],
      );
    });
  });
}
