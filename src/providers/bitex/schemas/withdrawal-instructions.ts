import { z } from 'zod';
import { buildOnce } from '../../../core/build-once.js';

/** This module's schemas, built on first use: building every catalog's schemas at import made loading slow. */
export const withdrawalInstructionsSchemas = buildOnce(() => {
  // The payment `body` of POST /withdrawal_instructions, from bitex-sdk-ruby
  // lib/bitex/resources/withdrawals/withdrawal_instruction.rb (its comment lists each method's fields and the values
  // some accept; `valid_body?` checks the same lists) and the three requests recorded in
  // spec/fixtures/withdrawal_instructions/create/{domestic_bank,international_bank,third_party}.yml.
  //
  // The SDK's comment also ties currencies to countries (AR: ARS or USD, CL: CLP, PY: PYG, UY: UYU), but the
  // recorded requests send USD for CL and PY and Bitex accepted them, so that rule is left to Bitex.

  /** Banks a domestic-bank withdrawal accepts, by country (the SDK lists AR and CL only). */
  const DOMESTIC_BANKS: Readonly<Record<string, readonly string[]>> = {
    AR: (
      'bapro galicia nacion icbc citibank bbva cordoba supervielle ciudad patagonia hipotecario san_juan ' +
      'tucuman rosario santander chubut santa_cruz la_pampa corrientes neuquen interfinanzas hsbc credicoop ' +
      'banco_de_valores roela mariva itau america paribas tierra_del_fuego uruguay saenz meridian macro ' +
      'comafi inversion piano julio rioja del_sol chaco voii formosa cmf santiago_del_estero bind santa_fe ' +
      'masventas entre_rios columbia bica coinag comercio finansur wilobank otro'
    ).split(' '),
    CL: (
      'bco_chile bco_int bco_estado scotia_chile credito_chile corpbanca bice hsbc_ch santander_ch ' +
      'itau_chile tokio security falabella deutsche ripley rabobank consorcio penta paris bbva_ch ' +
      'desarrollo coopeuch'
    ).split(' '),
  };

  /** Every method's fields: who is paid and how to reach them. */
  const shared = {
    name: z.string().min(1).describe('the beneficiary, who must hold the Bitex account'),
    city: z.string().min(1),
    phone: z.string().min(1),
    further_instructions: z.string(),
    country: z.enum(['AR', 'CL', 'PY', 'UY', 'OTHER']),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as "USD"')
      .describe('ISO 4217; the SDK expects ARS or USD for AR, CLP for CL, PYG for PY, UYU for UY'),
  };

  /** The bank account's fields, for both bank methods. */
  const bankAccount = {
    account_type: z.enum(['checking', 'savings']),
    address: z.string().min(1).describe("the beneficiary's address"),
    bank: z.string().min(1),
    bank_account_number: z.string().min(1),
  };

  /** A transfer to a bank account in AR, CL, PY or UY; for AR and CL `bank` is one of {@link DOMESTIC_BANKS}. */
  const domesticBank = z
    .strictObject({
      payment_method: z.literal('domestic_bank'),
      ...shared,
      ...bankAccount,
      cbu: z.string().min(1).describe('the CBU, the Argentine account key'),
      cuit: z.string().min(1).describe('the CUIT, the Argentine tax id'),
      bank: z
        .string()
        .min(1)
        .describe('for AR and CL, one of the bank codes the SDK lists: hsbc, galicia … bco_chile …'),
    })
    .superRefine((body, ctx) => {
      const banks = DOMESTIC_BANKS[body.country];
      if (banks && !banks.includes(body.bank)) {
        ctx.addIssue({
          code: 'custom',
          path: ['bank'],
          message: `for country ${body.country}, bank must be one of Bitex's codes (${banks.slice(0, 3).join(', ')} …)`,
        });
      }
    });

  /** An international bank transfer. */
  const internationalBank = z.strictObject({
    payment_method: z.literal('international_bank'),
    ...shared,
    ...bankAccount,
    postal_code: z.string().min(1),
    bank_address: z.string().min(1),
    bank_city: z.string().min(1),
    bank_country: z.string().min(1),
    bank_postal_code: z.string().min(1),
    bank_swift: z.string().min(1),
  });

  /** A payment through a third party Bitex works with, who contacts the beneficiary. */
  const thirdParty = z.strictObject({ payment_method: z.literal('third_party'), ...shared });

  /** The payment body: one of the three methods Bitex accepts. */
  const withdrawalInstructionBody = z.discriminatedUnion('payment_method', [
    domesticBank,
    internationalBank,
    thirdParty,
  ]);
  return { DOMESTIC_BANKS, domesticBank, internationalBank, thirdParty, withdrawalInstructionBody };
});
