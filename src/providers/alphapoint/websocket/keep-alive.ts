import type { Clock } from '../../../core/clock.js';
import type { Connection } from './connection.js';

/** When to ping and when to give a connection up. */
export interface KeepAlivePolicy {
  /** Send `Ping` after this long without a frame from the gateway. */
  readonly pingIntervalMs: number;
  /** End the connection when nothing at all arrives this long after a `Ping`. */
  readonly deadAfterMs: number;
}

/**
 * Keeps a connection alive: after `pingIntervalMs` of silence it sends `Ping {}` (slate: "Used to keep a
 * connection alive"); if no frame of any kind follows within `deadAfterMs`, the connection is dead and is
 * ended (`onDead`), which starts a reconnection. Returns the function that stops it (called when the connection
 * ends): no timer outlives its connection.
 */
export function keepAlive(
  connection: Connection,
  clock: Clock,
  policy: KeepAlivePolicy,
  onDead: () => void,
): () => void {
  let cancelTick: (() => void) | undefined;
  let cancelDead: (() => void) | undefined;
  let stopped = false;
  const tick = () => {
    if (stopped || connection.ended) return;
    if (clock.now() - connection.heardAt >= policy.pingIntervalMs && cancelDead === undefined) {
      const before = connection.received;
      connection.request('Ping', '{}').catch(() => undefined);
      cancelDead = clock.setTimer(policy.deadAfterMs, () => {
        cancelDead = undefined;
        if (stopped || connection.received > before) return;
        onDead();
        connection.terminate();
      });
    }
    cancelTick = clock.setTimer(policy.pingIntervalMs, tick);
  };
  cancelTick = clock.setTimer(policy.pingIntervalMs, tick);
  return () => {
    stopped = true;
    cancelTick?.();
    cancelDead?.();
  };
}
