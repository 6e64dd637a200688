import type { Redis } from 'ioredis';
import { counter, settles } from './support.js';

/**
 * Redis's own order of the scripts run on one key, read with MONITOR: one entry per EVAL (or EVALSHA), naming the
 * connection (`ip:port`) that sent it. A connection's replies come back in the order it sent its commands, so
 * the k-th EVAL of a connection in this order got the k-th reply that connection received.
 */
export interface EvalOrder {
  readonly sources: string[];
  /** Resolves once `count` EVALs on the key were seen (each one as Redis ran it: an event, not a poll). */
  seen(count: number): Promise<void>;
  /** Waits until `count` EVALs on the key were seen, then stops listening. */
  collect(count: number): Promise<string[]>;
  /** Stops listening. */
  stop(): void;
}

/**
 * Watches the EVALs whose first key is `redisKey`; with `keyCount`, only those of that many keys (a lock's
 * renewal names one key, its acquire two).
 */
export async function watchEvals(
  monitorConnection: Redis,
  redisKey: string,
  keyCount?: number,
): Promise<EvalOrder> {
  const monitor = await monitorConnection.monitor();
  const sources: string[] = [];
  const evals = counter<string>(() => true);
  monitor.on('monitor', (_time: string, args: string[], source: string) => {
    const command = args[0]?.toLowerCase();
    if ((command !== 'eval' && command !== 'evalsha') || args[3] !== redisKey) return;
    if (keyCount !== undefined && args[2] !== String(keyCount)) return;
    sources.push(source);
    evals.seen(source);
  });
  return {
    sources,
    seen: (count) => settles(evals.reached(count), `${count} EVALs in MONITOR`, 30_000),
    async collect(count) {
      await settles(evals.reached(count), `${count} EVALs in MONITOR`, 30_000);
      monitor.disconnect();
      return sources;
    },
    stop: () => monitor.disconnect(),
  };
}

/**
 * The nonces in Redis's order: walks the MONITOR order and takes, for each EVAL, the next reply its connection
 * received. `replies` maps a connection's `ip:port` to its nonces in the order they arrived.
 */
export function inRedisOrder(
  order: readonly string[],
  replies: ReadonlyMap<string, readonly number[]>,
): number[] {
  const next = new Map<string, number>();
  return order.map((source) => {
    const index = next.get(source) ?? 0;
    next.set(source, index + 1);
    const value = replies.get(source)?.[index];
    if (value === undefined) throw new Error(`no reply ${index} from ${source}`);
    return value;
  });
}

/** True when every value is greater than the one before. */
export function strictlyIncreasing(values: readonly number[]): boolean {
  return values.every((value, i) => i === 0 || value > (values[i - 1] ?? Number.NEGATIVE_INFINITY));
}
