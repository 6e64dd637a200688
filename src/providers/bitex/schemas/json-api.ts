import { z } from 'zod';
import { buildOnce } from '../../../core/build-once.js';

/** This module's schemas, built on first use: building every catalog's schemas at import made loading slow. */
export const jsonApiSchemas = buildOnce(() => {
  // Bitex v2.1 speaks JSON:API. Answers are `{ data: resource | resource[], included?: resource[] }` and are read
  // loosely: a member or attribute Bitex adds later passes through. Requests are
  // `{ data: { type, attributes, relationships? } }` and are checked strictly: an unknown field is a mistake.

  /** A resource identifier, `{ id, type }`, as relationships carry them. */
  const identifier = z.looseObject({ id: z.string(), type: z.string() });

  /** A to-one relationship: `{ data: { id, type } }`, `data` null when there is none. */
  const toOne = z.looseObject({ data: identifier.nullable() });

  /** A to-many relationship: `{ data: [{ id, type }, …] }`. */
  const toMany = z.looseObject({ data: z.array(identifier) });

  /** A timestamp as Bitex writes them: ISO 8601 (`2019-01-24T15:43:32.000Z`). */
  const isoTime = z.iso.datetime({ offset: true });

  /** An amount or price in an answer: Bitex sends JSON numbers (`3.0`, `0.00721248`). */
  const decimal = z.number();

  /**
   * An amount or price in a request: a JSON number (`3`, as the SDK sends it) or a decimal string (`"0.001"`,
   * which keeps every digit).
   */
  const decimalInput = z.union([
    z.number(),
    z.string().regex(/^\d+(\.\d+)?$/, 'a decimal number such as "0.5" or a JSON number'),
  ]);

  /**
   * A resource of one `type` with its documented attributes, read loosely. `relationships` is optional, as in
   * JSON:API; when present, the documented ones must have their shape.
   */
  function resource<const T extends string, A extends z.core.$ZodLooseShape, R extends z.core.$ZodLooseShape>(
    type: T,
    attributes: A,
    relationships: R,
  ) {
    return z.looseObject({
      id: z.string(),
      type: z.literal(type),
      attributes: z.looseObject(attributes),
      relationships: z.looseObject(relationships).optional(),
    });
  }

  /** Any resource: what `included` may also hold besides the documented kinds. */
  const anyResource = z.looseObject({
    id: z.string(),
    type: z.string(),
    attributes: z.looseObject({}).optional(),
    relationships: z.looseObject({}).optional(),
  });

  type TypedResource = z.ZodObject<{ type: z.ZodLiteral<string> } & z.core.$ZodLooseShape>;

  /**
   * The `included` member: the documented kinds, checked against their schemas, and any other kind passed
   * through (a kind Bitex adds later).
   */
  function includedOf<const K extends readonly TypedResource[]>(...kinds: K) {
    const known = new Set(kinds.map((kind) => kind.shape.type.value));
    const other = anyResource.extend({
      type: z.string().refine((type) => !known.has(type), 'a documented kind whose fields do not match'),
    });
    return z.array(z.union([...kinds, other]));
  }

  /** What `included` holds when nothing in it is documented. */
  const anyIncluded = z.array(anyResource);

  /** An answer holding one resource. */
  function single<S extends z.ZodType, I extends z.ZodType = typeof anyIncluded>(data: S, included?: I) {
    return z.looseObject({ data, included: (included ?? (anyIncluded as unknown as I)).optional() });
  }

  /** An answer holding a list of resources. */
  function list<S extends z.ZodType, I extends z.ZodType = typeof anyIncluded>(data: S, included?: I) {
    return z.looseObject({
      data: z.array(data),
      included: (included ?? (anyIncluded as unknown as I)).optional(),
    });
  }

  /**
   * The `type` of a request's resource: must be `type`, but typed `string` for the compiler, so that a body built
   * ahead of the call (`const bid = { data: { type: 'bids', … } }`, whose `type` widens to `string`) still compiles.
   */
  const typeIs = <const T extends string>(type: T) => z.string().pipe(z.literal(type));

  /** A request document `{ data: { type, attributes } }`, checked strictly. */
  function requestOf<const T extends string, A extends z.core.$ZodLooseShape>(type: T, attributes: A) {
    return z.strictObject({
      data: z.strictObject({ type: typeIs(type), attributes: z.strictObject(attributes) }),
    });
  }

  /** A relationship in a request: `{ data: { type, id } }` naming a resource of `type`. */
  function linkTo<const T extends string>(type: T) {
    return z.strictObject({ data: z.strictObject({ type: typeIs(type), id: z.string().min(1) }) });
  }

  /** The body of an action with nothing to say (`/bids/:id/cancel` …): the SDK sends `{}`. */
  const emptyBody = z.strictObject({});

  /** The answer of an action Bitex answers with 204 and no body. */
  const noContent = z.undefined();
  return {
    identifier,
    toOne,
    toMany,
    isoTime,
    decimal,
    decimalInput,
    resource,
    includedOf,
    single,
    list,
    typeIs,
    requestOf,
    linkTo,
    emptyBody,
    noContent,
  };
});
