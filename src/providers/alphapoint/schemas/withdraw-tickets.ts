import { z } from 'zod';
import { buildOnce } from '../../../core/build-once.js';
import { commonSchemas } from './common.js';

/** This module's schemas, built on first use: building every catalog's schemas at import made loading slow. */
export const withdrawTicketsSchemas = buildOnce(() => {
  const { answer, apexEnum, assetManagerEnvelope, dateTime, decimal, int, jsonText, providerObject, text } =
    commonSchemas();
  // Withdraw tickets: slate `tickets/_api_tix_*withdraw*.md`; Kiiex CreateWithdrawTicket.yaml, CancelWithdraw.yaml,
  // GetWithdraw*.yaml, GetOMSWithdrawFees.yaml. Comments and attachments, shared with deposit tickets, are in
  // tickets.ts, which re-exports these.

  /**
   * CreateWithdrawTicket body, as the docs give it. `TemplateForm` holds the account provider's fields
   * (`{"TemplateType": "ToExternalBitCoinAddress", "Comment": "", "ExternalAddress": "..."}`; GetWithdrawTemplateTypes
   * and GetWithdrawTemplate say which): an object in the docs, a JSON string in ccxt's NDAX client; both are taken.
   */
  const withdrawTicketRequest = z.strictObject({
    OMSId: int,
    AccountId: int,
    ProductId: int,
    Amount: decimal,
    TemplateForm: z.union([providerObject, z.string()]).optional(),
    TemplateType: z.string(),
  });

  /**
   * CreateWithdrawTicket with the second factor, as NDAX takes it (ccxt's `withdraw`): `{TfaType: "Google", TFaCode,
   * Payload}`, `Payload` being the request above as a JSON string. Deployments that list `createwithdrawticket` in
   * GetValidate2FARequiredEndpoints want a code; the other way to give one is Validate2FA on the session first.
   */
  const withdrawTicketWithCode = z.strictObject({
    TfaType: z.string(),
    TFaCode: z.string(),
    Payload: z.string(),
  });

  /** CreateWithdrawTicket body: the documented request, or the NDAX form carrying a second factor. */
  const createWithdrawTicketBody = z.union([withdrawTicketRequest, withdrawTicketWithCode]);

  /** CancelWithdraw body: the withdrawal's request code. */
  const cancelWithdrawBody = z.strictObject({
    OMSId: int,
    UserId: int,
    AccountId: int,
    RequestCode: z.string(),
  });

  /**
   * A withdraw ticket (GetWithdrawTicket, GetWithdrawTickets). `TemplateForm`, `Comments`, `Attachments` and
   * `AuditLog` are JSON strings in slate and parsed in Kiiex; `Status` is a number in the docs, a name on the wire.
   */
  const withdrawTicket = answer({
    AssetManagerId: int,
    AccountId: int,
    AssetId: int,
    AssetName: text,
    Amount: decimal,
    TemplateForm: jsonText,
    TemplateFormType: z.string(),
    OMSId: int,
    RequestCode: z.string(),
    RequestIP: text,
    RequestUserId: int,
    RequestUserName: text,
    OperatorId: int,
    Status: apexEnum,
    FeeAmt: decimal,
    UpdatedByUser: int,
    UpdatedByUserName: text,
    TicketNumber: int,
    CreatedTimestamp: dateTime,
    LastUpdateTimestamp: dateTime,
    Comments: jsonText.nullable(),
    Attachments: jsonText.nullable(),
    AuditLog: jsonText.nullable(),
  });

  /** GetWithdrawTicket body: "No optional fields" in slate; Kiiex also lists `TicketId`. */
  const withdrawTicketBody = z.strictObject({
    OMSId: int,
    AccountId: int,
    RequestCode: z.string(),
    TicketId: int.optional(),
  });

  /** GetWithdrawTickets body. `StartIndex` (the oldest ticket is 0) and `Limit` are optional. */
  const withdrawTicketsBody = z.strictObject({
    OMSId: int,
    AccountId: int,
    StartIndex: int.optional(),
    Limit: int.optional(),
  });

  /** GetWithdrawTickets. */
  const withdrawTickets = z.array(withdrawTicket);

  /** GetWithdraws. */
  const withdraws = z.array(
    answer({
      Amount: decimal,
      FeeAmount: decimal,
      NotionalValue: decimal,
      WithdrawId: int,
      AssetManagerId: int,
      AccountId: int,
      AssetId: int,
      TemplateForm: jsonText,
      TemplateFormType: z.string(),
      OMSId: int,
      TicketStatus: apexEnum,
      TicketNumber: int,
      WithdrawTransactionDetails: jsonText,
      WithdrawType: z.string(),
      WithdrawCode: z.string(),
      AssetType: apexEnum,
      Reaccepted: z.boolean(),
      NotionalProductId: int,
    }),
  );

  /** GetWithdrawFee body. `AccountProviderId` is listed by Kiiex only. */
  const withdrawFeeBody = z.strictObject({
    OMSId: int,
    AccountId: int,
    ProductId: int,
    Amount: decimal,
    AccountProviderId: int.optional(),
  });

  /** GetWithdrawFee. `TicketAmount` is printed by Kiiex only. */
  const withdrawFee = answer({ FeeAmount: decimal, TicketAmount: decimal.optional() });

  /** GetOMSWithdrawFees body, GetWithdrawTemplateTypes body. */
  const productBody = z.strictObject({ OMSId: int, ProductId: int });

  /** GetOMSWithdrawFees: the withdrawal fees of a product. */
  const omsWithdrawFees = z.array(
    answer({
      OMSId: int,
      AccountId: int,
      FeeId: int,
      FeeAmt: decimal,
      FeeCalcType: apexEnum,
      IsActive: z.boolean(),
      ProductId: int,
    }),
  );

  /** GetWithdrawTemplate body. `AccountId` and `AccountProviderId` are optional. */
  const withdrawTemplateBody = z.strictObject({
    OMSId: int,
    ProductId: int,
    TemplateType: z.string(),
    AccountId: int.optional(),
    AccountProviderId: int.optional(),
  });

  /** GetWithdrawTemplate: the template's fields, a JSON string in slate, an object in Kiiex. */
  const withdrawTemplate = answer({
    Template: z.union([z.string(), providerObject]),
    ...assetManagerEnvelope,
  });

  /**
   * GetWithdrawTemplateTypes. The docs list template names (`["Standard"]`); NDAX answers with objects naming the
   * template and its account provider (ccxt's `withdraw` sample): both are accepted.
   */
  const withdrawTemplateTypes = answer({
    TemplateTypes: z.array(
      z.union([
        z.string(),
        answer({
          AccountProviderId: z.union([int, z.string()]),
          TemplateName: z.string(),
          AccountProviderName: z.string(),
        }),
      ]),
    ),
    AccountProviderName: z.string().optional(),
    ...assetManagerEnvelope,
  });
  return {
    withdrawTicketRequest,
    withdrawTicketWithCode,
    createWithdrawTicketBody,
    cancelWithdrawBody,
    withdrawTicket,
    withdrawTicketBody,
    withdrawTicketsBody,
    withdrawTickets,
    withdraws,
    withdrawFeeBody,
    withdrawFee,
    productBody,
    omsWithdrawFees,
    withdrawTemplateBody,
    withdrawTemplate,
    withdrawTemplateTypes,
  };
});
