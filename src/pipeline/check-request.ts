import { z } from 'zod';
import type { RequestOptions } from '../core/client.js';
import { ConfigurationError } from '../core/errors.js';
import type { RequiredPermission } from '../core/permissions.js';
import type { HttpMethod, QueryParams } from '../core/request.js';
import { isDotSegment, millisecondsSchema } from '../core/validate.js';
import { pathProblem } from './check-path.js';

/**
 * Headers that frame the message or manage the connection (lower case): the HTTP client derives them from the
 * request itself, so a caller's value could only contradict it (a second request smuggled behind a wrong
 * `Content-Length`, another `Host`).
 */
export const FRAMING_HEADERS: readonly string[] = Object.freeze(
  'host content-length transfer-encoding connection keep-alive proxy-connection te trailer upgrade'.split(
    ' ',
  ),
);

/** `call()`'s options once checked. */
type CheckedCallOptions = z.output<ReturnType<typeof callSchema>>;

type Permissions = readonly RequiredPermission[];
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'] as const satisfies readonly HttpMethod[];
const PERMISSIONS = ['public', 'read', 'trade', 'withdraw', 'manage-users'] as const satisfies Permissions;

const FRAMING = new Set(FRAMING_HEADERS);
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const TOKEN_CHARACTERS = "letters, digits and !#$%&'*+-.^_`|~";
/** Latin-1 without control characters: what an HTTP/1.1 header value can carry unchanged. */
const HEADER_VALUE = /^[\x20-\x7e\xa0-\xff]*$/;
/** A name safe to print in a field path: short, printable ASCII, no space. */
const PRINTABLE_NAME = /^[\x21-\x7e]{1,64}$/;

type Ctx = z.core.$RefinementCtx;

/** Records a problem at `path` (relative to the field being checked); the message never holds the value. */
function fail(ctx: Ctx, path: readonly string[], message: string): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message, path: [...path], input: undefined });
  return z.NEVER;
}

/**
 * A record entry named `__proto__` would be silently lost when copied into a plain object (it sets the copy's
 * prototype instead): refused, so nothing the caller gave goes missing without a word.
 */
const PROTO = '__proto__';
const PROTO_MESSAGE = 'cannot be sent: JavaScript objects drop an entry named __proto__; rename it';

