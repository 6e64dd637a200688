import { z } from 'zod';
import { buildOnce } from '../../../core/build-once.js';
import { commonSchemas } from './common.js';

/** This module's schemas, built on first use: building every catalog's schemas at import made loading slow. */
export const tradingSchemas = buildOnce(() => {
  const { decimalInput, fund, order } = commonSchemas();
  // API v2 private methods for trading (bitexbit/api-docs-v2, "Private methods"): orders, trades, balance, fees.

  /**
   * POST /api/v2/private/order/create body: a limit order, price and amount as decimal strings. The client sends
   * the fields in this order (the docs' sample client's), whatever order they were given in.
   */
  const createOrderBody = z.strictObject({
    symbol: z.string(),
    price: decimalInput,
    amount: decimalInput,
    type: z.string().pipe(z.enum(['buy-limit', 'sell-limit'])),
  });

  /** A trade made when a new order matched resting orders. */
  const orderTrade = z.looseObject({
    id: z.number(),
    price: z.string(),
    amount: z.string(),
    side_order: z.number(),
  });

  /** POST /api/v2/private/order/create. */
  const createdOrder = z.looseObject({
    order,
    trades: z.array(orderTrade),
    funds: z.array(fund),
  });

  /** POST /api/v2/private/order/:id/cancel. */
  const cancelledOrder = z.looseObject({
    cancel: z.looseObject({ id: z.number(), date: z.number() }),
    order,
    funds: z.array(fund),
  });

  /** GET /api/v2/private/orders. */
  const orders = z.array(order);

  /** GET /api/v2/private/trades: one element. */
  const trade = z.looseObject({
    id: z.number(),
    date: z.number(),
    type: z.string(),
    symbol: z.string(),
    price: z.string(),
    amount: z.string(),
    fee_amount: z.string(),
    fee_rate: z.string(),
    fee_symbol: z.string(),
  });

  /** GET /api/v2/private/balance. */
  const balance = z.array(fund);

  /**
   * Fee rates. The docs' example says `sell_fee_rate`/`buy_fee_rate`, their field list `taker_fee_rate`/
   * `maker_fee_rate`: both spellings are read, each optional.
   */
  const feeRates = {
    sell_fee_rate: z.string().describe("the example's name").optional(),
    buy_fee_rate: z.string().describe("the example's name").optional(),
    taker_fee_rate: z.string().describe("the field list's name").optional(),
    maker_fee_rate: z.string().describe("the field list's name").optional(),
  };

  /** GET /api/v2/private/trading-fees. */
  const tradingFees = z.looseObject({
    ...feeRates,
    pair_fee_rates: z.array(z.looseObject({ symbol: z.string(), ...feeRates })),
  });
  return { createOrderBody, createdOrder, cancelledOrder, orders, trade, balance, tradingFees };
});
