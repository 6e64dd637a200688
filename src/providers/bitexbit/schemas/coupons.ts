import { z } from 'zod';
import { decimalInput, fund } from './common.js';

// API v2 coupons (bitexbit/api-docs-v2, "Create coupon", "Redeem coupon").

/**
 * POST /api/v2/private/coupon/create body. `amount` is listed as a number; the docs' sample client sends it as
 * a string (`amount.toString()`), so both are taken.
 */
export const createCouponBody = z.strictObject({
  amount: z.union([z.number().positive(), decimalInput]),
  symbol: z.string(),
  recipient_email: z.string().optional(),
});

/** POST /api/v2/private/coupon/create. `code` is the coupon itself: keep it safe. */
export const createdCoupon = z.looseObject({
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
export const redeemCouponBody = z.strictObject({ code: z.string() });

/** POST /api/v2/private/coupon/redeem. */
export const redeemedCoupon = z.looseObject({
  redeem: z.looseObject({ date: z.number(), amount: z.string(), symbol: z.string() }),
  funds: z.array(fund),
});
