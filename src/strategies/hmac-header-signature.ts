import { z } from 'zod';
import { buildOnce } from '../core/build-once.js';
import type { NonceSource } from '../core/nonce.js';
import type { HttpMethod } from '../core/request.js';
import type { AuthStrategy } from '../core/strategy.js';
import { parseOptions } from '../core/validate.js';
import { DEFAULT_NAME, HmacSigner, PRINTABLE } from './hmac-signer.js';

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

/** An HTTP token (RFC 9110), what a header name must be. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const isFunction = (value: unknown) => typeof value === 'function';

export const optionsSchema = buildOnce(() => {
  const headerName = z.string({ error: 'must be a header name such as X-SIG' }).regex(TOKEN, {
    error: "must be an HTTP header name (letters, digits and !#$%&'*+.^_`|~-), such as X-SIG",
  });
  const headers = z
    .object(
      {
        key: headerName.optional(),
        signature: headerName,
        nonce: headerName.optional(),
        timestamp: headerName.optional(),
      },
      { error: 'headers is required: name the headers the scheme sends, such as { signature: "X-SIG" }' },
    )
    .strict()
    .refine(
      (names) => {
        const lower = Object.values(names).flatMap((name) =>
          name === undefined ? [] : [name.toLowerCase()],
        );
        return new Set(lower).size === lower.length;
      },
      { error: 'must name a different header for each value (names differing only in case are the same)' },
    );
  return z
    .object({
      keyId: z
        .string({ error: 'keyId is required: the public key id shown with the secret' })
        .regex(PRINTABLE, {
          error:
            'keyId must be printable ASCII without spaces or control characters; copy it exactly as shown',
        }),
      secret: z
        .string({ error: 'secret is required: the secret shown when the key was created' })
        .min(1, { error: 'secret must not be empty: pass the secret shown when the key was created' }),
      algorithm: z
        .enum(['sha256', 'sha384', 'sha512'], { error: 'algorithm must be "sha256", "sha384" or "sha512"' })
        .optional(),
      encoding: z
        .enum(['hex', 'base64', 'base64url'], { error: 'encoding must be "hex", "base64" or "base64url"' })
        .optional(),
      headers,
      message: z.custom<(parts: SignedParts) => string>(isFunction, {
        error:
          'message must be a function building the signed text, such as ({ timestamp, method, path, body }) => ' +
          'timestamp + method + path + body',
      }),
      timestamp: z
        .custom<(now: number) => string>(isFunction, {
          error: 'timestamp must be a function from epoch milliseconds to the header value',
        })
        .optional(),
      nonceSource: z
        .custom<NonceSource>(
          (value) =>
            typeof value === 'object' && value !== null && isFunction((value as { next?: unknown }).next),
          { error: 'nonceSource must be an object with a next(key, now) method returning increasing nonces' },
        )
        .optional(),
      provider: z.string({ error: 'provider must be a name for errors' }).min(1).optional(),
      scheme: z.string({ error: 'scheme must be a name for logs' }).min(1).optional(),
    })
    .strict()
    .superRefine((options, ctx) => {
      if (options.nonceSource !== undefined && options.headers.nonce === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['headers', 'nonce'],
          message: 'is required with nonceSource: name the header that carries the nonce',
        });
      }
      if (options.timestamp !== undefined && options.headers.timestamp === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['headers', 'timestamp'],
          message: 'is required with a timestamp function: name the header that carries it',
        });
      }
    });
});

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
    // Own properties, as a strategy's are (a wrapper may spread it), over one signer whose methods are shared.
    authorize: (request, context) => signer.authorize(request, context),
    secrets: () => signer.secrets(),
  };
}
