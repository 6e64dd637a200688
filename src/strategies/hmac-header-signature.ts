import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { ConfigurationError } from '../core/errors.js';
import { fingerprint } from '../core/fingerprint.js';
import type { NonceSource } from '../core/nonce.js';
import { processNonces } from '../core/nonce.js';
import { type HttpMethod, type PreparedRequest, withHeaders } from '../core/request.js';
import type { AuthStrategy } from '../core/strategy.js';
import { parseOptions } from '../core/validate.js';
import { optionsSchema, PRINTABLE } from './hmac-header-options.js';

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

const DEFAULT_NAME = 'hmac-header-signature';
/** How many recent signatures `secrets()` reports, so an exchange that echoes one back has it masked. */
const RECENT_SIGNATURES = 32;
const NONCE = /^[0-9]{1,32}$/;
const millis = (now: number) => String(Math.floor(now));

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
  const { keyId, secret, headers, message } = parsed;
  const scheme = parsed.scheme ?? DEFAULT_NAME;
  const algorithm = parsed.algorithm ?? 'sha256';
  const encoding = parsed.encoding ?? 'hex';
  const stamp = parsed.timestamp ?? millis;
  const deadline = parsed.timestampKind === 'deadline';
  const nonces = parsed.nonceSource ?? processNonces;
  // Imported once: signing is on every private request's path.
  const hmacKey: KeyObject = createSecretKey(Buffer.from(secret, 'utf8'));
  const id = fingerprint(scheme, keyId);
  // A ring of the latest signatures: no array shifting on the signing path.
  const recent: string[] = [];
  let slot = 0;

  const refuse = (field: string, what: string) =>
    new ConfigurationError(`${provider}: ${what}`, { provider, field });

  const sign = (request: PreparedRequest, nonce: string, timestamp: string): PreparedRequest => {
    const text = message({
      method: request.method,
      path: request.path,
      query: request.query,
      body: request.body ?? '',
      nonce,
      timestamp,
      keyId,
    });
    if (typeof text !== 'string') throw refuse('message', 'the message function returned no string; fix it');
    const signature = createHmac(algorithm, hmacKey).update(text, 'utf8').digest(encoding);
    recent[slot] = signature;
    slot = (slot + 1) % RECENT_SIGNATURES;
    const added: Record<string, string> = {};
    if (headers.key !== undefined) added[headers.key] = keyId;
    if (headers.nonce !== undefined) added[headers.nonce] = nonce;
    if (headers.timestamp !== undefined) added[headers.timestamp] = timestamp;
    added[headers.signature] = signature;
    return withHeaders(request, added);
  };

  /** `own` is true for the process's own nonces, which need no check. */
  const withNonce = (request: PreparedRequest, nonce: string, own: boolean, timestamp: string) => {
    if (!own && (typeof nonce !== 'string' || !NONCE.test(nonce))) {
      throw refuse(
        parsed.nonceSource ? 'nonceSource' : 'coordination',
        'the nonce source returned something that is not a string of digits; fix its next()',
      );
    }
    return sign(request, nonce, timestamp);
  };

  const headerNames = Object.freeze(
    [headers.key, headers.nonce, headers.timestamp, headers.signature].filter(
      (name): name is string => name !== undefined,
    ),
  );

  return {
    scheme,
    headerNames,
    ...(headers.nonce !== undefined ? { sequenceKey: id } : {}),
    authorize(request, context) {
      if (headers.nonce === undefined && headers.timestamp === undefined) return sign(request, '', '');
      const now = context.clock.now();
      const offset = context.clockOffset;
      let timestamp = '';
      if (headers.timestamp !== undefined) {
        const shift = offset ? (deadline ? offset.deadlineShiftMs() : offset.provenShiftMs()) : 0;
        timestamp = stamp(now + shift);
        if (typeof timestamp !== 'string' || !PRINTABLE.test(timestamp)) {
          throw refuse('timestamp', 'the timestamp function returned no printable text; fix it');
        }
      }
      if (headers.nonce === undefined) return sign(request, '', timestamp);
      const fleet = parsed.nonceSource === undefined ? context.coordination : undefined;
      // A time-based nonce never lags the exchange's clock by what its answers prove; it never goes back either.
      const base = now + (offset?.provenAheadMs() ?? 0);
      const nonce = fleet
        ? fleet.nonces.next(id, base, {
            signal: context.signal,
            timeoutMs: context.deadline === undefined ? undefined : Math.max(1, context.deadline - now),
          })
        : nonces.next(id, base);
      const own = !fleet && nonces === processNonces;
      return typeof nonce === 'string'
        ? withNonce(request, nonce, own, timestamp)
        : nonce.then((n) => withNonce(request, n, own, timestamp));
    },
    secrets: () => [secret, keyId, ...recent],
  };
}
