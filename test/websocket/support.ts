import { createClient, kiiex } from '../../src/index.js';
import type { SocketStatus } from '../../src/providers/alphapoint/websocket/status.js';
import type { AlphaPointCredentials, AlphaPointSandbox } from '../../src/testing/index.js';
import { TestClock } from '../support/clock.js';

/** A Kiiex client on the sandbox, its socket, and what the socket reported. */
export function socketClient(
  sandbox: AlphaPointSandbox,
  credentials: AlphaPointCredentials = sandbox.credentials.trader,
  options: { maxAuthFailures?: number; pingIntervalMs?: number; deadAfterMs?: number } = {},
  permissions?: readonly ('Trading' | 'Withdraw' | 'Deposit')[],
) {
  const clock = new TestClock();
  const statuses: SocketStatus[] = [];
  const client = createClient(
    kiiex({
      ...credentials,
      baseURL: sandbox.baseURL,
      websocketURL: sandbox.wsURL,
      ...(permissions ? { permissions } : {}),
    }),
    {
      clock,
    },
  );
  const socket = client.websocket({ onStatus: (status) => statuses.push(status), ...options });
  return { client, socket, clock, statuses };
}

/** The parsed `o` of every frame the gateway received named `name`, in order. */
export function sent(sandbox: AlphaPointSandbox, name: string): Record<string, unknown>[] {
  return sandbox.frames
    .map((frame) => JSON.parse(frame.text) as { n: string; o: string })
    .filter((frame) => frame.n === name)
    .map((frame) => JSON.parse(frame.o) as Record<string, unknown>);
}

/** Waits until `condition` holds, turn by turn of the event loop (never by time). */
export async function until(condition: () => boolean, turns = 10_000): Promise<void> {
  for (let turn = 0; turn < turns; turn += 1) {
    if (condition()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('the condition never held');
}

export const ORDER = {
  OMSId: 1,
  InstrumentId: 1,
  Side: 0,
  OrderType: 2,
  Quantity: 0.01,
  LimitPrice: 100,
  TimeInForce: 1,
} as const;
