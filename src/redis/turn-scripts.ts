import { integer } from './connection.js';
import { REPLICATE_EFFECTS, script } from './scripts.js';

/**
 * Takes a key's turn for ARGV[1] when the lock is free, was handed to it, or is still its own (a process that
 * goes on with the key's next request): [1, fence, nonce, processes waiting], the nonce (with ARGV[4] = '1'; else
 * '') being max(stored + 1, the process's last + 1, now), or 'ahead', nothing written, when the stored one is
 * more than ARGV[7] ahead of now. Else it queues ARGV[1] (oldest first, by Redis TIME) and answers
 * [0, milliseconds left on the holder's lease].
 * KEYS: lock, fence, queue, nonce. ARGV: owner, lease ms, '1' when queued before, '1' to take a nonce, the
 * process's last nonce, now (ms), how far ahead a stored nonce may be, how long the queue lasts unused (ms).
 */
export const TAKE_TURN = script(`
local holder = redis.call('GET', KEYS[1])
if holder and holder ~= ARGV[1] then
  ${REPLICATE_EFFECTS}
  local time = redis.call('TIME')
  local arrived = string.format('%.0f', tonumber(time[1]) * 1000000 + tonumber(time[2]))
  redis.call('ZADD', KEYS[3], 'NX', arrived, ARGV[1])
  redis.call('PEXPIRE', KEYS[3], ARGV[8])
  return {0, redis.call('PTTL', KEYS[1])}
end
local nonce = ''
if ARGV[4] == '1' then
  local stored = tonumber(redis.call('GET', KEYS[4])) or 0
  local now = tonumber(ARGV[6])
  if now > 0 and stored > now + tonumber(ARGV[7]) then
    nonce = 'ahead'
  else
    nonce = string.format('%.0f', math.max(stored + 1, tonumber(ARGV[5]) + 1, now))
    redis.call('SET', KEYS[4], nonce)
  end
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
if ARGV[3] == '1' then redis.call('ZREM', KEYS[3], ARGV[1]) end
return {1, redis.call('INCR', KEYS[2]), nonce, redis.call('ZCARD', KEYS[3])}`);

/**
 * Ends ARGV[1]'s turn, or its wait: it leaves the queue and, if it holds the lock, the lock goes to the oldest
 * waiting process (held for ARGV[2] ms until that process takes it up; its id is published on its channel,
 * ARGV[3] followed by the part of the id before the dot) or, with nobody waiting, is deleted. A lock that lapsed
 * (nobody holds it) goes to the oldest waiting process the same way, so that it need not wait to ask again.
 * KEYS: lock, queue.
 */
export const END_TURN = script(`
redis.call('ZREM', KEYS[2], ARGV[1])
local holder = redis.call('GET', KEYS[1])
if holder and holder ~= ARGV[1] then return 0 end
local next = redis.call('ZRANGE', KEYS[2], 0, 0)[1]
if not next then
  if holder then redis.call('DEL', KEYS[1]) end
  return 1
end
redis.call('ZREM', KEYS[2], next)
redis.call('SET', KEYS[1], next, 'PX', ARGV[2])
local token = string.match(next, '^(%x+)%.')
if token then redis.call('PUBLISH', ARGV[3] .. token, next) end
return 2`);

/**
 * Keeps a turn this process holds (sent without waiting for the answer): raises the key's stored nonce to ARGV[3]
 * (unless it is empty), never lowering it, so that whoever takes the turn next, even after this process died,
 * starts above it; and, while ARGV[1] still holds the lock, sets it to expire in ARGV[2] ms (a lease for a request
 * that goes on with the turn, or a short while for a turn kept with nothing to send). Answers [1, processes
 * waiting] or, when the lock is no longer ARGV[1]'s turn of fence ARGV[4] (it lapsed, or was taken again since:
 * a script that arrives late never touches a later turn), [0, 0].
 * KEYS: lock, queue, nonce, fence.
 */
export const KEEP_TURN = script(`
if ARGV[3] ~= '' and tonumber(ARGV[3]) > (tonumber(redis.call('GET', KEYS[3])) or 0) then
  redis.call('SET', KEYS[3], ARGV[3])
end
if redis.call('GET', KEYS[1]) ~= ARGV[1] or redis.call('GET', KEYS[4]) ~= ARGV[4] then return {0, 0} end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return {1, redis.call('ZCARD', KEYS[2])}`);

/** The reply of {@link TAKE_TURN}. */
export type TakeReply =
  | {
      readonly acquired: true;
      readonly fence: number;
      readonly nonce: string | undefined;
      readonly waiting: number;
    }
  | { readonly acquired: false; readonly heldForMs: number };

export function parseTake(reply: unknown, nonces: boolean): TakeReply | undefined {
  if (!Array.isArray(reply)) return undefined;
  const flag = integer(reply[0]);
  const value = integer(reply[1]);
  if (value === undefined) return undefined;
  if (flag === 0 && reply.length === 2) return { acquired: false, heldForMs: value };
  const waiting = integer(reply[3]);
  if (flag !== 1 || reply.length !== 4 || waiting === undefined) return undefined;
  const nonce: unknown = reply[2];
  if (!nonces) return nonce === '' ? { acquired: true, fence: value, nonce: undefined, waiting } : undefined;
  if (nonce === NONCE_AHEAD) return { acquired: true, fence: value, nonce, waiting };
  const digits = integer(nonce);
  if (digits === undefined || digits <= 0) return undefined;
  return { acquired: true, fence: value, nonce: String(digits), waiting };
}

/** The nonce taken with a turn was refused: the stored one is far ahead of the clock. */
export const NONCE_AHEAD = 'ahead';
