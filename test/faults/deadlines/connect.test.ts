import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { TestClock } from '../../support/clock.js';
import { clientFor, PROVIDERS, settings, transportFields } from '../support/clients.js';
import { type HangingPort, startHangingPort } from '../support/full-backlog.js';
import { turns, unsettledAfter, until, watch } from '../support/turns.js';

let port: HangingPort | undefined;
let stopWatching: (() => void) | undefined;
afterEach(async () => {
  stopWatching?.();
  stopWatching = undefined;
  await port?.close();
  port = undefined;
});

/** Every TCP client socket this process opens from now on (Node's `net.client.socket` channel), whoever opens it. */
function socketsOpened(): Socket[] {
  const seen: Socket[] = [];
  const record = (message: unknown) => seen.push((message as { socket: Socket }).socket);
  subscribe('net.client.socket', record);
  stopWatching = () => unsubscribe('net.client.socket', record);
  return seen;
}

describe('a deadline that passes while connecting', () => {
  it("0 of 3 calls stuck in connect outlive their deadline; 3 of 3 end ETIMEDOUT, outcome 'not-sent'", async () => {
    port = await startHangingPort();
    const clock = new TestClock({ auto: false });
    // The transport's own sockets (undici's agent or Node's global agent under axios), seen from outside.
    const sockets = socketsOpened();
    const calls = PROVIDERS.map((provider) => {
      const { call } = clientFor(provider, port?.origin ?? '', settings({ clock }));
      return { provider, call: watch(call()) };
    });
    // Each call has a socket of its own, and it is still connecting: the SYN went unanswered.
    await until(() => sockets.length === 3, 'a socket per call');
    await turns(200);
    const connecting = sockets.filter((socket) => socket.connecting).length;
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
    await until(() => sockets.every((socket) => socket.destroyed), 'the connecting sockets are destroyed');
  });
});
