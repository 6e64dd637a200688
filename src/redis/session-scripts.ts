import { REPLICATE_EFFECTS, script } from './scripts.js';

// The session store's scripts: reads mark a session used by Redis's clock; writes and deletes compare token ids.
/** The current time by Redis's clock, in whole milliseconds, as a string (in a script, after the line below). */
const REDIS_NOW = `
${REPLICATE_EFFECTS}
local time = redis.call('TIME')
local now = string.format('%.0f', tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000))`;

/**
 * Reads the session: [format, sealed, obtainedAt, lastUsedAt before this read, now]. It marks the session used
 * only for a reader that names its reader id (ARGV[2], kept after the token id in `tid`), which only a holder of
 * the secret can: a reader without it (another tenant, a wrong secret) changes nothing.
 */
export const GET_SESSION = script(`${REDIS_NOW}
local fields = redis.call('HMGET', KEYS[1], 'v', 'data', 'obtainedAt', 'lastUsedAt', 'tid')
if not fields[2] then return false end
local reader = string.match(fields[5] or '', '%.(.*)$')
if not reader or reader == ARGV[2] then
  redis.call('HSET', KEYS[1], 'lastUsedAt', now)
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
return {fields[1] or '', fields[2], fields[3] or '', fields[4] or '', now}`);

/** Replaces the session: sealed payload, `<token id>.<reader id>`, obtainedAt; used now; expires when idle. */
export const SET_SESSION = script(`${REDIS_NOW}
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'v', '1', 'data', ARGV[1], 'tid', ARGV[2] .. '.' .. ARGV[5], 'obtainedAt', ARGV[3], 'lastUsedAt', now)
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1`);

/** Compare-and-delete on the token id (the part of `tid` before the dot; all of it in sessions stored before). */
export const DELETE_SESSION = script(`
local tid = redis.call('HGET', KEYS[1], 'tid')
if tid and string.match(tid, '^([^.]*)') == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`);
