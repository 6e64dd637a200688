import { z } from 'zod';
import type { NonceSource } from '../../core/nonce.js';
import type { SessionStore } from '../../core/session.js';
import { baseUrlSchema, MIN_CREDENTIAL_LENGTH } from '../../core/validate.js';

/** A key permission as AlphaPoint's `AddUserAPIKey` names it. */
export type AlphaPointKeyPermission = 'Trading' | 'Withdraw' | 'Deposit';

/** Supplies a 6-digit two-factor code when the exchange asks for one. */
export type TwoFactorSource = (challenge: { type: string | undefined }) => string | Promise<string>;

/**
 * How `Authenticate2FA` is sent: its method, and what ties the code to the login it completes — the
 * `Pending2FaToken` of the first answer (NDAX over HTTP) or the four signed headers, freshly signed (Kiiex).
 */
export interface TwoFactorStepOptions {
  method: 'GET' | 'POST';
  send: 'pending-token' | 'signed-headers';
  /** Default: the login path with its last segment replaced by `Authenticate2FA`. */
  path?: string;
}

const PRINTABLE = /^[\x21-\x7e]+$/;
const PATH = /^\/[A-Za-z0-9/_-]+$/;

/** Options that only a session uses: meaningless, so refused, when every request is signed instead. */
const SESSION_ONLY = ['twoFactor', 'sessionIdleMs', 'sessionStore'] as const;

const credential = (name: string, where: string) =>
  z
    .string({ error: `${name} is required: ${where}` })
    .min(1, { error: `${name} must not be empty: ${where}` })
    .min(MIN_CREDENTIAL_LENGTH, {
      error: `${name} is too short to be masked safely (at least ${MIN_CREDENTIAL_LENGTH} characters): ${where}`,
    })
    .refine((value) => PRINTABLE.test(value), {
      error: `${name} must not contain whitespace or control characters; copy it exactly as shown`,
    });

export const alphapointOptionsSchema = z
  .object({
    apiKey: credential('apiKey', 'the API KEY shown when the key was created'),
    apiSecret: credential('apiSecret', 'the API SECRET shown once when the key was created'),
    userId: z.union(
      [
        z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
        z
          .string()
          .regex(/^[0-9]{1,16}$/)
          .refine((value) => Number(value) > 0),
      ],
      {
        error:
          'userId must be your numeric user id: a positive whole number, or a string of digits such as "001"',
      },
    ),
    baseURL: baseUrlSchema('https://apstage.proxy.kiiex.io/ap'),
    websocketURL: z
      .string()
      .regex(/^wss?:\/\/[^\s]+$/, {
        error: 'websocketURL must be a ws:// or wss:// URL such as wss://api.ndax.io/WSGateway/',
      })
      .optional(),
    login: z
      .object({
        method: z.enum(['GET', 'POST'], { error: 'login.method must be "GET" or "POST"' }),
        path: z.string().regex(PATH, { error: 'login.path must be a path such as /AuthenticateUser' }),
      })
      .strict()
      .optional(),
    twoFactorStep: z
      .object({
        method: z.enum(['GET', 'POST'], { error: 'twoFactorStep.method must be "GET" or "POST"' }),
        send: z.enum(['pending-token', 'signed-headers'], {
          error: 'twoFactorStep.send must be "pending-token" (NDAX) or "signed-headers" (Kiiex)',
        }),
        path: z
          .string()
          .regex(PATH, { error: 'twoFactorStep.path must be a path such as /Authenticate2FA' })
          .optional(),
      })
      .strict()
      .optional(),
    auth: z
      .enum(['session', 'signed-headers'], { error: 'auth must be "session" or "signed-headers"' })
      .optional(),
    permissions: z
      .array(
        z.enum(['Trading', 'Withdraw', 'Deposit'], {
          error: 'each permission must be "Trading", "Withdraw" or "Deposit"',
        }),
      )
      .optional(),
    twoFactor: z
      .custom<TwoFactorSource>((value) => typeof value === 'function', {
        error: 'twoFactor must be a function returning the current 6-digit code',
      })
      .optional(),
    sessionIdleMs: z
      .number({ error: 'sessionIdleMs must be a number of milliseconds' })
      .int()
      .positive({ error: 'sessionIdleMs must be greater than 0' })
      .optional(),
    nonceSource: z
      .custom<NonceSource>((value) => typeof (value as NonceSource | undefined)?.next === 'function', {
        error: 'nonceSource must have a next(key) method',
      })
      .optional(),
    sessionStore: z
      .custom<SessionStore>(
        (value) =>
          ['get', 'set', 'delete'].every(
            (name) => typeof (value as Record<string, unknown>)?.[name] === 'function',
          ),
        { error: 'sessionStore must have get, set and delete methods' },
      )
      .optional(),
    rateLimit: z.union([z.literal(false), z.number().positive()]).optional(),
    name: z
      .string()
      .regex(/^[a-z0-9-]{1,32}$/, { error: 'name must be a short lower-case name such as "kiiex"' })
      .optional(),
  })
  .strict()
  .superRefine((options, ctx) => {
    if (options.auth !== 'signed-headers') return;
    for (const name of SESSION_ONLY) {
      if (options[name] === undefined) continue;
      ctx.addIssue({
        code: 'custom',
        path: [name],
        message: `${name} has no use with auth: "signed-headers" (there is no login and no session); remove it or use auth: "session"`,
      });
    }
  });
