import { z } from 'zod';

/** What a case-insensitive object was built from: its documented names, by lower-case spelling. */
export interface CaseInsensitiveShape {
  readonly shape: z.ZodRawShape;
  readonly names: ReadonlyMap<string, string>;
  readonly exact: ReadonlySet<string>;
}

const shapes = new WeakMap<z.core.$ZodType, CaseInsensitiveShape>();

/** Whether some key of `source` is a documented name spelled in another case (`omsId` for `OMSId`). */
export function needsRenaming(source: object, { names, exact }: CaseInsensitiveShape): boolean {
  for (const key in source) {
    if (exact.has(key)) continue;
    const name = names.get(key.toLowerCase());
    if (name !== undefined && name !== key) return true;
  }
  return false;
}

function canonical(value: unknown, known: CaseInsensitiveShape): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  // Answers almost always use the documented case already: then they are taken as they are, not copied.
  if (!needsRenaming(value, known)) return value;
  const source = value as Record<string, unknown>;
  const renamed: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(source)) {
    const name = known.names.get(key.toLowerCase());
    const target = name !== undefined && !Object.hasOwn(source, name) ? name : key;
    // defineProperty: a `__proto__` key in the answer stays a plain field.
    Object.defineProperty(renamed, target, {
      value: item,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return renamed;
}

/**
 * A loose object whose documented fields are matched case-insensitively (`omsId`, `OMSId` and `OMSID` are all
 * `OMSId`); the parsed value carries the names given here. Other fields pass through unchanged. For exchanges
 * whose documents and wire spell the same field in different cases.
 */
export function caseInsensitiveObject<const S extends z.ZodRawShape>(shape: S) {
  const known: CaseInsensitiveShape = {
    shape,
    names: new Map(Object.keys(shape).map((key) => [key.toLowerCase(), key])),
    exact: new Set(Object.keys(shape)),
  };
  const schema = z.preprocess((value) => canonical(value, known), z.looseObject(shape));
  shapes.set(schema, known);
  return schema;
}

/** The shape `schema` was built from, when {@link caseInsensitiveObject} built it. */
export function caseInsensitiveShapeOf(schema: z.core.$ZodType): CaseInsensitiveShape | undefined {
  return shapes.get(schema);
}
