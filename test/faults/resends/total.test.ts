import { describe, expect, it } from 'vitest';
import { ALPHAPOINT_CALLS, CALLS } from '../shared/benches.js';
import {
  BROKEN_ANSWERS,
  doubles,
  mismatches,
  type Observed,
  runFault,
  SERVER_ERRORS,
  SESSION_ANSWERS,
} from '../shared/faults.js';
import { matrix } from '../shared/suite.js';

// Every fault of every category, on every call that may move money, counted at the exchange in one run.
const everything = [
  ...matrix(CALLS, SERVER_ERRORS),
  ...matrix(CALLS, BROKEN_ANSWERS),
  ...matrix(ALPHAPOINT_CALLS, SESSION_ANSWERS),
];

describe('the first promise, in total', () => {
  it(`0 double executions over ${everything.length} faults (48 + 24 + 12)`, async () => {
    expect(everything).toHaveLength(84);
    const observed: Observed[] = [];
    const wrong: string[] = [];
    for (const { call, fault } of everything) {
      const result = await runFault(call, fault);
      observed.push(result);
      for (const problem of mismatches(result, fault.expected))
        wrong.push(`${call} · ${fault.name}: ${problem}`);
    }
    expect(doubles(observed)).toEqual([]);
    // Executions at the exchange, summed: one per fault that struck after the call ran or was refused first.
    const executions = observed.reduce((sum, item) => sum + item.executions, 0);
    const expected = everything.reduce((sum, { fault }) => sum + fault.expected.executions, 0);
    expect(executions).toBe(expected);
    expect(wrong).toEqual([]);
  });
});
