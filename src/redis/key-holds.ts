import { createHash } from 'node:crypto';
import type { SharedKeys } from '../core/coordination.js';
import { type Connection, evalScript, integer, unexpectedReply } from './connection.js';
import { REPLICATE_EFFECTS, script } from './scripts.js';

// Which clients of a fleet hold which key, so a replaced key is let go everywhere and released once (docs/fleet.md).
const NOW = `
${REPLICATE_EFFECTS}
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)`;

/**
 * KEYS holders, replaced, retired; ARGV holder, leaseMs. Holds the key until now + leaseMs (a key held again is
 * not retired any more) and answers 1 when it was replaced, else 0.
 */
const HOLD = script(`${NOW}
local lease = tonumber(ARGV[2])
redis.call('HSET', KEYS[1], ARGV[1], string.format('%.0f', now + lease))
if redis.call('PTTL', KEYS[1]) < lease then redis.call('PEXPIRE', KEYS[1], lease) end
redis.call('DEL', KEYS[3])
if redis.call('EXISTS', KEYS[2]) == 1 then return 1 end
return 0`);

/** KEYS replaced; ARGV hash of the next key id, ttlMs. */
const REPLACE = script(`redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`);

/**
 * KEYS holders, retired; ARGV holder, ttlMs. Drops the holder and the holds that ran out; when no hold is left,
 * claims the key's release (1 for the one caller that set `retired`, else 0).
 */
const LEAVE = script(`${NOW}
redis.call('HDEL', KEYS[1], ARGV[1])
local all = redis.call('HGETALL', KEYS[1])
for i = 1, #all, 2 do
  if tonumber(all[i + 1]) > now then return 0 end
  redis.call('HDEL', KEYS[1], all[i])
end
if redis.call('SET', KEYS[2], '1', 'NX', 'PX', ARGV[2]) then return 1 end
return 0`);

/** KEYS holders; ARGV holder. Drops the holder's hold, claiming nothing. */
const DROP = script(`redis.call('HDEL', KEYS[1], ARGV[1])
return 1`);

/** How long the fleet remembers that a key was replaced, and that it was released: a day. */
const REMEMBER_MS = 24 * 60 * 60 * 1000;

/** What Redis keeps of a key id: a hash (the id is itself a salted hash; this is one more step away). */
const hashOf = (keyId: string) =>
  createHash('sha256').update('exchange-auth/redis replaced\0').update(keyId).digest('hex').slice(0, 32);

/**
 * The shortest hold: a live process starved for a while (a loaded machine, a paused VM) must not lose its hold,
 * or the fleet would log a session out under it. A dead one only delays the release by as much.
 */
const MIN_HOLD_MS = 30_000;

/**
 * The fleet's holds on keys, on one connection: each client renews its hold every `checkEveryMs` (a hold lasts
 * three of them, and at least 30 s), so a process that died stops counting after that.
 */
export function redisKeyHolds(connection: Connection, checkEveryMs: number): SharedKeys {
  const leaseMs = Math.max(checkEveryMs * 3, MIN_HOLD_MS);
  return {
    checkEveryMs,
    async hold(key, holder, bounds) {
      const names = connection.names(key);
      const reply = await evalScript(connection, {
        script: HOLD,
        keys: [names.holders, names.replaced, names.retired],
        args: [holder, leaseMs],
        operation: 'holding a key',
        signal: bounds?.signal,
        timeoutMs: bounds?.timeoutMs,
      });
      const replaced = integer(reply);
      if (replaced === undefined) throw unexpectedReply(connection, 'holding a key');
      return { replaced: replaced === 1 };
    },
    async replace(key, next, bounds) {
      await evalScript(connection, {
        script: REPLACE,
        keys: [connection.names(key).replaced],
        args: [hashOf(next), REMEMBER_MS],
        operation: 'marking a key replaced',
        signal: bounds?.signal,
        timeoutMs: bounds?.timeoutMs,
      });
    },
    async leave(key, holder, bounds) {
      const names = connection.names(key);
      const reply = await evalScript(connection, {
        script: LEAVE,
        keys: [names.holders, names.retired],
        args: [holder, REMEMBER_MS],
        operation: 'letting a key go',
        signal: bounds?.signal,
        timeoutMs: bounds?.timeoutMs,
      });
      return integer(reply) === 1;
    },
    async drop(key, holder, bounds) {
      await evalScript(connection, {
        script: DROP,
        keys: [connection.names(key).holders],
        args: [holder],
        operation: 'dropping a key hold',
        signal: bounds?.signal,
        timeoutMs: bounds?.timeoutMs,
      });
    },
  };
}
