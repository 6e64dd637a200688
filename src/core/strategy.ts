import type { Clock } from './clock.js';
import type { ClockOffset } from './clock-offset.js';
import type { Coordination } from './coordination.js';
import type { AuthEvent } from './events.js';
import type { Logger } from './log.js';
import type { PreparedRequest, RawResponse } from './request.js';

/** What a strategy may use while authorising one request. Built by the pipeline for each call. */
export interface AuthContext {
  /**
   * Sends a request through the client's transport (agents, proxies, timeouts and interceptors apply), for
   * logins and logouts. It is bounded by the client's timeout, not by {@link AuthContext.signal}: a login is
   * shared by every request waiting for it, so one caller's abort must not end it for the others.
   */
  send(request: PreparedRequest): Promise<RawResponse>;
  /** The caller's abort signal: stop waiting (for a login, a nonce) when it aborts. */
  readonly signal: AbortSignal | undefined;
  /** When the caller's attempt must be over, in {@link Clock} milliseconds; `undefined` for no deadline. */
  readonly deadline: number | undefined;
  /** The client's logger; every secret is masked in what it forwards. */
  readonly logger: Logger;
  /** The client's clock: read time from it, never from `Date.now`. */
  readonly clock: Clock;
  /**
   * How far the exchange's clock is from {@link AuthContext.clock}, measured from the `Date` header of its
   * answers; `undefined` when the client measures none. Time-based nonces add
   * {@link ClockOffset.provenAheadMs}, deadlines {@link ClockOffset.deadlineShiftMs}.
   */
  readonly clockOffset?: ClockOffset | undefined;
  /**
   * The fleet's coordination this attempt uses (nonces and sessions shared between processes), or `undefined`
   * for the process's own. Set by the pipeline from the client's `coordination` option.
   */
  readonly coordination?: Coordination | undefined;
  /**
   * Where a strategy reports logins and session expiries, for the client's metrics events (optional: call it
   * through `reportAuthEvent`, which ignores a listener's errors). The client adds its provider's name.
   */
  readonly onEvent?: ((event: AuthEvent) => void) | undefined;
}

/** Puts credentials on a request: the one job every strategy has. */
export interface RequestSigner {
  /** A short name of the scheme, for logs (`static-header-key`, `key-pair-signature`, `session-token`). */
  readonly scheme: string;
  /**
   * The headers this signer sets (credentials, nonces, signatures, deadlines), as it names them. A caller's own
   * header with one of these names (in any case) is refused with a ConfigurationError before anything is sent,
   * so it can neither replace nor duplicate what the signer puts on the request. The built-in strategies derive
   * it from the header names they are given, so it is never written twice. A signer that leaves it out still
   * wins: `withHeaders` replaces a caller's header of the same name in any case, but the caller is not told.
   */
  readonly headerNames?: readonly string[];
  /** Returns a new request carrying credentials. Must not mutate `request`. */
  authorize(request: PreparedRequest, context: AuthContext): PreparedRequest | Promise<PreparedRequest>;
}

/** Says which values must never be printed. */
export interface SecretHolder {
  /**
   * Values that must never be printed (keys, secrets, signatures, tokens). The pipeline masks them in every log
   * line, error and text an exchange sends back.
   */
  secrets(): readonly string[];
}

/** Credentials that can expire and be released (a session). */
export interface CredentialLifecycle {
  /**
   * The exchange said the credentials carried by `request` expired. Drop them if they are still the current
   * ones and return true when authorising again can help (a new session); false when it cannot.
   */
  expire?(request: PreparedRequest): boolean | Promise<boolean>;
  /** Release what the strategy holds (log out of a session). Safe to call more than once. */
  close?(context: AuthContext): Promise<void>;
  /**
   * The key was replaced and no process uses it any more: release it everywhere. Unlike `close`, which in a fleet
   * leaves the fleet's session to the other processes, this logs the fleet's session out too. Called once per
   * fleet by the client that lets the key go last; without it, `close` is called.
   */
  retire?(context: AuthContext): Promise<void>;
}

/** Says which credentials a strategy holds, without holding them. */
export interface KeyIdentity {
  /**
   * A non-secret identifier of the credentials (a salted hash, never a credential): the same for the same
   * credentials in every process and copy of the library, another as soon as any part of them changes. A client
   * compares it to tell a new key from the one it holds (a credentials source, a fleet's rotation).
   */
  readonly keyId?: string;
}

/** Requests that must reach the exchange in the order they were signed (nonce schemes). */
export interface RequestOrdering {
  /**
   * Private requests of every client whose strategy has the same key go one at a time, in the order they were
   * authorised. Use a fingerprint of the credentials, never the credentials.
   */
  readonly sequenceKey?: string;
}

/**
 * How credentials are put on a request: a signer that can name its secrets, with an optional lifecycle and an
 * optional ordering key. One implementation per scheme; a strategy knows no HTTP library, endpoint or exchange.
 */
export interface AuthStrategy
  extends RequestSigner,
    SecretHolder,
    CredentialLifecycle,
    RequestOrdering,
    KeyIdentity {}
