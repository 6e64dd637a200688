import type { ExchangeResponse, RequestOptions } from './client.js';
import type { Permission } from './permissions.js';

/** What the exchange said of the credentials. */
export type CredentialsVerdict =
  /** An authenticated call succeeded. */
  | 'valid'
  /** The exchange refused the key, secret or signature. */
  | 'invalid'
  /** The exchange says the account is locked. */
  | 'locked'
  /** The login needs a second factor and none was configured. */
  | 'two-factor-required'
  /** Nothing could tell (the exchange refused this address first, or did not answer). */
  | 'unknown';

/**
 * What the exchange said of this machine's address: `'refused'` only from an answer the exchange documents as
 * an address refusal; `'not-documented'` when the exchange publishes no such answer, so a refusal cannot be told
 * from others.
 */
export type AddressVerdict = 'allowed' | 'refused' | 'not-documented' | 'unknown';

/** What a key may do, as the exchange reports it or as harmless calls showed. */
export interface PermissionFindings {
  /** Permissions the exchange confirmed. */
  readonly granted: readonly Permission[];
  /** Permissions the exchange confirmed the key lacks. */
  readonly denied: readonly Permission[];
  /** Permissions nothing harmless could tell (the report's notes say why). */
  readonly unknown: readonly Permission[];
  /** The exchange's own names of what the key may do (Bitex flags set, AlphaPoint permission names). */
  readonly exchange: readonly string[];
  /** Where the answer came from (`GET /api_keys`, `GetUserPermissions`, the calls probed). */
  readonly source: string;
}

/** What a provider's {@link Provider.inspect} hook found. Holds no credential. */
export interface ProviderInspection {
  /** What the exchange said of the credentials. */
  readonly credentials: CredentialsVerdict;
  /** What the exchange said of this machine's address. */
  readonly address: AddressVerdict;
  /** `undefined` when the credentials could not be used. */
  readonly permissions: PermissionFindings | undefined;
  /** Whether the exchange's authentication depends on this machine's clock (a signed deadline). */
  readonly clockMatters: boolean;
  /** Calls the exchange says need a second factor even on an API-key session (lower case), if it says. */
  readonly twoFactorCalls?: readonly string[] | undefined;
  /** What was asked, what could not be told and why, and what to do. */
  readonly notes: readonly string[];
}

/** What a provider's {@link Provider.inspect} hook may use. */
export interface InspectContext {
  /**
   * Sends a request with the client's key through its pipeline, for any permission: only for calls that cannot
   * change anything (a read, or cancelling an order that does not exist) that show what the key may do.
   */
  request<T = unknown>(options: RequestOptions): Promise<ExchangeResponse<T>>;
  /** The permissions the client was configured with. */
  readonly configured: readonly Permission[];
}

/** A problem the doctor found, most serious first in {@link InspectReport.problems}. */
export type InspectProblem =
  | 'invalid-credentials'
  | 'two-factor-required'
  | 'ip-refused'
  | 'permission-mismatch'
  | 'clock-skew';

/** The permissions compared: what the client was configured for, against what the exchange reports. */
export interface PermissionComparison extends PermissionFindings {
  /** What the client was configured with. */
  readonly configured: readonly Permission[];
  /** Configured, and the exchange says the key lacks it: calls needing it will be refused. */
  readonly missing: readonly Permission[];
  /** Configured, and nothing harmless could confirm it. */
  readonly unconfirmed: readonly Permission[];
  /** The key has it and the client was not configured for it: a narrower key would be safer. */
  readonly beyond: readonly Permission[];
}

/** The exchange's clock against this machine's, from the `Date` header of the doctor's calls. */
export interface ClockFinding {
  /** Median offset in milliseconds: positive when the exchange is ahead. */
  readonly offsetMs: number;
  /** The least offset the answers allow. */
  readonly lowMs: number;
  /** The greatest offset the answers allow. */
  readonly highMs: number;
  /** Answers the reading rests on. */
  readonly samples: number;
  /** Whether the answers prove the clocks more than {@link CLOCK_TOLERANCE_MS} apart. */
  readonly skewed: boolean;
  /** Whether the exchange's authentication depends on the clock: a skew is then a problem, else a warning. */
  readonly matters: boolean;
}

/** The nonce state of the client's key. Values are the nonces as sent (numbers, never secrets). */
export interface NonceFinding {
  /** Whether the key's scheme uses a nonce sequence at all. */
  readonly sequence: boolean;
  /**
   * The last nonce of this process's own sequence for the key (every client of it without a `coordination`), if
   * any; a client with a `coordination` takes its nonces from the fleet, in `fleet`.
   */
  readonly lastInProcess: string | undefined;
  /**
   * The fleet's last nonce for the key, from the client's `coordination`: `'not-configured'` without one,
   * `'unavailable'` when the coordination cannot say (or did not answer).
   */
  readonly fleet: { readonly last: string | undefined } | 'not-configured' | 'unavailable';
}

/** What `client.inspect()` found: answered by the exchange itself, with no secret in it. */
export interface InspectReport {
  /** The provider's name. */
  readonly provider: string;
  /** No problem found. */
  readonly healthy: boolean;
  /** Problems, most serious first. */
  readonly problems: readonly InspectProblem[];
  /** What the exchange said of the credentials. */
  readonly credentials: CredentialsVerdict;
  /** What the exchange said of this machine's address. */
  readonly address: AddressVerdict;
  /** `undefined` when the credentials could not be used. */
  readonly permissions: PermissionComparison | undefined;
  /** `undefined` when no answer carried a `Date` header. */
  readonly clock: ClockFinding | undefined;
  /** The key's nonce state, in this process and in the fleet. */
  readonly nonce: NonceFinding;
  /** Calls that need a second factor even on an API-key session, when the exchange says. */
  readonly twoFactorCalls: readonly string[] | undefined;
  /** What was asked, what could not be told, and what to do; exchange text is quoted, secrets masked. */
  readonly notes: readonly string[];
}

/** How far apart the clocks may be proven before the doctor calls it a skew, in milliseconds. */
export const CLOCK_TOLERANCE_MS = 1000;
