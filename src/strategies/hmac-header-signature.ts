import type { NonceSource } from '../core/nonce.js';
import { registryKey } from '../core/registry.js';
import type { HttpMethod } from '../core/request.js';
import type { AuthStrategy } from '../core/strategy.js';
import { parseOptions } from '../core/validate.js';
import { optionsSchema } from './hmac-header-options.js';
import { DEFAULT_NAME, HmacSigner } from './hmac-signer.js';

/**
 * The headers an HMAC header scheme sends, as the exchange names them. Declared here once: the strategy signs
 * with these names, and a client refuses a caller's own header with any of them (in any case) before sending.
 */
export interface HmacHeaderNames {
  /** Carries the key id (`X-API-Key`). Leave it out when the exchange finds the key some other way. */
  readonly key?: string;
  /** Carries the signature (`X-Signature`). */
  readonly signature: string;
  /**
   * Carries a strictly increasing nonce (`X-Nonce`). When it is given, every request draws a nonce (see
   * {@link HmacHeaderSignatureOptions.nonceSource}) and one key's requests reach the exchange in nonce order.
   */
  readonly nonce?: string;
  /**
   * Carries a timestamp (`X-TS`), or a deadline (see {@link HmacHeaderSignatureOptions.timestamp}). When it is
   * given, every request gets one from the client's clock.
   */
  readonly timestamp?: string;
}

/** What a message builder may sign: the request exactly as it is sent, and the values the strategy adds to it. */
export interface SignedParts {
  /** `GET`, `POST` ... in upper case. */
  readonly method: HttpMethod;
  /** The URL path as sent, base URL prefix included, query string excluded (`/api/v2/private/balance`). */
  readonly path: string;
  /** The encoded query string as sent, without the `?`; `''` when there is none. */
  readonly query: string;
  /** The body exactly as sent; `''` when there is none. */
  readonly body: string;
  /** This request's nonce; `''` when the scheme declares no nonce header. */
  readonly nonce: string;
  /** This request's timestamp (or deadline); `''` when the scheme declares no timestamp header. */
  readonly timestamp: string;
  /** The key id, for schemes that sign it too. */
  readonly keyId: string;
}

/** Options of {@link hmacHeaderSignature}. */
export interface HmacHeaderSignatureOptions {
  /** The public key id. Sent in `headers.key` when that is declared; never used as the HMAC key. */
  keyId: string;
  /** The secret: its UTF-8 bytes are the HMAC key. Never sent, never printed. */
  secret: string;
  /** The HMAC's hash. Default `'sha256'`. */
  algorithm?: 'sha256' | 'sha384' | 'sha512';
  /** How the signature is written in its header. Default `'hex'` (lower case). */
  encoding?: 'hex' | 'base64' | 'base64url';
  /** The header names, declared once (see {@link HmacHeaderNames}). */
  headers: HmacHeaderNames;
  /**
   * Builds the text that is signed from the request as sent and the values added to it, exactly as the
   * exchange documents it: `({ timestamp, method, path, body }) => timestamp + method + path + body`.
   * Called once for every request; it must return a string.
   */
  message: (parts: SignedParts) => string;
  /**
   * Writes the timestamp header's value from the client's clock (epoch milliseconds). Default
   * `String(Math.floor(now))`, milliseconds; `(now) => String(Math.floor(now / 1000))` for seconds, or
   * `(now) => String(Math.floor(now) + 500)` for a deadline. Only with `headers.timestamp`.
   */
  timestamp?: (now: number) => string;
  /**
   * What the timestamp header carries, which says how the exchange's measured clock offset corrects it (see
   * `ClockOffset`): `'time'` (the default) is moved by the offset the exchange's answers prove, either way;
   * `'deadline'` (a time the exchange must not see as past) by the greatest offset they allow once they prove the
   * exchange ahead.
   */
  timestampKind?: 'time' | 'deadline';
  /**
   * Where nonces come from. Only with `headers.nonce`. Default: one sequence per key, shared by every client
   * in this process (in every copy of the library it loaded), or by the whole fleet when the client has a
   * `coordination`.
   */
  nonceSource?: NonceSource;
  /** Name used in errors (the provider's name). Default `hmac-header-signature`. */
  provider?: string;
  /** The scheme's name in logs; also names the key's nonce sequence. Default `hmac-header-signature`. */
  scheme?: string;
}

/**
 * The HMAC header scheme most exchanges use: the key id in one header, an optional nonce or timestamp in
 * others, and `HMAC(secret, message)` in a signature header, where `message` is built by a function you give
 * from the request exactly as it is sent. The header names are declared once, in `headers`; they become the
 * strategy's `headerNames`, so a caller can never set or replace them.
 *
 * With a nonce header, nonces come from a {@link NonceSource} keyed by a fingerprint of the key id, and the
 * strategy's `sequenceKey` is that fingerprint: one key's private requests are sent one at a time, in the order
 * they were signed, so they reach the exchange in nonce order. Every attempt (a retry too) is signed afresh.
 *
 * Options are checked once, here; signing is one HMAC with a key imported once. The strategy returns a new
 * request and never changes the one it is given.
 *
 * @example
 * ```ts
 * const strategy = hmacHeaderSignature({
 *   keyId: apiKey,
 *   secret: apiSecret,
 *   headers: { key: 'X-KEY', timestamp: 'X-TS', signature: 'X-SIG' },
 *   message: ({ timestamp, method, path, body }) => timestamp + method + path + body,
 * });
 * ```
 */
export function hmacHeaderSignature(options: HmacHeaderSignatureOptions): AuthStrategy {
  const named = (options as { provider?: unknown } | null)?.provider;
  const provider = typeof named === 'string' && named !== '' ? named : DEFAULT_NAME;
  const parsed = parseOptions(optionsSchema(), options, provider);
  const signer = new HmacSigner(parsed, provider);
  const { headers } = signer;
  // Exactly as long as it is: a filtered array keeps room to grow.
  const names: string[] = [];
  for (const name of [headers.key, headers.nonce, headers.timestamp, headers.signature])
    if (name !== undefined) names.push(name);
  return {
    scheme: signer.scheme,
    headerNames: Object.freeze(names.slice()),
    ...(headers.nonce !== undefined ? { sequenceKey: signer.id } : {}),
    keyId: registryKey('key', signer.scheme, signer.keyId, signer.secret),
    // Own properties, as a strategy's are (a wrapper may spread it), over one signer whose methods are shared.
    authorize: (request, context) => signer.authorize(request, context),
    secrets: () => signer.secrets(),
  };
}
