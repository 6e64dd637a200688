import { z } from 'zod';
import type { NonceSource } from '../../core/nonce.js';
import { baseUrlSchema, MIN_CREDENTIAL_LENGTH } from '../../core/validate.js';

/**
 * bitexbit's one environment: the origin every documented path (`/api/v2/...`, `/api/gateway/...`) hangs off.
 * `www.bitexbit.com`, the host of the docs' own sample clients (api-docs-v2 "Api example", api-docs-gateway
 * "Authorization") and of every gateway URL; the v2 prose names `bitexbit.com`. Redirects are never followed
 * (they would carry the signed headers), so the default is the host the samples call directly.
 */
export const BITEXBIT_ENVIRONMENTS = {
  production: 'https://www.bitexbit.com',
} as const;

/** A bitexbit environment name. */
export type BitexbitEnvironment = keyof typeof BITEXBIT_ENVIRONMENTS;

/** A key's access type, as chosen on the bitexbit API page. Each includes the ones before it. */
export type BitexbitAccess = 'read' | 'trade' | 'withdraw';

/** Default gateway deadline window: the documented `X-Timeout` is now + 500 ms. */
export const DEFAULT_GATEWAY_WINDOW_MS = 500;

/** Printable ASCII without space: no whitespace, control or invisible characters (U+200B) can slip in. */
const KEY_CHARACTERS = /^[\x21-\x7e]+$/;

const key = (name: string, label: string) =>
  z
    .string({ error: `${name} is required: pass the ${label} shown when the key was created` })
    .min(1, { error: `${name} must not be empty: pass the ${label} shown when the key was created` })
    .min(MIN_CREDENTIAL_LENGTH, {
      error: `${name} is too short to be masked safely (at least ${MIN_CREDENTIAL_LENGTH} characters): pass the whole ${label}`,
    })
    .refine((value) => KEY_CHARACTERS.test(value), {
      error: `${name} must not contain whitespace, control or invisible characters (such as U+200B); copy the ${label} exactly as shown`,
    });

export const bitexbitOptionsSchema = z
  .object({
    accessKey: key('accessKey', 'Access Key'),
    privateKey: key('privateKey', 'Private Key'),
    access: z.enum(['read', 'trade', 'withdraw'], {
      error: `access must be "read", "trade" or "withdraw": the key's access type on the bitexbit API page`,
    }),
    environment: z
      .enum(['production'], { error: 'environment must be "production" (bitexbit has no other)' })
      .optional(),
    baseURL: baseUrlSchema('https://bitexbit.com').optional(),
    gatewayWindowMs: z
      .number({ error: 'gatewayWindowMs must be a number of milliseconds' })
      .int({ error: 'gatewayWindowMs must be a whole number of milliseconds' })
      .min(1, { error: 'gatewayWindowMs must be at least 1' })
      .max(60_000, { error: 'gatewayWindowMs must be at most 60000 (the documented window is 500)' })
      .optional(),
    nonceSource: z
      .custom<NonceSource>(
        (value) =>
          typeof value === 'object' &&
          value !== null &&
          typeof (value as { next?: unknown }).next === 'function',
        { error: 'nonceSource must be an object with a next(key) method returning increasing nonces' },
      )
      .optional(),
  })
  .strict();