/** Records a problem with the entry `name` of a record: named when printing it is safe, else as "a value". */
function failEntry(ctx: Ctx, name: string, message: string): typeof z.NEVER {
  return PRINTABLE_NAME.test(name)
    ? fail(ctx, [name], message)
    : fail(ctx, [], `has a value that ${message}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return (
    (prototype === Object.prototype || prototype === null) && Object.getOwnPropertySymbols(value).length === 0
  );
}

const METHOD_MESSAGE = 'method must be one of GET, POST, PUT, PATCH, DELETE or HEAD';
const methodSchema = z
  .string({ error: METHOD_MESSAGE })
  .regex(/^[A-Za-z]+$/, { error: METHOD_MESSAGE })
  .transform((method) => method.toUpperCase())
  .pipe(z.enum(METHODS, { error: METHOD_MESSAGE }));

const pathSchema = z
  .string({ error: 'path must be a string starting with "/": the part of the URL after the base URL' })
  .superRefine((path, ctx) => {
    const problem = pathProblem(path);
    if (problem) fail(ctx, [], `path ${problem}`);
  });

const SCALAR = 'must be a string, a finite number or a boolean, or an array of them';
const isScalar = (value: unknown): boolean =>
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value));

const querySchema = z.unknown().transform((value, ctx): QueryParams => {
  if (!isPlainObject(value)) return fail(ctx, [], 'query must be a plain object of names to values');
  const copy: Record<string, string | number | boolean | (string | number | boolean)[]> = {};
  for (const [name, item] of Object.entries(value)) {
    if (name === PROTO) return fail(ctx, [name], PROTO_MESSAGE);
    if (item === undefined) continue;
    const ok = Array.isArray(item) ? item.every(isScalar) : isScalar(item);
    if (!ok) return failEntry(ctx, name, SCALAR);
    copy[name] = Array.isArray(item) ? [...item] : (item as string | number | boolean);
  }
  return copy;
});

/** A body is sent as JSON, or as given when it is a string; cycles and BigInts inside are refused when it is built. */
const bodySchema = z.unknown().superRefine((body, ctx) => {
  if (typeof body === 'function' || typeof body === 'symbol' || typeof body === 'bigint') {
    fail(ctx, [], 'body must be a value JSON can serialise, or a string sent as given');
  }
});

const headersSchema = (reserved: ReadonlySet<string>) =>
  z.unknown().transform((value, ctx): Readonly<Record<string, string>> => {
    if (!isPlainObject(value))
      return fail(ctx, [], 'headers must be a plain object of header names to string values');
    const copy: Record<string, string> = {};
    const seen = new Set<string>();
    for (const [name, item] of Object.entries(value)) {
      if (name === PROTO) return fail(ctx, [name], PROTO_MESSAGE);
      if (!TOKEN.test(name)) {
        return fail(ctx, [], `headers must have names that are HTTP tokens (${TOKEN_CHARACTERS})`);
      }
      const lower = name.toLowerCase();
      if (FRAMING.has(lower)) {
        return fail(ctx, [name], 'is set by the HTTP client from the request itself; remove it from headers');
      }
      if (reserved.has(lower)) {
        return fail(ctx, [name], 'is set by the provider or the credentials; remove it from headers');
      }
      if (seen.has(lower))
        return fail(ctx, [name], 'is given twice (names differing only in case); keep one');
      seen.add(lower);
      if (typeof item !== 'string') return fail(ctx, [name], 'must be a string');
      if (!HEADER_VALUE.test(item)) {
        return fail(
          ctx,
          [name],
          'must not contain control characters (CR, LF, tab, NUL ...) or characters beyond Latin-1 (U+00FF); encode the text first',
        );
      }
      copy[name] = item;
    }
    return copy;
  });

const paramsSchema = z.unknown().transform((value, ctx): Readonly<Record<string, string | number>> => {
  if (!isPlainObject(value))
    return fail(ctx, [], 'params must be a plain object of path parameter names to values');
  const copy: Record<string, string | number> = {};
  for (const [name, item] of Object.entries(value)) {
    if (name === PROTO) return fail(ctx, [name], PROTO_MESSAGE);
    if (item === undefined) continue;
    if (typeof item === 'number') {
      if (!Number.isFinite(item)) return failEntry(ctx, name, 'must be a finite number, or a string');
    } else if (typeof item !== 'string') {
      return failEntry(ctx, name, 'must be a string or a number');
    } else if (item === '') {
      return failEntry(ctx, name, 'must not be empty');
    } else if (isDotSegment(item)) {
      return failEntry(
        ctx,
        name,
        'must not be a dot segment (one or two dots, plain or percent-encoded); pass the real value',
      );
    } else if (/[/\\]/.test(item)) {
      return failEntry(ctx, name, 'must not contain "/" or "\\"; pass one path segment');
    }
    copy[name] = item;
  }
  return copy;
});

const OTP_MESSAGE = 'otp must be the 6-digit one-time password, as a string';
const shared = (reserved: ReadonlySet<string>) => ({
  query: querySchema.optional(),
  body: bodySchema.optional(),
  otp: z
    .string({ error: OTP_MESSAGE })
    .regex(/^[0-9]{6}$/, { error: OTP_MESSAGE })
    .optional(),
  headers: headersSchema(reserved).optional(),
  signal: z
    .custom<AbortSignal>((value) => value instanceof AbortSignal, {
      error: 'signal must be an AbortSignal (from an AbortController)',
    })
    .optional(),
  timeout: millisecondsSchema('timeout').optional(),
});

const requestSchema = (reserved: ReadonlySet<string>) =>
  z
    .object({
      method: methodSchema,
      path: pathSchema,
      permission: z
        .enum(PERMISSIONS, {
          error: "permission must be 'public', 'read', 'trade', 'withdraw' or 'manage-users'",
        })
        .optional(),
      idempotent: z
        .boolean({ error: 'idempotent must be a boolean, not a string, a number or an object' })
        .optional(),
      unchecked: z.boolean({ error: 'unchecked must be true or false' }).optional(),
      ...shared(reserved),
    })
    .strict();

const callSchema = (reserved: ReadonlySet<string>) =>
  z.object({ params: paramsSchema.optional(), ...shared(reserved) }).strict();

interface Schemas {
  readonly request: ReturnType<typeof requestSchema>;
  readonly call: ReturnType<typeof callSchema>;
}

/** Schemas are built once per reserved set (one per client), not on every request. */
const cache = new WeakMap<ReadonlySet<string>, Schemas>();

function schemasFor(reserved: ReadonlySet<string>): Schemas {
  let schemas = cache.get(reserved);
  if (!schemas) {
    schemas = { request: requestSchema(reserved), call: callSchema(reserved) };
    cache.set(reserved, schemas);
  }
  return schemas;
}

function refuse(provider: string, field: string, message: string): ConfigurationError {
  return new ConfigurationError(`${provider}: ${message}`, { provider, field });
}

/** Parses `input`, turning the first problem into a ConfigurationError naming the field; never the value. */
function parse<S extends z.ZodType>(schema: S, input: unknown, provider: string, whole: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    const key = String(issue.keys[0] ?? '');
    if (!PRINTABLE_NAME.test(key))
      throw refuse(provider, whole, `${whole} has a field that is not an option`);
    const field = [...issue.path, key].join('.');
    throw refuse(provider, field, `"${field}" is not an option; check its spelling`);
  }
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : whole;
  const message = issue?.message ?? 'is not valid';
  throw refuse(provider, field, message.startsWith(field) ? message : `${field} ${message}`);
}

/**
 * Checks `request()`'s options before anything is sent: the method (normalised to upper case), a path the
 * server will read as written, query, body, permission, idempotent, otp, headers (none that frame the message
 * or that the provider or credentials set), signal and timeout. Unknown fields are refused.
 *
 * @param provider - The provider's name, for messages.
 * @param reserved - Lower-case names of the headers the provider and the strategy set.
 * @param input - What the caller passed.
 * @returns A fresh copy of the options; the caller's objects are read once.
 * @throws ConfigurationError naming the field and how to fix it, never its value.
 */
export function checkRequest(
  provider: string,
  reserved: ReadonlySet<string>,
  input: unknown,
): RequestOptions {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw refuse(provider, 'request', 'request() needs an options object with method and path');
  }
  return parse(schemasFor(reserved).request, input, provider, 'request') as RequestOptions;
}

/**
 * Checks `call()`'s options before anything is sent: path parameters (one non-empty segment each, never `.`
 * or `..`), query, body, otp, headers, signal and timeout, with the same rules as {@link checkRequest}.
 *
 * @throws ConfigurationError naming the field and how to fix it, never its value.
 */
export function checkCall(
  provider: string,
  reserved: ReadonlySet<string>,
  input: unknown,
): CheckedCallOptions {
  if (input === undefined) return {};
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw refuse(
      provider,
      'options',
      "call()'s options must be an object (params, query, body, otp, headers ...)",
    );
  }
  return bodyOnly(input) ?? parse(schemasFor(reserved).call, input, provider, 'options');
}

/**
 * The options of most calls, `{ body }` in a plain object, checked without zod (which copies the options on
 * every call): `undefined` for any other shape, or a body zod would refuse, which zod then checks.
 */
function bodyOnly(input: object): CheckedCallOptions | undefined {
  if (Object.getPrototypeOf(input) !== Object.prototype) return undefined;
  const keys = Object.keys(input);
  if (keys.length !== 1 || keys[0] !== 'body' || Object.getOwnPropertySymbols(input).length > 0)
    return undefined;
  const body: unknown = (input as { body: unknown }).body;
  if (typeof body === 'function' || typeof body === 'symbol' || typeof body === 'bigint') return undefined;
  return { body };
}
