import { randomUUID } from 'node:crypto';
import type { Logger } from '../core/log.js';
import type { AuthContext, AuthStrategy } from '../core/strategy.js';

const holders = new WeakMap<object, string>();

/** The id of one client (its state object) in the fleet's key holds: random, made on first use. */
export function holderOf(client: object): string {
  let id = holders.get(client);
  if (id === undefined) {
    id = randomUUID();
    holders.set(client, id);
  }
  return id;
}

/**
 * Tells the fleet (when the client coordinates with one that keeps key holds) that `oldId` was replaced by
 * `nextId`: every process holding the old key reads its credentials source at its next check. Never throws: the
 * rotation goes on in this process whatever the fleet's service answers.
 */
export async function announceReplaced(
  context: AuthContext,
  oldId: string,
  nextId: string,
  log: Logger,
  provider: string,
): Promise<void> {
  const fleet = context.coordination?.keys;
  if (!fleet) return;
  try {
    await fleet.replace(oldId, nextId);
  } catch (error) {
    log.warn(
      `${provider}: could not tell the fleet that the key was replaced (${(error as Error)?.name ?? 'error'}); other processes find out when their own source changes`,
    );
  }
}

/**
 * Releases a replaced key once this client's last request with it has ended. Alone (no fleet), that is the
 * strategy's `close` (an AlphaPoint session logged out). In a fleet, this client lets the key go; the one client
 * that lets it go last (no live hold left) retires it, logging the fleet's session out once; the others only
 * close their own use of it. When the fleet's service does not answer, nothing is logged out: the session ends by
 * the exchange's idle lifetime.
 */
export async function releaseReplaced(
  strategy: AuthStrategy,
  context: AuthContext,
  oldId: string,
  holder: string,
  log: Logger,
  provider: string,
): Promise<void> {
  const fleet = context.coordination?.keys;
  if (!fleet) {
    await strategy.close?.(context);
    return;
  }
  let last = false;
  try {
    last = await fleet.leave(oldId, holder);
  } catch (error) {
    log.warn(
      `${provider}: could not tell the fleet that this process let the replaced key go (${(error as Error)?.name ?? 'error'}); its session ends by the exchange's idle lifetime`,
    );
  }
  if (last && strategy.retire) await strategy.retire(context);
  else await strategy.close?.(context);
}
