import { z } from 'zod';
import { baseUrlSchema, MIN_CREDENTIAL_LENGTH } from '../../core/validate.js';

/** Bitex's documented bases. */
export const BITEX_ENVIRONMENTS = {
  production: 'https://bitex.la/api',
  sandbox: 'https://sandbox.bitex.la/api',
} as const;

/** A Bitex environment name. */
export type BitexEnvironment = keyof typeof BITEX_ENVIRONMENTS;

/** Permissions a Bitex key can be narrowed to (`manage-users` comes with the master role). */
export type BitexKeyPermission = 'read' | 'trade' | 'withdraw';

/** Supplies the current 6-digit one-time password (for example from a TOTP generator). */
export type OtpSource = () => string | Promise<string>;

/** Printable ASCII without space and `;` (the `;` would forge a `; user=` delegation). */
const KEY_CHARACTERS = /^[\x21-\x3a\x3c-\x7e]+$/;

export const bitexOptionsSchema = z
  .object({
    apiKey: z
      .string({ error: 'apiKey is required: pass the key shown on the Bitex API keys page' })
      .min(1, { error: 'apiKey must not be empty: pass the key shown on the Bitex API keys page' })
      .min(MIN_CREDENTIAL_LENGTH, {
        error: `apiKey is too short to be masked safely (at least ${MIN_CREDENTIAL_LENGTH} characters): pass the whole key shown on the Bitex API keys page`,
      })
      .refine((key) => KEY_CHARACTERS.test(key), {
        error: 'apiKey must not contain whitespace, ";" or control characters; copy the key exactly as shown',
      }),
    role: z.enum(['user', 'master'], { error: 'role must be "user" or "master"' }).optional(),
    permissions: z
      .array(
        z.enum(['read', 'trade', 'withdraw'], {
          error: 'each permission must be "read", "trade" or "withdraw"',
        }),
      )
      .min(1, { error: 'permissions must list at least one of "read", "trade", "withdraw", or be left out' })
      .optional(),
    environment: z
      .enum(['sandbox', 'production'], { error: 'environment must be "sandbox" or "production"' })
      .optional(),
    baseURL: baseUrlSchema('https://bitex.la/api').optional(),
    otp: z
      .custom<OtpSource>((value) => typeof value === 'function', {
        error: 'otp must be a function returning the current 6-digit one-time password',
      })
      .optional(),
  })
  .strict()
  .refine((options) => options.environment !== undefined || options.baseURL !== undefined, {
    error: 'say where to connect: environment "sandbox" or "production", or a baseURL',
    path: ['environment'],
  });
