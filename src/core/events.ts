import type { ErrorCode } from './errors.js';
import { isThenable } from './log.js';
import type { HttpMethod } from './request.js';

/** What a strategy reports about its credentials through {@link AuthContext.onEvent}. Holds no credential. */
export type AuthEvent =
  /** A login is starting: one for every group of concurrent requests that share it. */
  | { readonly type: 'login-started' }
  /** A login ended: `ok`, or failed with the error's code. */
  | {
      readonly type: 'login-finished';
      readonly ok: boolean;
      /** How long it took, from the client's clock. */
      readonly durationMs: number;
      /** The failure's code (`authentication`, `transport` ...); `undefined` when ok or not a library error. */
      readonly errorCode: ErrorCode | undefined;
    }
  /**
   * A session ended: `'refused'` when the exchange refused its token (the request is sent once more after a new
   * login), `'idle'` when it was idle for nearly the exchange's idle lifetime and is renewed before use.
   */
  | { readonly type: 'session-expired'; readonly reason: 'refused' | 'idle' };

/** Where a request was going, in every request event. */
export interface RequestEventFields {
  /** The provider's name (`bitex`). */
  readonly provider: string;
  readonly method: HttpMethod;
  /** The request's path as given, without the query string (`/users/me`). */
  readonly path: string;
  /** The catalog name of the endpoint (`orders.create`), or `undefined` for a request outside the catalog. */
  readonly endpoint: string | undefined;
}

/**
 * What a client reports to its `onEvent` listener, for metrics: logins, session expiries, retries, rate-limit
 * waits and finished requests. Every string is masked like a log line; no event holds a key, secret, signature
 * or token. Durations come from the client's clock.
 */
export type ClientEvent =
  | (AuthEvent & { readonly provider: string })
  /** An attempt failed and another is scheduled after `delayMs`. */
  | (RequestEventFields & {
      readonly type: 'retry-scheduled';
      /** The number of the attempt about to be made (2 for the first retry). */
      readonly attempt: number;
      readonly delayMs: number;
      /** Why: the failed attempt's error code (`rate-limited`, `exchange` for a 5xx, `transport`). */
      readonly reason: ErrorCode;
      /** The failed attempt's HTTP status, `undefined` when it got no answer. */
      readonly status: number | undefined;
    })
  /**
   * The exchange accepted a request that moves money, but its answer does not match the endpoint's documented
   * schema: the call resolved with the answer as sent and `drift` (unless `strictAnswers` is on).
   */
  | (RequestEventFields & {
      readonly type: 'answer-drift';
      readonly status: number;
      /** What did not match, one line each (`data.attributes.created_at: expected string, received undefined`). */
      readonly issues: readonly string[];
    })
  /**
   * The client's `credentials` source gave a new key and the client now uses it (the replaced key is released:
   * its last request ended, its session logged out unless another process of the fleet still uses it).
   */
  | { readonly type: 'credentials-rotated'; readonly provider: string }
  /**
   * Reading the `credentials` source failed and the client keeps its current key: the load threw or rejected
   * (`'load-failed'`), did not settle within `loadTimeoutMs` (`'load-timeout'`), gave a key `rotate` refuses
   * (`'refused'`: another exchange, base URL or access type), or the fleet's key holds did not answer
   * (`'fleet-unavailable'`). The error's message is never quoted; its code is, when it is the library's.
   */
  | {
      readonly type: 'credentials-failed';
      readonly provider: string;
      readonly reason: 'load-failed' | 'load-timeout' | 'refused' | 'fleet-unavailable';
      readonly errorCode: ErrorCode | undefined;
    }
  /** The request waited for the client-side rate limit. */
  | (RequestEventFields & { readonly type: 'rate-limit-wait'; readonly waitMs: number })
  /** The request is over: answered and accepted, or failed. */
  | (RequestEventFields & {
      readonly type: 'request-finished';
      /** The last answer's HTTP status, `undefined` when none came. */
      readonly status: number | undefined;
      /** Attempts put on the wire (0 when it was refused before sending; more after retries or a renewal). */
      readonly attempts: number;
      /** From the call to its end, queues, logins and backoff included. */
      readonly durationMs: number;
      /** `'ok'`, or the error's code; `'other'` for an error that is not the library's. */
      readonly outcome: 'ok' | ErrorCode | 'other';
    });

/**
 * Receives a client's events. It must return quickly; what it returns is ignored, and what it throws, or the
 * promise it returns rejects with (an `async` listener), is logged once and ignored.
 */
export type ClientEventListener = (event: ClientEvent) => unknown;

/** Reports `event` through the context's `onEvent`, if any; a listener that throws changes nothing. */
export function reportAuthEvent(
  context: { readonly onEvent?: ((event: AuthEvent) => void) | undefined },
  event: AuthEvent,
): void {
  try {
    const result: unknown = context.onEvent?.(event);
    if (isThenable(result)) result.then(undefined, () => undefined);
  } catch {
    // A metrics listener must never break a login.
  }
}
