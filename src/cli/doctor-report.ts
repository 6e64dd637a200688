import type { InspectProblem, InspectReport } from '../index.js';
import { terminalText } from './terminal.js';

/**
 * The exit code of each problem `doctor` can find; the most serious problem found decides (the report lists them
 * most serious first). 0 is a healthy key, 1 a doctor that could not finish, 2 a usage error (docs/cli.md).
 */
export const DOCTOR_EXIT_CODES: Readonly<Record<InspectProblem, number>> = {
  'invalid-credentials': 3,
  'two-factor-required': 2,
  'ip-refused': 4,
  'permission-mismatch': 5,
  'clock-skew': 6,
};

/** The exit code of a report: 0 when healthy, else the code of its most serious problem. */
export function doctorExitCode(report: InspectReport): number {
  const [worst] = report.problems;
  return worst === undefined ? 0 : DOCTOR_EXIT_CODES[worst];
}

const list = (values: readonly string[] | undefined) =>
  values && values.length > 0 ? values.join(', ') : 'none';

function permissionLines(report: InspectReport): string[] {
  const found = report.permissions;
  if (!found) return ['permissions    not asked (the credentials could not be used)'];
  const lines = [
    `permissions    configured ${list(found.configured)}; the exchange says: has ${list(found.granted)}, lacks ${list(found.denied)}${found.unknown.length ? `, cannot tell ${list(found.unknown)}` : ''} (${found.source})`,
  ];
  if (found.exchange.length > 0)
    lines.push(`               in the exchange's words: ${list(found.exchange)}`);
  if (found.missing.length > 0) lines.push(`               MISSING: ${list(found.missing)}`);
  return lines;
}

function clockLine(report: InspectReport): string {
  const { clock } = report;
  if (!clock) return 'clock          unknown (no answer carried a Date header)';
  const side = clock.offsetMs >= 0 ? 'ahead' : 'behind';
  const flag = clock.skewed ? (clock.matters ? ' SKEWED' : ' skewed (no effect on this exchange)') : '';
  return `clock          exchange ${Math.abs(clock.offsetMs)} ms ${side} (between ${Math.floor(clock.lowMs)} and ${Math.ceil(clock.highMs)} ms, ${clock.samples} answer${clock.samples === 1 ? '' : 's'})${flag}`;
}

function nonceLine(report: InspectReport): string {
  const { nonce } = report;
  if (!nonce.sequence) return 'nonce          none (this scheme uses no nonce sequence)';
  const fleet =
    typeof nonce.fleet === 'string'
      ? nonce.fleet.replace('-', ' ')
      : `last ${nonce.fleet.last ?? 'none yet'}`;
  return `nonce          last in this process ${nonce.lastInProcess ?? 'none yet'}; fleet: ${fleet}`;
}

/** The report as text for people, every line escaped for the terminal. */
export function doctorText(report: InspectReport): string {
  const verdict = report.healthy ? 'healthy' : `${list(report.problems)}`;
  const lines = [
    `${report.provider} doctor: ${verdict}`,
    `credentials    ${report.credentials}`,
    `address        ${report.address.replace('-', ' ')}`,
    ...permissionLines(report),
    ...(report.twoFactorCalls ? [`second factor  needed by ${list(report.twoFactorCalls)}`] : []),
    clockLine(report),
    nonceLine(report),
    ...report.notes.map((note) => `- ${note}`),
  ];
  return lines.map(terminalText).join('\n');
}
