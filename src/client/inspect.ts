import type { ClockOffset } from '../core/clock-offset.js';
import {
  CLOCK_TOLERANCE_MS,
  type ClockFinding,
  type InspectContext,
  type InspectProblem,
  type InspectReport,
  type NonceFinding,
  type PermissionComparison,
  type PermissionFindings,
  type ProviderInspection,
} from '../core/inspect.js';
import { lastProcessNonce } from '../core/nonce.js';
import type { Permission } from '../core/permissions.js';
import type { AuthStrategy } from '../core/strategy.js';
import type { PipelineContext } from '../pipeline/context.js';
import type { CoordinationGate } from '../pipeline/coordination-gate.js';

/** What `client.inspect()` reads from its client: the pipeline's context, and a client open to every permission. */
interface InspectTarget {
  readonly provider: PipelineContext['provider'];
  readonly grantedList: readonly Permission[];
  readonly strategy: AuthStrategy;
  readonly clockOffset: ClockOffset;
  readonly coordination: CoordinationGate | undefined;
  readonly options: { readonly timeout: number };
}

const NO_HOOK = (name: string): ProviderInspection => ({
  credentials: 'unknown',
  address: 'unknown',
  permissions: undefined,
  clockMatters: false,
  notes: [`${name}: this provider has no inspect hook, so the exchange was not asked`],
});

/** `client.inspect()`: the provider's findings, compared with the configuration, with the clock and nonces. */
export async function inspectClient(
  target: InspectTarget,
  probe: { request: InspectContext['request'] },
): Promise<InspectReport> {
  const { provider } = target;
  const configured = target.grantedList;
  const found = provider.inspect
    ? await provider.inspect({ request: (options) => probe.request(options), configured })
    : NO_HOOK(provider.name);
  const permissions = found.permissions && compare(configured, found.permissions);
  const clock = clockFinding(target.clockOffset, found.clockMatters);
  const nonce = await nonceFinding(target);
  const problems = problemsOf(found, permissions, clock);
  return {
    provider: provider.name,
    healthy: problems.length === 0,
    problems,
    credentials: found.credentials,
    address: found.address,
    permissions,
    clock,
    nonce,
    twoFactorCalls: found.twoFactorCalls,
    notes: [...found.notes, ...adviceOf(permissions, clock)],
  };
}

/** Configured permissions against the exchange's word. */
export function compare(configured: readonly Permission[], found: PermissionFindings): PermissionComparison {
  const known = new Set([...found.granted, ...found.denied]);
  return {
    ...found,
    configured: [...configured],
    missing: configured.filter((permission) => found.denied.includes(permission)),
    unconfirmed: configured.filter((permission) => !known.has(permission)),
    beyond: found.granted.filter((permission) => !configured.includes(permission)),
  };
}

function clockFinding(offset: ClockOffset, matters: boolean): ClockFinding | undefined {
  const reading = offset.reading();
  if (!reading) return undefined;
  const skewed = reading.lowMs > CLOCK_TOLERANCE_MS || reading.highMs < -CLOCK_TOLERANCE_MS;
  return { ...reading, skewed, matters };
}

async function nonceFinding(target: InspectTarget): Promise<NonceFinding> {
  const key = target.strategy.sequenceKey;
  if (key === undefined) return { sequence: false, lastInProcess: undefined, fleet: 'not-configured' };
  if (!target.coordination) {
    return { sequence: true, lastInProcess: lastProcessNonce(key), fleet: 'not-configured' };
  }
  const shared = target.coordination.current()?.nonces;
  // A fleet client takes its nonces from the fleet; before the fleet answered, from this process's sequence.
  const lastInProcess = shared?.lastHere?.(key) ?? lastProcessNonce(key);
  if (!shared?.last) return { sequence: true, lastInProcess, fleet: 'unavailable' };
  try {
    return {
      sequence: true,
      lastInProcess,
      fleet: { last: await shared.last(key, { timeoutMs: target.options.timeout }) },
    };
  } catch {
    return { sequence: true, lastInProcess, fleet: 'unavailable' };
  }
}

function problemsOf(
  found: ProviderInspection,
  permissions: PermissionComparison | undefined,
  clock: ClockFinding | undefined,
): InspectProblem[] {
  const problems: InspectProblem[] = [];
  if (found.credentials === 'invalid' || found.credentials === 'locked') problems.push('invalid-credentials');
  if (found.credentials === 'two-factor-required') problems.push('two-factor-required');
  if (found.address === 'refused') problems.push('ip-refused');
  if (permissions && permissions.missing.length > 0) problems.push('permission-mismatch');
  if (clock?.skewed && clock.matters) problems.push('clock-skew');
  return problems;
}

const list = (permissions: readonly string[]) => permissions.join(', ');

function adviceOf(permissions: PermissionComparison | undefined, clock: ClockFinding | undefined): string[] {
  const advice: string[] = [];
  if (permissions && permissions.missing.length > 0) {
    const has =
      permissions.granted.length > 0 ? `the key only has ${list(permissions.granted)}` : 'the key has none';
    advice.push(
      `configured ${list(permissions.missing)} but ${has}: calls needing ${list(permissions.missing)} will be refused; enable it on the exchange's API key page, or configure the client with what the key has`,
    );
  }
  if (permissions && permissions.beyond.length > 0) {
    advice.push(
      `the key also has ${list(permissions.beyond)}, which the client was not configured for: a key without it would be safer`,
    );
  }
  if (clock?.skewed) {
    const side = clock.offsetMs > 0 ? 'ahead of' : 'behind';
    advice.push(
      `the exchange's clock is ${Math.abs(clock.offsetMs)} ms ${side} this machine's (at least ${Math.round(Math.min(Math.abs(clock.lowMs), Math.abs(clock.highMs)))} ms by its Date headers): synchronise this machine's clock (NTP)${clock.matters ? '; signed deadlines depend on it' : "; this exchange's authentication does not depend on it"}`,
    );
  }
  return advice;
}
