/**
 * Where each exchange carries credentials on the wire: the one list that the providers sign with and that the
 * cassette recorder of `exchange-auth/testing` redacts by (a core file both layers may read; it imports nothing).
 */

/**
 * What a credential is, which says how a replay checks it: `api-key` (must be a key the test configured),
 * `signature` (recomputed with the configured secret), `nonce` (must increase), `deadline` (must be in the future
 * of the replay clock), `session-token` and `pending-2fa-token` (must be the ones the replayed login issued),
 * `one-time-password` (a TOTP code, checked when the test gives the TOTP secret), `cookie` (not checked).
 */
export type CredentialKind =
  | 'api-key'
  | 'signature'
  | 'nonce'
  | 'deadline'
  | 'session-token'
  | 'pending-2fa-token'
  | 'one-time-password'
  | 'cookie';

/** The credential headers and JSON fields of one exchange, names as the exchange spells them. */
export interface WireCredentials {
  /** Request headers that carry credentials. */
  readonly headers: Readonly<Record<string, CredentialKind>>;
  /** Fields of request bodies, queries and answers (at any depth) that carry credentials. */
  readonly fields: Readonly<Record<string, CredentialKind>>;
}

/** Bitex: the key in `Authorization`, a TOTP in `One-Time-Password`; `apiKeys.create` answers a new key's `token`. */
export const BITEX_WIRE = {
  headers: { Authorization: 'api-key', 'One-Time-Password': 'one-time-password' },
  fields: { token: 'api-key' },
} as const satisfies WireCredentials;

/** bitexbit: the v2 API's key, nonce and signature headers, and the gateway's key, deadline and signature. */
export const BITEXBIT_WIRE = {
  headers: {
    'X-API-Key': 'api-key',
    'X-Nonce': 'nonce',
    'X-Signature': 'signature',
    'X-Key': 'api-key',
    'X-Timeout': 'deadline',
    'X-Sign': 'signature',
  },
  fields: {},
} as const satisfies WireCredentials;

/**
 * AlphaPoint (Kiiex, NDAX): the four login headers (`UserId` is not secret: it is signed and stays readable),
 * the session in `aptoken`, NDAX's `Pending2FaToken`; the login answer's `SessionToken` and `Pending2FaToken`,
 * the second factor's `Code`.
 */
export const ALPHAPOINT_WIRE = {
  headers: {
    APIKey: 'api-key',
    Signature: 'signature',
    Nonce: 'nonce',
    aptoken: 'session-token',
    Pending2FaToken: 'pending-2fa-token',
  },
  fields: { SessionToken: 'session-token', Pending2FaToken: 'pending-2fa-token', Code: 'one-time-password' },
} as const satisfies WireCredentials;

/** Credentials every exchange may carry: cookies, either way. */
export const COMMON_WIRE = {
  headers: { Cookie: 'cookie', 'Set-Cookie': 'cookie' },
  fields: {},
} as const satisfies WireCredentials;

/**
 * A header name of `wire`, as declared there: a provider names its credential headers through this, so a header
 * it signs with is one the recorder redacts (a name missing from the list does not compile).
 */
export function headerOf<W extends WireCredentials>(_wire: W, name: keyof W['headers'] & string): string {
  return name;
}
