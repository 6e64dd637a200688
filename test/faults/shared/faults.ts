import {
  type ExchangeAuthError,
  ExchangeError,
  type ExchangeResponse,
  RateLimitError,
  TransportError,
} from '../../../src/index.js';
import { type Bench, type BenchOptions, type CallName, openBench } from './benches.js';
import { interceptingAxios } from './user-axios.js';

/** What a fault must leave behind, counted at the exchange. */
export interface Expected {
  /** Times the exchange ran the call: 1 when the fault struck after it ran, 0 when before. */
  readonly executions: number;
  /** Times the call reached the exchange: 2 only where the answer proved the first was refused. */
  readonly arrivals: number;
  /** Sessions issued in all (AlphaPoint): 1 from `prepare`, 2 after one renewal. */
  readonly logins?: number;
  /** What the caller gets. */
  readonly result:
    | 'ok'
    | {
        readonly error: abstract new (...args: never[]) => ExchangeAuthError;
        readonly status?: number;
        readonly outcome?: 'unknown' | 'not-sent';
        readonly networkCode?: string;
        readonly message?: RegExp;
      };
}

/** One fault: how to inject it into a bench, and what it must leave behind. */
export interface Fault {
  readonly name: string;
  readonly options?: () => BenchOptions;
  arm(bench: Bench): void;
  readonly expected: Expected;
}

/** What one fault left behind. */
export interface Observed {
  readonly call: CallName;
  readonly fault: string;
  readonly executions: number;
  readonly arrivals: number;
  readonly logins: number;
  readonly result: ExchangeResponse | unknown;
  readonly ok: boolean;
  /** The `aptoken` of each arrival (AlphaPoint), in order. */
  readonly tokens: readonly (string | undefined)[];
  /** Requests for the call the front received (the user's interceptor's own retry included). */
  readonly atFront: number;
}

const error = (status: number) => JSON.stringify({ error: `failed with ${status}` });

const afterExecution = (status: number, headers: Record<string, string> = {}): Fault => ({
  name: `${status} after execution`,
  arm: (bench) => bench.front.arm(bench.pathEnd(), { kind: 'answer', status, headers, body: error(status) }),
  expected: {
    executions: 1,
    arrivals: 1,
    result: { error: ExchangeError, status, outcome: 'unknown', message: /reconcile/ },
  },
});

/**
 * 5xx and 429 answers: none of them proves anything about a request that moves money; a 5xx says so
 * (`outcome: 'unknown'`, reconcile).
 */
export const SERVER_ERRORS: readonly Fault[] = [
  afterExecution(500),
  afterExecution(502),
  { ...afterExecution(503, { 'Retry-After': '0' }), name: '503 (Retry-After: 0) after execution' },
  afterExecution(504),
  {
    name: '503 before execution (failNext)',
    arm: (bench) => bench.exchange.failNext(1, { status: 503, retryAfterSeconds: 0 }),
    // Nothing in a 503 tells the client the call did not run: the outcome is unknown all the same.
    expected: {
      executions: 0,
      arrivals: 1,
      result: { error: ExchangeError, status: 503, outcome: 'unknown', message: /reconcile/ },
    },
  },
  {
    name: '429 (Retry-After: 0) after execution',
    arm: (bench) =>
      bench.front.arm(bench.pathEnd(), {
        kind: 'answer',
        status: 429,
        headers: { 'Retry-After': '0' },
        body: error(429),
      }),
    expected: { executions: 1, arrivals: 1, result: { error: RateLimitError, status: 429 } },
  },
];

const unknown = (extra: { networkCode?: string; message?: RegExp } = {}) =>
  ({ error: TransportError, outcome: 'unknown', ...extra }) as const;

/** Connections that break after the exchange ran the call: the outcome is unknown, so nothing is resent. */
export const BROKEN_ANSWERS: readonly Fault[] = [
  {
    name: 'connection reset after execution (dropNext({ execute: true }))',
    arm: (bench) => bench.exchange.dropNext({ execute: true }),
    expected: { executions: 1, arrivals: 1, result: unknown() },
  },
  {
    name: 'body cut off after the headers',
    arm: (bench) => bench.front.arm(bench.pathEnd(), { kind: 'cut' }),
    expected: { executions: 1, arrivals: 1, result: unknown({ message: /cut off/ }) },
  },
  {
    name: "user axios: the interceptor retries once, then throws code 'ECONNREFUSED'",
    options: () => ({ axios: interceptingAxios() }),
    arm: (bench) => {
      // The call runs at the exchange and its connection is reset; the interceptor's own retry is dropped at
      // the front before it reaches the exchange; then the interceptor throws code ECONNREFUSED.
      bench.front.arm(bench.pathEnd(), { kind: 'reset' });
      bench.front.arm(bench.pathEnd(), { kind: 'drop' });
    },
    expected: { executions: 1, arrivals: 1, result: unknown({ networkCode: 'ECONNREFUSED' }) },
  },
];

