import type { OutcomeStats } from './request-log.js';

/** Counters every sandbox exchange keeps. */
export interface SandboxStats extends OutcomeStats {
  /** Requests received, failed and dropped ones included. */
  readonly requests: number;
  /** Per route (`'POST /api/coin_withdrawals'`): how many times its action ran. */
  readonly executions: Readonly<Record<string, number>>;
  /** Logins answered with a session (session-token exchanges only). */
  readonly logins?: number;
}
