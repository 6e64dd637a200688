import { z } from 'zod';
import { buildOnce } from '../../../core/build-once.js';
import { commonSchemas } from './common.js';

/** This module's schemas, built on first use: building every catalog's schemas at import made loading slow. */
export const couponsSchemas = buildOnce(() => {
  const { decimalInput, fund } = commonSchemas();
  // API v2 coupons (bitexbit/api-docs-v2, "Create coupon", "Redeem coupon").

  /**
   * POST /api/v2/private/coupon/create body. `amount` is listed as a number; the docs' sample client sends it as
   * a string (`amount.toString()`), so both are taken.
   */
  const createCouponBody = z.strictObject({
    amount: z.union([z.number().positive(), decimalInput]),
    symbol: z.string(),
    recipient_email: z.string().optional(),
  });

  /** POST /api/v2/private/coupon/create. `code` is the coupon itself: keep it safe. */
  const createdCoupon = z.looseObject({
    code: z.string().describe('the coupon itself: keep it safe'),
    coupon: z.looseObject({
      date: z.number(),
      opid: z.number(),
      amount: z.string(),
      symbol: z.string(),
      recipient_email: z.string().nullable(),
    }),
    funds: z.array(fund),
  });

  /** POST /api/v2/private/coupon/redeem body. */
  const redeemCouponBody = z.strictObject({ code: z.string() });

  /** POST /api/v2/private/coupon/redeem. */
  const redeemedCoupon = z.looseObject({
    redeem: z.looseObject({ date: z.number(), amount: z.string(), symbol: z.string() }),
    funds: z.array(fund),
  });
  return { createCouponBody, createdCoupon, redeemCouponBody, redeemedCoupon };
});
