import { z } from 'zod';
import { buildOnce } from '../../../core/build-once.js';
import { jsonApiSchemas } from './json-api.js';

/** This module's schemas, built on first use: building every catalog's schemas at import made loading slow. */
export const marketSchemas = buildOnce(() => {
  const { decimal, includedOf, isoTime, list, resource, single, toMany } = jsonApiSchemas();
  // Public market data. Shapes from bitex-sdk-ruby: lib/bitex/resources/{ticker,orderbook,transaction,candle,
  // market,order_group}.rb and the answers recorded in spec/fixtures/{tickers,orderbooks,transactions,candles,
  // markets}/.

  /** A ticker: the last 24 hours of one orderbook (`id` is its code, `btc_usd`). */
  const ticker = resource(
    'tickers',
    {
      last: decimal,
      open: decimal,
      high: decimal,
      low: decimal,
      vwap: decimal.nullable().describe('null when the orderbook had no trade in the period'),
      volume: decimal,
      bid: decimal,
      ask: decimal,
      price_before_last: decimal,
    },
    {},
  );

  const currency = z.looseObject({ code: z.string(), decimals: z.int() });

  /** An orderbook: its code and the two currencies it trades. */
  const orderbook = resource('orderbooks', { code: z.string(), base: currency, quote: currency }, {});

  /**
   * A trade of the public tape. Lists carry `datetime` (since March 2019); single transactions and those a
   * market includes still carry `timestamp` (Unix seconds).
   */
  const transaction = resource(
    'transactions',
    {
      price: decimal,
      amount: decimal,
      orderbook_code: z.string(),
      datetime: isoTime.optional().describe('in lists'),
      timestamp: z.int().optional().describe('Unix seconds, in single transactions and market includes'),
    },
    {},
  );

  /** A candle: open, high, low, close, volume and VWAP of one span (`timestamp` opens it, Unix seconds). */
  const candle = resource(
    'candles',
    {
      timestamp: z.int(),
      open: decimal,
      high: decimal,
      low: decimal,
      close: decimal,
      volume: decimal,
      vwap: decimal,
      price_before_last: decimal,
      orderbook_code: z.string(),
    },
    {},
  );

  /** One price level of an orderbook side: the amount of the base coin resting at `price`. */
  const orderGroup = resource('order_groups', { price: decimal, amount: decimal }, {});

  /** A market: its sides, candles and tape, as relationships to the `included` resources. */
  const market = z.looseObject({
    id: z.string(),
    type: z.literal('markets'),
    relationships: z.looseObject({ bids: toMany, asks: toMany, candles: toMany, transactions: toMany }),
  });

  const tickerList = list(ticker);
  const tickerDocument = single(ticker);
  const orderbookList = list(orderbook);
  const transactionList = list(transaction);
  const transactionDocument = single(transaction);
  const candleList = list(candle);
  const marketDocument = single(market, includedOf(orderGroup, candle, transaction));

  const filterOrderbook = z.string().min(1);

  /** `GET /markets/:orderbook`: which relationships to include (default all four). */
  const marketQuery = z.strictObject({
    include: z
      .string()
      .regex(
        /^(bids|asks|candles|transactions)(,(bids|asks|candles|transactions))*$/,
        'a comma-separated list of bids, asks, candles, transactions',
      )
      .optional(),
  });

  /** `GET /transactions`: one orderbook, and how many hours back (1 by default, at most 24). */
  const transactionQuery = z.strictObject({
    'filter[orderbook_code]': filterOrderbook.optional(),
    'filter[from]': z.int().min(1).max(24).optional(),
  });

  /** `GET /candles`: one orderbook, how many days back (default 1) and the hours each candle spans (default 1). */
  const candleQuery = z.strictObject({
    'filter[orderbook_code]': filterOrderbook.optional(),
    'filter[days]': z.int().min(1).optional(),
    span: z.int().min(1).optional(),
  });
  return {
    ticker,
    orderbook,
    transaction,
    candle,
    orderGroup,
    market,
    tickerList,
    tickerDocument,
    orderbookList,
    transactionList,
    transactionDocument,
    candleList,
    marketDocument,
    marketQuery,
    transactionQuery,
    candleQuery,
  };
});
