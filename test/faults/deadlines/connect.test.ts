import { Agent } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { TestClock } from '../../support/clock.js';
import { clientFor, PROVIDERS, settings, transportFields } from '../support/clients.js';
import { type HangingPort, socketsOf, startHangingPort } from '../support/full-backlog.js';
import { turns, unsettledAfter, until, watch } from '../support/turns.js';

let port: HangingPort | undefined;
const agents: Agent[] = [];
afterEach(async () => {
  for (const agent of agents.splice(0)) agent.destroy();
  await port?.close();
  port = undefined;
});

describe('a deadline that passes while connecting', () => {
  it("0 of 3 calls stuck in connect outlive their deadline; 3 of 3 end ETIMEDOUT, outcome 'not-sent'", async () => {
    port = await startHangingPort();
    const clock = new TestClock({ auto: false });
    const calls = PROVIDERS.map((provider) => {
      const agent = new Agent({ keepAlive: true });
      agents.push(agent);
      const sockets = socketsOf(agent);
      const { call } = clientFor(provider, port?.origin ?? '', settings({ clock, httpAgent: agent }));
      return { provider, sockets, call: watch(call()) };
    });
    // Each call has a socket of its own, and it is still connecting: the SYN went unanswered.
    await until(() => calls.every(({ sockets }) => sockets.length === 1), 'a socket per call');
    await turns(200);
    const connecting = calls.filter(({ sockets }) => sockets[0]?.connecting === true).length;
    expect(connecting).toBe(3);

    await clock.advance(999);
    await turns(100);
    expect(calls.filter(({ call }) => call.settled).length).toBe(0);

    await clock.advance(1);
    const outlivedDeadline = await unsettledAfter(calls.map(({ call }) => call));
    expect(outlivedDeadline).toBe(0);
    const wrong = calls
      .map(({ provider, call }) => ({ provider, got: transportFields(call.error) }))
      .filter(({ got }) => got?.networkCode !== 'ETIMEDOUT' || got.outcome !== 'not-sent');
    expect(wrong).toEqual([]);
    // The half-open sockets were given up, not left connecting.
    await until(
      () => calls.every(({ sockets }) => sockets[0]?.destroyed === true),
      'the connecting sockets are destroyed',
    );
  });
});
