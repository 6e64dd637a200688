import { constants } from 'node:os';

// A network error's `code` is copied onto TransportError.networkCode, a machine field that masking leaves alone.
// When the error came through a user's axios instance, interceptor or `send` function, its `code` is foreign:
// an interceptor may throw the request config or any object whose `code` is a header value. Only the codes Node
// and axios really use are kept; anything else is dropped.

/** Node's errno names (`ECONNRESET`, `ETIMEDOUT` ...), from the running Node itself. */
const ERRNO = new Set(Object.keys(constants.errno));

/** getaddrinfo's codes, and the TLS certificate verdicts of OpenSSL as Node reports them. */
const OTHER = new Set([
  'EAI_AGAIN',
  'EAI_FAIL',
  'EAI_NONAME',
  'EAI_NODATA',
  'ENOTFOUND',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'HOSTNAME_MISMATCH',
]);

/** Node's `ERR_*` codes, undici's `UND_ERR_*` and llhttp's `HPE_*` parser errors: upper-case words only. */
const PREFIXED = /^(?:ERR|UND_ERR|HPE)_[A-Z0-9]+(?:_[A-Z0-9]+){0,8}$/;

/** `code` when it is a network error code Node or axios uses, else `undefined`. */
export function networkCodeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  if (typeof code !== 'string' || code.length > 64) return undefined;
  return ERRNO.has(code) || OTHER.has(code) || PREFIXED.test(code) ? code : undefined;
}
