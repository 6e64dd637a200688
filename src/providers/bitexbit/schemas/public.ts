import { z } from 'zod';
import { buildOnce } from '../../../core/build-once.js';
import { commonSchemas } from './common.js';

/** This module's schemas, built on first use: building every catalog's schemas at import made loading slow. */
export const publicSchemas = buildOnce(() => {
  const { numberOrDecimal, publicOrder, wholeNumber } = commonSchemas();
  // API v2 public methods (bitexbit/api-docs-v2, "Public methods"): no credentials.

  /** GET /api/v2/public/currencies: one element. */
  const currency = z.looseObject({
    code: z.string(),
    name: z.string(),
    image_url: z.string(),
    precision: z.number(),
    is_enabled: z.boolean(),
  });

  /** GET /api/v2/public/pairs: one element. */
  const pair = z.looseObject({
    symbol: z.string(),
    label: z.string(),
    base: z.string(),
    quote: z.string(),
    price_precision: z.number(),
    amount_precision: z.number(),
    min_amount: z.string(),
    max_amount: z.string(),
    min_value: z.string(),
    can_create_order: z.boolean(),
    can_cancel_order: z.boolean(),
    is_enabled: z.boolean(),
  });

  /** GET /api/v2/public/ohlcv query. */
  const ohlcvQuery = z.strictObject({
    symbol: z.string(),
    timeframe: z
      .string()
      .pipe(z.enum(['5', '15', '30', '60', '240', 'D']))
      .describe('minutes, or D for a day'),
    since: wholeNumber.optional(),
    until: wholeNumber.optional(),
    limit: wholeNumber.max(1000).optional(),
  });

  /** One candle: [opened at, open, high, low, close, volume in the first currency]. */
  const candle = z.tuple(
    [z.number(), z.string(), z.string(), z.string(), z.string(), z.string()],
    z.unknown(),
  );

  /** GET /api/v2/public/tickers and /api/v2/private/balance query: up to 5 symbols, comma-separated. */
  const symbolsQuery = z.strictObject({
    symbols: z.string().describe('comma-separated, at most 5').optional(),
  });

  /** GET /api/v2/public/tickers: one element. */
  const ticker = z.looseObject({
    date: z.number(),
    symbol: z.string(),
    last: z.string(),
    buy: z.string(),
    sell: z.string(),
    change: z.string(),
    vol1: z.string(),
    vol2: z.string(),
    high: z.string(),
    low: z.string(),
  });

  /** GET /api/v2/public/depth query. */
  const depthQuery = z.strictObject({
    symbol: z.string(),
    limit: wholeNumber.max(50).optional(),
  });

  /** A price level: [price, amount] (the docs give no type; the example shows numbers). */
  const level = z.tuple([numberOrDecimal, numberOrDecimal], z.unknown());

  /** GET /api/v2/public/depth. */
  const depth = z.looseObject({
    date: z.number(),
    /** Listed among the fields, absent from the example. */
    symbol: z.string().optional(),
    asks: z.array(level),
    bids: z.array(level),
    sum_bids: z.number(),
    sum_asks: z.number(),
  });

  /** Filters of the order lists (GET /api/v2/public/orders, /api/v2/private/orders). */
  const ordersQuery = z.strictObject({
    symbol: z.string().optional(),
    type: z
      .string()
      .pipe(z.enum(['buy-limit', 'sell-limit']))
      .optional(),
    status: z
      .string()
      .pipe(z.enum(['active', 'canceled', 'done']))
      .optional(),
    since: wholeNumber.optional(),
    until: wholeNumber.optional(),
    since_id: wholeNumber.optional(),
    until_id: wholeNumber.optional(),
    limit: wholeNumber.max(1000).optional(),
  });

  /** GET /api/v2/public/orders. */
  const publicOrders = z.array(publicOrder);

  /** Filters of the trade lists (GET /api/v2/public/trades, /api/v2/private/trades). */
  const tradesQuery = z.strictObject({
    symbol: z.string().optional(),
    type: z
      .string()
      .pipe(z.enum(['sell', 'buy']))
      .optional(),
    since: wholeNumber.optional(),
    until: wholeNumber.optional(),
    since_id: wholeNumber.optional(),
    until_id: wholeNumber.optional(),
    limit: wholeNumber.max(1000).optional(),
  });

  /** GET /api/v2/public/trades: one element (`type` is listed as an integer, shown as `"buy"`). */
  const publicTrade = z.looseObject({
    date: z.number(),
    id: z.number(),
    symbol: z.string(),
    price: z.string(),
    amount: z.string(),
    type: z.string(),
  });
  return {
    currency,
    pair,
    ohlcvQuery,
    candle,
    symbolsQuery,
    ticker,
    depthQuery,
    depth,
    ordersQuery,
    publicOrders,
    tradesQuery,
    publicTrade,
  };
});
