import { z } from 'zod';
import { ConfigurationError } from './errors.js';

/**
 * Parses options with a zod schema, turning the first problem into a ConfigurationError that names the field
 * and says how to fix it. The offending value is never part of the message.
 */
export function parseOptions<S extends z.ZodType>(schema: S, input: unknown, provider: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    const field = [...issue.path, issue.keys[0] ?? ''].join('.');
    throw new ConfigurationError(`${provider}: "${field}" is not an option; check its spelling`, {
      provider,
      field,
    });
  }
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : 'options';
  const message = issue?.message ?? 'invalid options';
  const leaf = String(issue?.path.at(-1) ?? '');
  const text = leaf && message.startsWith(leaf) ? message : `option "${field}": ${message}`;
  throw new ConfigurationError(`${provider}: ${text}`, { provider, field });
}

/** The longest delay a Node timer can hold: a timeout above it would fire at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** A whole number of milliseconds from 1 to {@link MAX_TIMER_MS}, with messages that name `name`. */
export function millisecondsSchema(name: string) {
  return z
    .number({ error: `${name} must be a number of milliseconds` })
    .int({ error: `${name} must be a whole number of milliseconds` })
    .positive({ error: `${name} must be greater than 0` })
    .max(MAX_TIMER_MS, { error: `${name} must be at most ${MAX_TIMER_MS} (about 24.8 days)` });
}

/** True when `segment` is `.` or `..`, written plainly or percent-encoded (`%2e`, `%2E`, `.%2e` ...). */
export function isDotSegment(segment: string): boolean {
  const plain = segment.replace(/%2e/gi, '.');
  return plain === '.' || plain === '..';
}

/** Whitespace, control and invisible characters (URL parsing strips tab, CR and LF) and `\` (read as `/`). */
const UNSAFE_URL = /[\s\p{Cc}\p{Cf}\\]/u;

/** The raw text is an http(s) URL with a host, parsed as written (`http:host` would be rewritten). */
function isHttpUrl(raw: string): boolean {
  if (!/^https?:\/\/[^/]/i.test(raw) || !URL.canParse(raw)) return false;
  const url = new URL(raw);
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}

/** The raw path after the authority, split on `/`: none may be a dot segment (URL parsing would remove it). */
function hasDotSegment(raw: string): boolean {
  const afterScheme = raw.slice(raw.indexOf('//') + 2);
  const slash = afterScheme.indexOf('/');
  return slash !== -1 && afterScheme.slice(slash).split('/').some(isDotSegment);
}

/**
 * A provider's `baseURL`: an http(s) URL, optionally with a path prefix, that URL parsing keeps as written: no
 * query, no fragment, no user name or password, no dot segments, no whitespace, control characters or `\`. The raw
 * text is checked before parsing, which would silently drop or rewrite them. Messages name `baseURL` and give
 * `example`, never the value.
 */
export function baseUrlSchema(example: string) {
  const shape = `baseURL must be an http(s) URL such as ${example}`;
  return z
    .string({ error: shape })
    .refine((raw) => !UNSAFE_URL.test(raw), {
      error: `baseURL must not contain whitespace, control or invisible characters or "\\"; retype it (such as ${example})`,
      abort: true,
    })
    .refine((raw) => !raw.includes('?') && !raw.includes('#'), {
      error: `baseURL must be an origin with an optional path prefix, without a query string or fragment (such as ${example})`,
      abort: true,
    })
    .refine(isHttpUrl, { error: shape, abort: true })
    .refine(
      (raw) => {
        const url = new URL(raw);
        return url.username === '' && url.password === '';
      },
      {
        error: `baseURL must not carry a user name or password (such as ${example}); credentials go in the provider's options`,
        abort: true,
      },
    )
    .refine((raw) => !hasDotSegment(raw), {
      error: `baseURL must not contain "." or ".." path segments; write the path prefix as it is (such as ${example})`,
      abort: true,
    });
}

/** True when `value` is an object with a function under each of `names`. */
export function hasMethods(value: unknown, names: readonly string[]): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    names.every((name) => typeof (value as Record<string, unknown>)[name] === 'function')
  );
}

/**
 * A value checked by its shape: an object with these methods (a logger, a clock). `what` names the option in
 * the message: `clock must have now, sleep, random and setTimer methods`.
 */
export function methodsSchema<T>(what: string, names: readonly string[]) {
  const listed = `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return z.custom<T>((value) => hasMethods(value, names), { error: `${what} must have ${listed} methods` });
}

/**
 * The shortest credential the library accepts: a shorter one would match ordinary text, so masking it could not
 * be trusted (and would garble messages).
 */
export const MIN_CREDENTIAL_LENGTH = 6;
