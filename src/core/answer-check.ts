import type { z } from 'zod';
import { type CaseInsensitiveShape, caseInsensitiveShapeOf, needsRenaming } from './case-insensitive.js';

type Schema = z.core.$ZodType;

// zod builds a copy of every answer it parses, and its preprocess step reshapes each payload it touches, which
// slows every later parse. A documented answer needs neither: when a schema is made only of the plain parts
// below, an answer it accepts parses to a copy equal to itself. So the answer is checked against the schema's
// definition without copying, and kept as it is; zod parses it only when this check cannot vouch for it.
//
// A check says PASS only when zod would accept the value and return an equal copy; FAIL only when zod would
// certainly refuse it (a union needs both to be exact, to pick the option zod picks); UNSURE in every other case.
const PASS = 0;
const FAIL = 1;
const UNSURE = 2;
type Verdict = typeof PASS | typeof FAIL | typeof UNSURE;
type Check = (value: unknown) => Verdict;

interface Def {
  readonly type: string;
  readonly check?: string;
  readonly format?: string;
  readonly coerce?: boolean;
  readonly checks?: readonly { _zod: { def: { check?: string; format?: string } } }[];
  readonly [key: string]: unknown;
}

const unsure: Check = () => UNSURE;

/** How an object treats fields its shape does not name, by its catchall's type (none: it strips them). */
const CATCHALLS: Readonly<Record<string, 'loose' | 'strip' | 'strict' | undefined>> = {
  strip: 'strip',
  unknown: 'loose',
  never: 'strict',
};
const compiled = new WeakMap<Schema, Check>();

const defOf = (schema: Schema) => schema._zod.def as unknown as Def;
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isSafeInt = (check: { check?: string | undefined; format?: string | undefined }) =>
  check.check === 'number_format' && check.format === 'safeint';

/** Whether the number schema is `z.number()` or `z.int()` and nothing more: no bounds, no coercion. */
function numberKind(def: Def): 'number' | 'int' | undefined {
  if (def.coerce) return undefined;
  const checks = (def.checks ?? []).map((check) => check._zod.def);
  if (def.check !== undefined && !isSafeInt(def)) return undefined;
  if (!checks.every(isSafeInt)) return undefined;
  return def.check !== undefined || checks.length > 0 ? 'int' : 'number';
}

function primitive(def: Def): Check | undefined {
  switch (def.type) {
    case 'number': {
      const kind = numberKind(def);
      if (kind === 'int')
        return (value) => (typeof value === 'number' && Number.isSafeInteger(value) ? PASS : FAIL);
      if (kind === 'number')
        return (value) => (typeof value === 'number' && Number.isFinite(value) ? PASS : FAIL);
      return undefined;
    }
    case 'string':
      return (value) => (typeof value === 'string' ? PASS : FAIL);
    case 'boolean':
      return (value) => (typeof value === 'boolean' ? PASS : FAIL);
    case 'null':
      return (value) => (value === null ? PASS : FAIL);
    case 'unknown':
    case 'any':
      return (value) => (value === undefined ? UNSURE : PASS);
    case 'literal': {
      const values = new Set(def.values as readonly unknown[]);
      return (value) => (values.has(value) ? PASS : FAIL);
    }
    case 'enum': {
      const values = Object.values(def.entries as Record<string, unknown>);
      if (!values.every((value) => typeof value === 'string')) return undefined;
      const known = new Set<unknown>(values);
      return (value) => (known.has(value) ? PASS : FAIL);
    }
    default:
      return undefined;
  }
}

function objectCheck(
  shape: Readonly<Record<string, Schema>>,
  catchall: 'loose' | 'strip' | 'strict',
  caseInsensitive?: CaseInsensitiveShape,
): Check {
  const fields = Object.entries(shape).map(([key, schema]) => ({
    key,
    check: compile(schema),
    optional: defOf(schema).type === 'optional',
    // A field named like a property of every object (`constructor`) must be looked up as an own property.
    inherited: key in Object.prototype,
  }));
  const known = new Set(Object.keys(shape));
  return (value) => {
    if (!isObject(value)) return FAIL;
    // zod leaves an own `__proto__` out of its copy.
    if (Object.hasOwn(value, '__proto__')) return UNSURE;
    let verdict: Verdict = PASS;
    let absent = 0;
    for (const field of fields) {
      const item = field.inherited && !Object.hasOwn(value, field.key) ? undefined : value[field.key];
      if (item === undefined) {
        if (!field.optional || Object.hasOwn(value, field.key)) return UNSURE;
        absent += 1;
        continue;
      }
      const result = field.check(item);
      if (result === FAIL) return FAIL;
      if (result === UNSURE) verdict = UNSURE;
    }
    // Only a field that is absent can be given by another spelling (a spelling beside the documented one stays).
    if (caseInsensitive && absent > 0 && needsRenaming(value, caseInsensitive)) return UNSURE;
    if (catchall !== 'loose') {
      for (const key in value) {
        if (!known.has(key)) return catchall === 'strict' ? FAIL : UNSURE;
      }
    }
    return verdict;
  };
}

