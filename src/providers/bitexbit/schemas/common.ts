import { z } from 'zod';
import { buildOnce } from '../../../core/build-once.js';

/** This module's schemas, built on first use: building every catalog's schemas at import made loading slow. */
export const commonSchemas = buildOnce(() => {
  // Shapes shared by several bitexbit endpoints. Sources: bitexbit/api-docs-v2 (source/index.html.md) and
  // bitexbit/api-docs-gateway (source/index.html.md). Answer schemas are loose (a field bitexbit adds later passes
  // through); request schemas are strict (an unknown field is a mistake, refused before anything is sent).

  /** A decimal string as the v2 docs send it in requests: digits with an optional fraction (`"0.001"`). */
  const decimalInput = z.string().regex(/^[0-9]+(\.[0-9]+)?$/, {
    error: 'must be a decimal string such as "0.001"',
  });

  /** An amount the docs show both as a JSON number and as a decimal string. */
  const numberOrDecimal = z.union([z.number(), z.string()]);

  /** A positive whole number (ids, limits, page numbers). */
  const wholeNumber = z.number().int().nonnegative();

  /** One wallet changed by an operation (`funds` of order, coupon and cancel answers; also the balance). */
  const fund = z.looseObject({
    symbol: z.string(),
    available: z.string(),
    reserved: z.string(),
  });

  /** An order as the public order list shows it (v2 "Public Orders"). */
  const publicOrder = z.looseObject({
    id: z.number(),
    date: z.number(),
    type: z.string(),
    symbol: z.string(),
    price: z.string(),
    amount: z.string(),
    amount_unfilled: z.string(),
    amount_filled: z.string().nullable(),
    amount_cancelled: z.string().nullable(),
    value_filled: z.string().nullable(),
    price_avg: z.string().nullable(),
    /** The lists call it a string, create and cancel an integer; the examples show a number or null. */
    done_at: z.union([z.number(), z.string()]).nullable(),
    state: z.string(),
  });

  /** One of the account's orders (v2 "Private Orders", and `order` of create and cancel). */
  const order = publicOrder.extend({ fee_filled: z.string().nullable() });

  /** A gateway page: `{count, next, previous, results}` (DRF paging). */
  const page = <T extends z.ZodType>(item: T) =>
    z.looseObject({
      count: z.number(),
      next: z.string().nullable(),
      previous: z.string().nullable(),
      results: z.array(item),
    });

  /** An empty query: the endpoint documents no query parameters. */
  const noQuery = z.strictObject({});

  /** An empty body: the endpoint documents no body (the client sends `{}`). */
  const noBody = z.strictObject({});
  return { decimalInput, numberOrDecimal, wholeNumber, fund, publicOrder, order, page, noQuery, noBody };
});
