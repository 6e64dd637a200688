import { z } from 'zod';
import { buildOnce } from '../../../core/build-once.js';
import { commonSchemas } from './common.js';

/** This module's schemas, built on first use: building every catalog's schemas at import made loading slow. */
export const gatewaySchemas = buildOnce(() => {
  const { page, wholeNumber } = commonSchemas();
  // The gateway API (bitexbit/api-docs-gateway): payment methods, deposit wallets, fiat invoices, withdrawals.
  // Request amounts are JSON numbers, as every sample body sends them. Bodies are sent with their fields in the
  // order of the docs' sample bodies, whatever order they were given in.

  /** `ordering`: `id` ascending, `-id` descending (or another field, for the histories). */
  const ordering = z.string().optional();

  /** A status code: documented as numbers (1, 5, 6; 10 ... 50), shown as `"5"` in the deposit examples. */
  const statusCode = z.union([z.number(), z.string()]);

  /** Deposit statuses (the gateway docs' "Deposit Statuses"). */
  const depositStatus = statusCode.describe('1 PENDING, 5 CONFIRMED, 6 REJECTED');

  /** GET /api/gateway/payment-methods query. */
  const paymentMethodsQuery = z.strictObject({ ordering });

  /** GET /api/gateway/payment-methods: one element. */
  const paymentMethod = z.looseObject({
    ticker: z.string(),
    network: z.string(),
    min_deposit: z.string(),
    max_deposit: z.string(),
    deposit_fee_amount: z.string(),
    deposit_fee_rate: z.string(),
    min_withdraw: z.string(),
    max_withdraw: z.string(),
    withdraw_fee_amount: z.string(),
    withdraw_fee_rate: z.string(),
    withdraw_fee_currency: z.string(),
    is_fiat: z.boolean(),
    is_deposit_enabled: z.boolean(),
    is_withdraw_enabled: z.boolean(),
  });

  /** Conversion of what arrives into another currency: an order placed at market ± `convert_percent` (default 5). */
  const convertInput = {
    convert_ticker: z.string().optional(),
    convert_limit: z.number().positive().optional(),
    convert_percent: z.number().optional(),
  };

  /** POST /api/gateway/wallet/create body. */
  const createWalletBody = z.strictObject({
    ticker: z.string(),
    network: z.string(),
    callback_url: z.string().optional(),
    ...convertInput,
  });

  /** A deposit wallet (POST /api/gateway/wallet/create, GET /api/gateway/wallets). */
  const wallet = z.looseObject({
    address: z.string(),
    slug: z.string(),
    ticker: z.string(),
    network: z.string(),
    callback_url: z.string().nullable(),
    convert_ticker: z.string().nullable(),
    convert_limit: z.string().nullable(),
    convert_percent: z.string().nullable(),
    created_at: z.string(),
  });

  /** Paging of the gateway lists (GET /api/gateway/wallets, /api/gateway/invoices). */
  const listQuery = z.strictObject({
    page: wholeNumber.min(1).optional(),
    limit: wholeNumber.optional(),
    ordering,
  });

  /** GET /api/gateway/wallets. */
  const wallets = page(wallet);

  /** Filters of the deposit histories (GET /api/gateway/wallet/history, /api/gateway/invoice/history). */
  const depositHistoryQuery = z.strictObject({
    ticker: z.string().optional(),
    network: z.string().optional(),
    page: wholeNumber.min(1).optional(),
    status: statusCode.optional(),
    txid: z.string().optional(),
    address: z.string().optional(),
    payment_id: z.string().optional(),
    memo: z.string().optional(),
    destination_tag: z.string().optional(),
    ordering,
    limit: wholeNumber.optional(),
  });

  /** GET /api/gateway/wallet/history: deposits to the wallets. */
  const walletDeposits = page(
    z.looseObject({
      address: z.string(),
      wallet_slug: z.string(),
      date: z.string(),
      amount: z.string(),
      fee: z.string(),
      ticker: z.string(),
      network: z.string(),
      status: depositStatus,
      txid: z.string(),
      actual_confirmations: z.number().nullable(),
      required_confirmations: z.number().nullable(),
      aml_success: z.boolean().nullable(),
      aml_risk: z.number().nullable(),
      aml_url: z.string().nullable(),
      created_at: z.string(),
    }),
  );

  /** POST /api/gateway/invoice/create body. */
  const createInvoiceBody = z.strictObject({
    ticker: z.string(),
    network: z.string(),
    amount: z.number().positive(),
    payment_url: z.string().optional(),
    cancel_url: z.string().optional(),
    callback_url: z.string().optional(),
    ...convertInput,
    client_ip: z.string(),
  });

  /** Fields every invoice answer has. */
  const invoiceBase = {
    slug: z.string(),
    ticker: z.string(),
    network: z.string(),
    amount: z.union([z.number(), z.string()]),
    convert_ticker: z.string().nullable(),
    convert_limit: z.string().nullable(),
    convert_percent: z.string().nullable(),
    created_at: z.string(),
  };

  /** POST /api/gateway/invoice/create: `proceed_url` is where the payer goes. */
  const createdInvoice = z.looseObject({
    ...invoiceBase,
    proceed_url: z.string(),
    payment_url: z.string().nullable(),
  });

  /** GET /api/gateway/invoices. */
  const invoices = page(z.looseObject({ ...invoiceBase, callback_url: z.string().nullable() }));

  /** GET /api/gateway/invoice/history: deposits paid through invoices. */
  const invoiceDeposits = page(
    z.looseObject({
      date: z.string(),
      amount: z.string(),
      fee: z.string(),
      ticker: z.string(),
      network: z.string(),
      status: depositStatus,
      txid: z.string(),
      /** The conversion order, when the invoice asked for one. */
      convert: z
        .looseObject({
          symbol: z.string(),
          amount: z.string(),
          price: z.string(),
          side: z.string(),
          state: z.string(),
        })
        .nullish(),
      created_at: z.string(),
    }),
  );

  /**
   * POST /api/gateway/withdraw/create body. `address` is required for crypto, `card` for fiat (the client cannot
   * tell which a ticker and network are, so neither is required here). `payment_id`, `memo` and
   * `destination_tag` appear in the sample body only. `fee_payer`: 1 from the balance (default), 2 from the amount.
   */
  const createWithdrawalBody = z.strictObject({
    ticker: z.string(),
    network: z.string(),
    address: z.string().describe('required for crypto').optional(),
    card: z.string().describe('required for fiat').optional(),
    payment_id: z.string().optional(),
    memo: z.string().optional(),
    comment: z.string().optional(),
    destination_tag: z.string().optional(),
    amount: z.number().positive(),
    callback_url: z.string().optional(),
    client_order_id: z
      .string()
      .describe('your id: how to find a withdrawal whose answer was lost')
      .optional(),
    fee_payer: z.literal([1, 2]).describe('1 from the balance (default), 2 from the amount').optional(),
    auto_buy_ticker: z.string().optional(),
    auto_buy_percent: z.number().optional(),
  });

  /** A withdrawal as the create answer shows it. */
  const withdrawal = z.looseObject({
    id: z.number(),
    ticker: z.string(),
    network: z.string(),
    address: z.string().nullable(),
    payment_id: z.string().nullable(),
    memo: z.string().nullable(),
    comment: z.string().nullable(),
    destination_tag: z.string().nullable(),
    /** `"22.0000000"` in the create example, `22` in the history example. */
    amount: z.union([z.number(), z.string()]),
    callback_url: z.string().nullable(),
    client_order_id: z.string().nullable(),
    fee_payer: z.number(),
    /** 10 NEW ... 50 CANCELLED (the gateway docs' "Withdraw Statuses"). */
    status: z
      .number()
      .describe(
        '10 NEW, 20 CONFIRMED, 23 VERIFIED, 25 MODERATION, 26 APPROVED, 27 SUSPENDED, 30 DONE, 40 REFUSED, 50 CANCELLED',
      ),
    /** The order bought with the withdrawal, when `auto_buy_ticker` was sent. */
    auto_buy: z
      .looseObject({
        symbol: z.string(),
        amount: z.union([z.number(), z.string()]),
        price: z.union([z.number(), z.string()]),
        side: z.number(),
        state: z.string(),
      })
      .nullish(),
    created_at: z.string(),
  });

  /** GET /api/gateway/withdraw/history query. */
  const withdrawalHistoryQuery = z.strictObject({
    ticker: z.string().optional(),
    network: z.string().optional(),
    page: wholeNumber.min(1).optional(),
    status: statusCode.optional(),
    txid: z.string().optional(),
    address: z.string().optional(),
    ordering,
    limit: wholeNumber.optional(),
  });

  /** GET /api/gateway/withdraw/history. The example's AML fields are placeholders (`"string"`). */
  const withdrawals = page(
    withdrawal.extend({
      txid: z.string().nullable(),
      aml_success: z.union([z.boolean(), z.string()]).nullable(),
      aml_risk: z.union([z.number(), z.string()]).nullable(),
      aml_url: z.string().nullable(),
    }),
  );
  return {
    paymentMethodsQuery,
    paymentMethod,
    createWalletBody,
    wallet,
    listQuery,
    wallets,
    depositHistoryQuery,
    walletDeposits,
    createInvoiceBody,
    createdInvoice,
    invoices,
    invoiceDeposits,
    createWithdrawalBody,
    withdrawal,
    withdrawalHistoryQuery,
    withdrawals,
  };
});
