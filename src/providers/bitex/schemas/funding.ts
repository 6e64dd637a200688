import { z } from 'zod';
import { buildOnce } from '../../../core/build-once.js';
import { jsonApiSchemas } from './json-api.js';
import { withdrawalInstructionsSchemas } from './withdrawal-instructions.js';

/** This module's schemas, built on first use: building every catalog's schemas at import made loading slow. */
export const fundingSchemas = buildOnce(() => {
  const {
    decimal,
    decimalInput,
    includedOf,
    isoTime,
    linkTo,
    list,
    requestOf,
    resource,
    single,
    toOne,
    typeIs,
  } = jsonApiSchemas();
  const { withdrawalInstructionBody } = withdrawalInstructionsSchemas();
  // Deposits and withdrawals. Shapes from bitex-sdk-ruby: lib/bitex/resources/deposits/*.rb, withdrawals/*.rb,
  // their specs and the answers recorded in spec/fixtures/{coin_deposits,cash_deposits,cash_deposit_instructions,
  // coin_withdrawals,cash_withdrawals,withdrawal_instructions}/.

  /** A crypto deposit (`relationships.address` is the receiving address). */
  const coinDeposit = resource(
    'coin_deposits',
    { coin: z.string(), amount: decimal, created_at: isoTime },
    { address: toOne },
  );

  /** A fiat deposit, with what was asked for, what arrived, its costs and what was credited. */
  const cashDeposit = resource(
    'cash_deposits',
    {
      status: z.string(),
      requested_amount: decimal.nullable(),
      requested_currency: z.string(),
      deposit_method: z.string(),
      country: z.string().nullable(),
      clearing_data: z.string().nullable(),
      amount: decimal,
      fiat_code: z.string(),
      gross_amount: decimal,
      cost: decimal,
      fee: decimal,
      net_amount: decimal,
      created_at: isoTime,
    },
    { funding_receipt: toOne },
  );

  /** How to deposit one fiat currency (`instructions` is HTML, for a person to read). Experimental endpoint. */
  const cashDepositInstruction = resource(
    'cash_deposit_instructions',
    { currency: z.string(), instructions: z.string() },
    {},
  );

  /** A crypto withdrawal. */
  const coinWithdrawal = resource(
    'coin_withdrawals',
    {
      amount: decimal,
      status: z.string(),
      // null when the withdrawal was made without one (recorded; the cassette's "a-label" is a hand edit, 0c249e8).
      label: z.string().nullable(),
      to_addresses: z.string(),
      coin_code: z.string(),
      // Only the developer server's answer of 2019-01-22 carries it; sandbox and production answers do not.
      created_at: isoTime.optional(),
    },
    { user: toOne },
  );

  /** A fiat withdrawal, paid by the `withdrawal_instruction` it names. */
  const cashWithdrawal = resource(
    'cash_withdrawals',
    {
      status: z.string(),
      amount: decimal,
      gross_amount: decimal,
      cost: decimal,
      fee: decimal,
      net_amount: decimal,
      country: z.string(),
      payment_method: z.string(),
      fiat_code: z.string(),
      label: z.string(),
      created_at: isoTime,
    },
    { withdrawal_instruction: toOne, funding_receipt: toOne },
  );

  /** Stored instructions for paying fiat withdrawals; `body` is what was sent, `payment_method` included. */
  const withdrawalInstruction = resource(
    'withdrawal_instructions',
    {
      label: z.string(),
      schema: z.string(),
      body: z.looseObject({
        payment_method: z.string(),
        name: z.string(),
        city: z.string(),
        phone: z.string(),
        further_instructions: z.string(),
        country: z.string(),
        currency: z.string(),
      }),
    },
    {},
  );

  /** The receipt Bitex issues for a withdrawal's fees (bitex-sdk-ruby InvoicingFundingReceipt). */
  const invoicingFundingReceipt = resource(
    'invoicing_funding_receipts',
    { amount: decimal, tax: decimal },
    {},
  );

  const coinDepositList = list(coinDeposit);
  const coinDepositDocument = single(coinDeposit);
  const cashDepositList = list(cashDeposit);
  const cashDepositDocument = single(cashDeposit);
  const cashDepositInstructionList = list(cashDepositInstruction);
  const coinWithdrawalList = list(coinWithdrawal);
  const coinWithdrawalDocument = single(coinWithdrawal);
  const cashWithdrawalIncluded = includedOf(withdrawalInstruction, invoicingFundingReceipt);
  const cashWithdrawalList = list(cashWithdrawal, cashWithdrawalIncluded);
  const cashWithdrawalDocument = single(cashWithdrawal, cashWithdrawalIncluded);
  const withdrawalInstructionList = list(withdrawalInstruction);
  const withdrawalInstructionDocument = single(withdrawalInstruction);

  /**
   * `POST /coin_withdrawals` (with a One-Time-Password): send `amount` of `coin_code` to `to_addresses`
   * (bitex-sdk-ruby `CoinWithdrawal.create(to_addresses:, label:, amount:, coin_code:, otp:)`, every argument
   * required; recorded in spec/fixtures/coin_withdrawals/create.yml).
   */
  const coinWithdrawalBody = requestOf('coin_withdrawals', {
    to_addresses: z.string().min(1).describe('the address to send the coins to'),
    label: z.string().describe('a name for the withdrawal'),
    amount: decimalInput,
    coin_code: z.enum(['btc', 'bch']).describe("the coin: 'btc' or 'bch', the ones Bitex documents"),
  });

  /**
   * `POST /cash_withdrawals` (with a One-Time-Password): pay `amount` of `fiat_code` with stored withdrawal
   * instructions (bitex-sdk-ruby `CashWithdrawal.create(withdrawal_instruction:, amount:, fiat_code:, otp:)`;
   * recorded in spec/fixtures/cash_withdrawals/create.yml).
   */
  const cashWithdrawalBody = z.strictObject({
    data: z.strictObject({
      type: typeIs('cash_withdrawals'),
      attributes: z.strictObject({
        amount: decimalInput,
        fiat_code: z
          .string()
          .regex(/^[A-Za-z]{3}$/, 'a currency code such as "ars"')
          .describe('the fiat currency code'),
      }),
      relationships: z.strictObject({ withdrawal_instruction: linkTo('withdrawal_instructions') }),
    }),
  });

  /** `POST /withdrawal_instructions`: a `label` and the payment `body`, one of three shapes by `payment_method`. */
  const withdrawalInstructionsBody = requestOf('withdrawal_instructions', {
    label: z.string().min(1),
    body: withdrawalInstructionBody,
  });

  /** `GET` lists of deposits and withdrawals: those since a day (`YYYY-MM-DD`). */
  const fromQuery = z.strictObject({ 'filter[from]': z.iso.date().optional() });
  return {
    coinDeposit,
    cashDeposit,
    cashDepositInstruction,
    coinWithdrawal,
    cashWithdrawal,
    withdrawalInstruction,
    invoicingFundingReceipt,
    coinDepositList,
    coinDepositDocument,
    cashDepositList,
    cashDepositDocument,
    cashDepositInstructionList,
    coinWithdrawalList,
    coinWithdrawalDocument,
    cashWithdrawalList,
    cashWithdrawalDocument,
    withdrawalInstructionList,
    withdrawalInstructionDocument,
    coinWithdrawalBody,
    cashWithdrawalBody,
    withdrawalInstructionsBody,
    fromQuery,
  };
});
