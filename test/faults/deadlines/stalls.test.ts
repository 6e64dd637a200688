import { afterEach, describe, expect, it } from 'vitest';
import { TestClock } from '../../support/clock.js';
import {
  CALL_PATH,
  clientFor,
  PROVIDERS,
  type ProviderName,
  settings,
  transportFields,
} from '../support/clients.js';
import {
  answeredLogin,
  closeServers,
  headersOnly,
  startHttp,
  startSilentTcp,
  type Trickle,
  trickle,
} from '../support/servers.js';
import { turns, unsettledAfter, type Watched, watch } from '../support/turns.js';

afterEach(closeServers);

const STALLS = ['trickle', 'headers-then-nothing', 'accept-never-answer', 'read-never-answer'] as const;
type Stall = (typeof STALLS)[number];

/**
 * A server that stalls the provider's call the given way (an AlphaPoint login is answered first), and a check
 * that says when the stall is under way: bytes trickling, headers sent, connection held, request read.
 */
async function stallingServer(kind: Stall, provider: ProviderName) {
  if (kind === 'accept-never-answer') {
    const server = await startSilentTcp(provider === 'kiiex' ? 1 : 0);
    return { origin: server.origin, stalled: () => server.silent >= 1, reached: () => server.silent };
  }
  let dripping: Trickle | undefined;
  let held = 0;
  const server = await startHttp((arrival, res) => {
    if (answeredLogin(arrival, res)) return;
    held += 1;
    if (kind === 'trickle') dripping = trickle(res);
    else if (kind === 'headers-then-nothing') headersOnly(res);
    // read-never-answer: the body has been read; no answer ever comes.
  });
  return {
    origin: server.origin,
    stalled: () => (kind === 'trickle' ? (dripping?.written ?? 0) >= 32 : held >= 1),
    reached: () => server.count(CALL_PATH[provider]),
  };
}

interface Case {
  readonly name: string;
  readonly call: Watched<unknown>;
  readonly stalled: () => boolean;
  readonly reached: () => number;
}

describe('every call ends at its deadline, whatever the server does', () => {
  it('0 of 12 stalled calls (3 providers × 4 stalls) outlive their 1000 ms deadline; 12 of 12 end ETIMEDOUT, outcome unknown', async () => {
    const clock = new TestClock({ auto: false });
    const cases: Case[] = [];
    for (const provider of PROVIDERS) {
      for (const kind of STALLS) {
        const server = await stallingServer(kind, provider);
        const { call } = clientFor(provider, server.origin, settings({ clock, timeout: 1_000 }));
        cases.push({ name: `${provider}/${kind}`, call: watch(call()), ...server });
      }
    }
    // Every stall is under way before time moves: the request reached the server (or its socket).
    for (const entry of cases) {
      for (let turn = 0; turn < 20_000 && !entry.stalled(); turn += 1) await turns(1);
    }
    const notStalled = cases.filter((entry) => !entry.stalled()).map((entry) => entry.name);
    expect(notStalled).toEqual([]);
    const reachedServer = cases.filter((entry) => entry.reached() === 1).length;
    expect(reachedServer).toBe(12);
    await turns(50);

    // One millisecond short of the deadline, nothing ends.
    await clock.advance(999);
    await turns(200);
    const endedEarly = cases.filter((entry) => entry.call.settled).map((entry) => entry.name);
    expect(endedEarly).toEqual([]);

    // At the deadline, every call ends.
    await clock.advance(1);
    const outlivedDeadline = await unsettledAfter(cases.map((entry) => entry.call));
    expect(outlivedDeadline).toBe(0);

    const wrong = cases
      .map((entry) => ({ name: entry.name, got: transportFields(entry.call.error) }))
      .filter(({ got }) => got?.networkCode !== 'ETIMEDOUT' || got.outcome !== 'unknown');
    expect(wrong).toEqual([]);
    const resolved = cases.filter((entry) => entry.call.settled && !entry.call.rejected).length;
    expect(resolved).toBe(0);
    // Nothing was repeated: each call reached its server exactly once.
    expect(cases.filter((entry) => entry.reached() !== 1).map((entry) => entry.name)).toEqual([]);
  });
});
