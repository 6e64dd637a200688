import type { ReceivedRequest, ServerAnswer } from '../http-server.js';
import { type SlidingWindowLimiter, slidingWindowLimiter } from '../rate-limit.js';
import { tooManyRequests } from './answers.js';
import { normaliseAddress } from './keys.js';

/** The exchange's rate limits; each check answers 429 with `Retry-After` past its limit, else `undefined`. */
export interface RateLimits {
  /** At most 100 public calls per second per address. */
  publicCall(request: ReceivedRequest): ServerAnswer | undefined;
  /** At most 2 authenticated calls per second per key. */
  privateCall(accessKey: string, at: number): ServerAnswer | undefined;
}

const take = (
  limiter: SlidingWindowLimiter,
  caller: string,
  at: number,
  message: 'rateLimited' | 'publicRateLimited',
): ServerAnswer | undefined => {
  const verdict = limiter.take(caller, at);
  return verdict.allowed ? undefined : tooManyRequests(message, verdict.retryAfterMs);
};

/** The exchange's rate limits, or none when `enforce` is false. */
export function rateLimits(enforce: boolean): RateLimits {
  if (!enforce) return { publicCall: () => undefined, privateCall: () => undefined };
  const publicLimit = slidingWindowLimiter(100, 1000);
  const privateLimit = slidingWindowLimiter(2, 1000);
  return {
    publicCall: (request) =>
      take(publicLimit, normaliseAddress(request.remoteAddress), request.at, 'publicRateLimited'),
    privateCall: (accessKey, at) => take(privateLimit, accessKey, at, 'rateLimited'),
  };
}
