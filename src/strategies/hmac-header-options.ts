import { z } from 'zod';
import { buildOnce } from '../core/build-once.js';
import type { NonceSource } from '../core/nonce.js';
import type { SignedParts } from './hmac-header-signature.js';

/** A header value the strategy writes itself: printable ASCII, no space, nothing a header could be split on. */
export const PRINTABLE = /^[\x21-\x7e]+$/;
/** An HTTP token (RFC 9110), what a header name must be. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const isFunction = (value: unknown) => typeof value === 'function';

/** The schema of {@link hmacHeaderSignature}'s options, built on first use. */
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
      timestampKind: z
        .enum(['time', 'deadline'], { error: 'timestampKind must be "time" or "deadline"' })
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
