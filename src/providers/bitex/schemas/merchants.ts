import { z } from 'zod';
import { buildOnce } from '../../../core/build-once.js';
import { jsonApiSchemas } from './json-api.js';

/** This module's schemas, built on first use: building every catalog's schemas at import made loading slow. */
export const merchantsSchemas = buildOnce(() => {
  const { decimal, decimalInput, includedOf, isoTime, list, requestOf, resource, single, toMany, toOne } =
    jsonApiSchemas();
  // The merchants API: bitcoin payments and the self-service point of sale. Shapes from bitex-sdk-ruby
  // lib/bitex/resources/merchants/{payment,pos}.rb, their specs and spec/fixtures/{payments,pos}/.

  /** A payment: a quote in bitcoin for an amount in the customer's currency, and its deposit address. */
  const payment = resource(
    'payments',
    {
      amount: decimal,
      currency_code: z.string(),
      keep: decimal,
      callback_url: z.string().nullable(),
      customer_reference: z.string().nullable(),
      merchant_reference: z.string().nullable(),
      expected_quantity: decimal,
      confirmed_quantity: decimal,
      unconfirmed_quantity: decimal,
      kept: decimal.nullable(),
      overpaid: decimal.nullable(),
      settlement_amount: decimal.nullable(),
      settlement_currency: z.string().nullable(),
      status: z.string(),
      last_quoted_on: isoTime,
      quote_valid_until: isoTime,
      valid_until: isoTime,
    },
    { address: toOne, coin_deposits: toMany },
  );

  /** The address a payment is paid to. */
  const bitcoinAddress = resource(
    'bitcoin_addresses',
    { public_address: z.string(), auto_sell: z.boolean() },
    {},
  );

  /** A deposit that paid a payment. */
  const paymentDeposit = resource(
    'coin_deposits',
    { coin: z.string(), amount: decimal, created_at: isoTime },
    {},
  );

  /** The self-service point of sale (`id` is the merchant's user id). */
  const pos = resource(
    'pos',
    {
      merchant_keep: decimal,
      merchant_logo: z.string(),
      merchant_name: z.string(),
      merchant_site: z.string(),
      merchant_slug: z.string(),
    },
    {},
  );

  const paymentIncluded = includedOf(bitcoinAddress, paymentDeposit);
  const paymentList = list(payment, paymentIncluded);
  const paymentDocument = single(payment, paymentIncluded);
  const posDocument = single(pos);

  /** Currency ids a payment may be quoted in (btc 1, usd 3, ars 4, uyu 5, eur 6, clp 7 … bch 16). */
  const PAYMENT_CURRENCIES = [1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16] as const;

  /** `POST /merchants/payments`: quote `amount` of `currency`, keep `keep` percent of it in bitcoin. */
  const paymentBody = requestOf('payments', {
    amount: decimalInput.describe("what the customer pays, in the payment's currency"),
    currency: z.literal(PAYMENT_CURRENCIES).describe('the currency id: btc 1, usd 3, ars 4 … bch 16'),
    keep: decimalInput.optional().describe('percent of the bitcoin to keep instead of selling it'),
    callback_url: z
      .url({ protocol: /^https$/ })
      .optional()
      .describe('HTTPS; Bitex POSTs every status change there'),
    customer_reference: z.string().optional(),
    merchant_reference: z.string().optional(),
  });

  /** `POST /merchants/pos`: every field the first time, then only those that change. */
  const posBody = requestOf('pos', {
    merchant_keep: decimalInput.optional().describe('percent of bitcoin to keep from POS payments'),
    merchant_logo: z.url().optional(),
    merchant_name: z.string().min(1).optional(),
    merchant_site: z.url().optional(),
    merchant_slug: z
      .string()
      .regex(/^[a-z0-9-]+$/, 'lowercase letters, digits and dashes')
      .optional()
      .describe('the last part of https://bitex.la/pos/<slug>'),
  });
  return {
    payment,
    bitcoinAddress,
    paymentDeposit,
    pos,
    paymentList,
    paymentDocument,
    posDocument,
    PAYMENT_CURRENCIES,
    paymentBody,
    posBody,
  };
});