/** The verdict of `items`, each checked with `check`: FAIL wins over UNSURE, which wins over PASS. */
function everyItem(items: readonly unknown[], check: Check, from = 0): Verdict {
  let verdict: Verdict = PASS;
  for (let i = from; i < items.length; i += 1) {
    const item = check(items[i]);
    if (item === FAIL) return FAIL;
    if (item === UNSURE) verdict = UNSURE;
  }
  return verdict;
}

function compound(schema: Schema, def: Def): Check {
  switch (def.type) {
    case 'optional': {
      const inner = compile(def.innerType as Schema);
      return (value) => (value === undefined ? PASS : inner(value));
    }
    case 'nullable': {
      const inner = compile(def.innerType as Schema);
      return (value) => (value === null ? PASS : inner(value));
    }
    case 'array': {
      const element = compile(def.element as Schema);
      return (value) => (Array.isArray(value) ? everyItem(value, element) : FAIL);
    }
    case 'tuple': {
      const items = (def.items as Schema[]).map(compile);
      const rest = def.rest ? compile(def.rest as Schema) : undefined;
      if ((def.items as Schema[]).some((item) => defOf(item).type === 'optional')) return unsure;
      return (value) => {
        if (!Array.isArray(value)) return FAIL;
        if (value.length < items.length || (!rest && value.length > items.length)) return UNSURE;
        let verdict: Verdict = PASS;
        for (let i = 0; i < items.length; i += 1) {
          const item = (items[i] as Check)(value[i]);
          if (item === FAIL) return FAIL;
          if (item === UNSURE) verdict = UNSURE;
        }
        const tail = rest ? everyItem(value, rest, items.length) : PASS;
        return tail === PASS ? verdict : tail;
      };
    }
    case 'record': {
      const key = defOf(def.keyType as Schema);
      if (key.type !== 'string' || key.check !== undefined || key.checks?.length) return unsure;
      const item = compile(def.valueType as Schema);
      return (value) => {
        if (!isObject(value)) return FAIL;
        if (Object.hasOwn(value, '__proto__')) return UNSURE;
        return everyItem(Object.values(value), item);
      };
    }
    case 'union': {
      if (def.discriminator !== undefined) return unsure;
      const options = (def.options as Schema[]).map(compile);
      return (value) => {
        for (const option of options) {
          const verdict = option(value);
          if (verdict !== FAIL) return verdict;
        }
        return FAIL;
      };
    }
    case 'object': {
      const catchall = def.catchall ? defOf(def.catchall as Schema).type : 'strip';
      const kind = CATCHALLS[catchall];
      return kind ? objectCheck(def.shape as Readonly<Record<string, Schema>>, kind) : unsure;
    }
    case 'pipe': {
      const known = caseInsensitiveShapeOf(schema);
      const out = defOf(def.out as Schema);
      if (!known || out.type !== 'object' || out.checks?.length) return unsure;
      return objectCheck(known.shape as Readonly<Record<string, Schema>>, 'loose', known);
    }
    default:
      return unsure;
  }
}

function compile(schema: Schema): Check {
  let check = compiled.get(schema);
  if (check) return check;
  // A schema that refers to itself is met again while it is being compiled: it is left to zod.
  compiled.set(schema, unsure);
  const def = defOf(schema);
  const refined = def.type !== 'number' && (def.check !== undefined || (def.checks?.length ?? 0) > 0);
  check = refined || def.coerce ? unsure : (primitive(def) ?? compound(schema, def));
  compiled.set(schema, check);
  return check;
}

/**
 * Whether `value` is exactly what `schema` would parse it to, so that it can be used as it is, with no copy.
 * `false` means only that zod must decide: the value may still parse (to a different value) or be refused.
 *
 * @param schema - An answer schema.
 * @param value - A parsed JSON answer.
 */
export function answerIsExact(schema: Schema, value: unknown): boolean {
  return compile(schema)(value) === PASS;
}

/**
 * Parses a JSON answer against an endpoint's answer schema the way the client does: an answer the schema vouches
 * for as it is (every documented field in place, spelled as documented, of its documented type) is returned
 * without a copy; anything else is parsed by zod, which renames, copies or refuses it.
 *
 * @example
 * ```ts
 * const result = parseAnswer(alphapointCatalog.GetAccountPositions.response, JSON.parse(text));
 * if (!result.success) console.error(result.error.issues);
 * ```
 *
 * @param schema - The endpoint's answer schema (`catalog[name].response`).
 * @param value - The answer, already parsed from JSON.
 * @returns zod's safe-parse result.
 */
export function parseAnswer<S extends z.ZodType>(
  schema: S,
  value: unknown,
): z.ZodSafeParseResult<z.output<S>> {
  if (answerIsExact(schema, value)) return { success: true, data: value as z.output<S> };
  return schema.safeParse(value);
}
