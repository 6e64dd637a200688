import type { NonceSource } from '../../core/nonce.js';
import { withHeaders } from '../../core/request.js';
import type { AuthStrategy } from '../../core/strategy.js';
import { ALPHAPOINT_WIRE, headerOf } from '../../core/wire-credentials.js';
import { type AlphaPointSigner, alphapointHeaders } from './signature.js';

/** Options of {@link alphapointSignedHeaders}. */
interface SignedHeadersOptions extends AlphaPointSigner {
  /** The API secret as given (masked wherever it could be echoed). */
  readonly apiSecret: string;
  /** Where nonces come from: one fresh nonce per request. */
  readonly nonces: NonceSource;
  /** A non-secret key of the credentials for the nonce source (a fingerprint). */
  readonly nonceKey: string;
  /** Other values to mask (the signature of an identifying login). */
  readonly issued: () => Iterable<string>;
}

/** The four header names, as AlphaPoint spells them. */
const HEADER_NAMES = Object.freeze([
  headerOf(ALPHAPOINT_WIRE, 'APIKey'),
  headerOf(ALPHAPOINT_WIRE, 'Signature'),
  'UserId',
  headerOf(ALPHAPOINT_WIRE, 'Nonce'),
]);
/** How many recent signatures `secrets()` reports, so an exchange that echoes one has it masked. */
const RECENT_SIGNATURES = 32;

/**
 * AlphaPoint without a session: every private request carries the four login headers (`APIKey`, `Signature`,
 * `UserId`, `Nonce`), signed over a fresh nonce with {@link alphapointHeaders}, and no `aptoken`. Some deployments
 * accept this on every private call (ccxt `ndax` `sign()` when it holds no session token; hummingbot's
 * `oms_connector`). Nothing to log in to, renew or log out of: a refusal is final.
 *
 * The documented nonce is "any arbitrary number or random string", so requests are not serialised in nonce
 * order; the default source still never repeats a nonce for a key.
 */
export function alphapointSignedHeaders(options: SignedHeadersOptions): AuthStrategy {
  // A ring of the latest signatures: no array shifting on the signing path.
  const recent: string[] = [];
  let slot = 0;
  return {
    scheme: 'alphapoint-signed-headers',
    headerNames: HEADER_NAMES,
    async authorize(request, context) {
      const nonce = await options.nonces.next(options.nonceKey, context.clock.now());
      const headers = alphapointHeaders(options, nonce);
      recent[slot] = headers.Signature ?? '';
      slot = (slot + 1) % RECENT_SIGNATURES;
      return withHeaders(request, headers);
    },
    secrets: () => [options.apiSecret, options.apiKey, ...recent, ...options.issued()],
  };
}
