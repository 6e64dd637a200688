import { brand, TransportError } from '../core/errors.js';

/**
 * Why Redis could not coordinate a request: it could not be reached (`unreachable`), it did not answer within
 * the command deadline (`deadline`), it answered with an error (`reply`, such as `READONLY` or `OOM`), a lease
 * held for a running task ended before the task did (`lease-lost`), or the key's stored nonce is far ahead of
 * the clock, as only a foreign write leaves it (`nonce-ahead`).
 */
export type RedisFailure = 'unreachable' | 'deadline' | 'reply' | 'lease-lost' | 'nonce-ahead';

/**
 * Redis could not give what a request needed before it was signed (a nonce, the key's lock, the session, a
 * rate-limit turn), so the request was not sent: `outcome` is `'not-sent'` and it is safe to try again. The
 * message names the server (`address`), never a password, key or token.
 *
 * It is a {@link TransportError}, so code that handles network faults handles it too.
 */
export class RedisCoordinationError extends TransportError {
  static {
    // The same brand as the library's own error classes: `instanceof` holds across the ESM and CJS copies.
    brand(RedisCoordinationError, 'RedisCoordinationError');
  }

  /** The server, as `host:port` or `unix:/path`. */
  readonly address: string;
  /** What went wrong. */
  readonly reason: RedisFailure;
  constructor(
    message: string,
    fields: { address: string; reason: RedisFailure; networkCode?: string | undefined; provider?: string },
  ) {
    super(message, {
      provider: fields.provider ?? 'redis',
      outcome: 'not-sent',
      networkCode: fields.networkCode,
    });
    this.address = fields.address;
    this.reason = fields.reason;
  }
}