const NOT_AUTHORIZED = { result: false, errormsg: 'Not Authorized', errorcode: 20, detail: null };

/** AlphaPoint's answers about the session: only the documented refusal proves the call did not run. */
export const SESSION_ANSWERS: readonly Fault[] = [
  {
    name: 'errorcode 20 carried by HTTP 500, after execution',
    arm: (bench) =>
      bench.front.arm(bench.pathEnd(), { kind: 'answer', status: 500, body: JSON.stringify(NOT_AUTHORIZED) }),
    expected: { executions: 1, arrivals: 1, logins: 1, result: { error: ExchangeError, status: 500 } },
  },
  {
    name: '401 whose body says result: true, after execution',
    arm: (bench) =>
      bench.front.arm(bench.pathEnd(), {
        kind: 'answer',
        status: 401,
        body: (upstream) =>
          JSON.stringify({ result: true, errormsg: null, errorcode: 0, detail: upstream.body }),
      }),
    expected: { executions: 1, arrivals: 1, logins: 1, result: { error: ExchangeError, status: 401 } },
  },
  ...([200, 400, 401] as const).map(
    (status): Fault => ({
      name: `result:false errorcode 20 at HTTP ${status} (refused, not run)`,
      arm: (bench) => bench.refuseSessions?.(status),
      expected: { executions: 1, arrivals: 2, logins: 2, result: 'ok' },
    }),
  ),
  {
    name: 'plain 401 with no body (refused, not run)',
    arm: (bench) => bench.exchange.failNext(1, { status: 401, body: '' }),
    expected: { executions: 1, arrivals: 2, logins: 2, result: 'ok' },
  },
];

/** Runs one call under one fault on a fresh bench and reports what the exchange counted. */
export async function runFault(call: CallName, fault: Fault): Promise<Observed> {
  const bench = await openBench(call, fault.options?.() ?? {});
  try {
    await bench.prepare();
    fault.arm(bench);
    let result: unknown;
    let ok = false;
    try {
      result = await bench.invoke();
      ok = true;
    } catch (thrown) {
      result = thrown;
    }
    const arrivals = bench.arrivals();
    return {
      call,
      fault: fault.name,
      executions: bench.executions(),
      arrivals: arrivals.length,
      logins: bench.logins(),
      result,
      ok,
      tokens: arrivals.map((entry) => entry.headers.aptoken),
      atFront: bench.front.log.filter((entry) => entry.path.endsWith(bench.pathEnd())).length,
    };
  } finally {
    await bench.close();
  }
}

/** Checks one observation against the fault's expectation; returns the mismatches (empty when it holds). */
export function mismatches(observed: Observed, expected: Expected): string[] {
  const problems: string[] = [];
  if (observed.executions !== expected.executions)
    problems.push(`executed ${observed.executions}× (expected ${expected.executions})`);
  if (observed.arrivals !== expected.arrivals)
    problems.push(`reached the exchange ${observed.arrivals}× (expected ${expected.arrivals})`);
  if (expected.logins !== undefined && observed.logins !== expected.logins)
    problems.push(`${observed.logins} logins (expected ${expected.logins})`);
  if (
    expected.arrivals === 2 &&
    observed.tokens[0] !== undefined &&
    observed.tokens[0] === observed.tokens[1]
  )
    problems.push('resent with the refused session token');
  const { result } = expected;
  if (result === 'ok') {
    if (!observed.ok) problems.push(`failed: ${String(observed.result)}`);
    return problems;
  }
  const thrown = observed.result;
  if (observed.ok || !(thrown instanceof result.error)) {
    problems.push(`expected ${result.error.name}, got ${observed.ok ? 'success' : String(thrown)}`);
    return problems;
  }
  if (result.status !== undefined && thrown.status !== result.status)
    problems.push(`status ${thrown.status} (expected ${result.status})`);
  if (result.outcome !== undefined && (thrown as TransportError).outcome !== result.outcome)
    problems.push(`outcome ${(thrown as TransportError).outcome} (expected ${result.outcome})`);
  if (result.networkCode !== undefined && (thrown as TransportError).networkCode !== result.networkCode)
    problems.push(`networkCode ${(thrown as TransportError).networkCode} (expected ${result.networkCode})`);
  if (result.message && !result.message.test(thrown.message))
    problems.push(`message "${thrown.message}" does not match ${result.message}`);
  return problems;
}

/** Double executions among observations: a call the exchange ran more than once. */
export const doubles = (observed: readonly Observed[]) => observed.filter((item) => item.executions > 1);
