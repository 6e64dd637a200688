import { z } from 'zod';
import type { SandboxClock } from '../http-server.js';
import type { CassetteExchange } from './format.js';
import { placeholder, type RedactionOptions } from './redact.js';
import type { CassetteKey } from './signed.js';

/**
 * When a cassette records: `none` replays only (a request it holds no answer for is a miss); `once` records
 * every request when the file does not exist yet, else replays only; `new_episodes` replays what it holds and
 * records what it does not; `all` records everything again and replaces the file.
 */
export type CassetteMode = 'none' | 'once' | 'new_episodes' | 'all';

/** Options of {@link startCassette}. */
export interface CassetteOptions {
  /** The cassette file (JSON). */
  path: string;
  /** Whose traffic it holds: which credentials are redacted and how a replay checks them. */
  exchange: CassetteExchange;
  /** Default `once`. */
  mode?: CassetteMode;
  /**
   * The exchange's base URL to record against (a sandbox's `baseURL`, a staging URL). Needed when the mode
   * records; its path is the base path of the cassette's `baseURL`.
   */
  upstream?: string;
  /**
   * The keys the test's client uses. A replay verifies signatures with them; recording replaces their values
   * wherever they appear. Sandbox credentials fit as they are (`sandbox.bitexbit.credentials.trade`), with
   * `totpSecret` from `sandbox.*.totpSecrets` to check one-time passwords.
   */
  keys?: readonly CassetteKey[];
  /** More headers, fields and values to replace, besides the exchange's own credential list. */
  redact?: RedactionOptions;
  /** The replay clock (deadlines, one-time passwords). Default the real clock. */
  clock?: SandboxClock;
  /** Port to listen on; default a free one. */
  port?: number;
}

const names = z.array(z.string().min(1, { error: 'must not be empty' }));
const optionsSchema = z.strictObject({
  path: z
    .string({ error: 'path: the cassette file to read or write, such as "test/cassettes/bot.json"' })
    .min(1),
  exchange: z.enum(['bitex', 'bitexbit', 'alphapoint'], {
    error: 'exchange: "bitex", "bitexbit" or "alphapoint"',
  }),
  mode: z
    .enum(['none', 'once', 'new_episodes', 'all'], { error: 'mode: "none", "once", "new_episodes" or "all"' })
    .optional(),
  upstream: z
    .url({ error: 'upstream: the exchange base URL to record against, such as sandbox.bitex.baseURL' })
    .optional(),
  keys: z
    .array(
      z.looseObject({
        apiKey: z.string().optional(),
        apiSecret: z.string().optional(),
        userId: z.string().optional(),
        accessKey: z.string().optional(),
        privateKey: z.string().optional(),
        totpSecret: z.string().optional(),
      }),
    )
    .optional(),
  redact: z
    .strictObject({ headers: names.optional(), fields: names.optional(), values: names.optional() })
    .optional(),
  clock: z
    .custom<SandboxClock>((value) => typeof (value as SandboxClock | null)?.now === 'function', {
      error: 'clock: an object with now() and sleep(ms)',
    })
    .optional(),
  port: z.number().int().min(0).max(65_535).optional(),
});

/** The options checked; an error names the field and how to fix it, never a value. */
export function parseCassetteOptions(input: unknown): CassetteOptions {
  const parsed = optionsSchema.safeParse(input);
  if (parsed.success) return parsed.data as CassetteOptions;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || 'options';
  const text = issue?.message ?? 'is invalid';
  throw new TypeError(`startCassette: ${text.startsWith(field) ? text : `"${field}": ${text}`}`);
}

/**
 * The values the test's keys and its added values hold, each with its placeholder: a key is numbered by its
 * place in `keys` (`<<api-key:1>>`), so a replay matches a request to a recording made with the same key.
 */
export function knownValues(options: CassetteOptions): [string, string][] {
  const known: [string, string][] = [];
  (options.keys ?? []).forEach((key, index) => {
    for (const value of [key.apiKey, key.accessKey])
      if (value) known.push([value, `<<api-key:${index + 1}>>`]);
    for (const value of [key.apiSecret, key.privateKey, key.totpSecret]) {
      if (value) known.push([value, placeholder('secret')]);
    }
  });
  for (const value of options.redact?.values ?? []) known.push([value, placeholder('custom')]);
  return known;
}
