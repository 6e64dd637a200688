/**
 * What a WebSocket reports about itself (`onStatus`), for logs and metrics. Holds no credential and no frame.
 */
export type SocketStatus =
  /** A connection was authenticated and its subscriptions restored; `reconnect` after the first. */
  | { readonly type: 'authenticated'; readonly reconnect: boolean }
  /** The connection ended; a new one follows unless the socket was closed or the breaker is open. */
  | { readonly type: 'disconnected' }
  /** Nothing arrived after a `Ping` within the dead-connection deadline: the connection is ended. */
  | { readonly type: 'dead' }
  /** The next connection attempt starts after `delayMs` (backoff with jitter). */
  | { readonly type: 'reconnecting'; readonly attempt: number; readonly delayMs: number }
  /** Authentication failed `failures` times in a row: no more attempts; calls fail with the last error. */
  | { readonly type: 'breaker-open'; readonly failures: number }
  /** A subscription was made again on a new connection; `data` is its reply (a Level 2 snapshot, for one). */
  | { readonly type: 'resubscribed'; readonly name: string; readonly data: unknown }
  /** A subscription could not be made again; `message` says why (masked). */
  | { readonly type: 'resubscribe-failed'; readonly name: string; readonly message: string }
  /** An event did not match its documented schema: delivered anyway, with `drift`. */
  | { readonly type: 'event-drift'; readonly name: string; readonly issues: readonly string[] }
  /** An event buffer was full: its oldest event was dropped (`dropped` so far for that reader). */
  | { readonly type: 'events-dropped'; readonly dropped: number };
