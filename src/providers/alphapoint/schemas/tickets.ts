import { z } from 'zod';
import { answer, apexEnum, assetManagerEnvelope, dateTime, decimal, int, text } from './common.js';

// Deposit and withdrawal tickets: slate `tickets/_api_tix_*.md`; Kiiex CreateDepositTicket.yaml,
// CreateWithdrawTicket.yaml, CancelWithdraw.yaml, GetDeposit*.yaml, GetAllDepositRequestInfoTemplates.yaml,
// GetWithdraw*.yaml, GetOMSWithdrawFees.yaml, Submit*TicketComment.yaml, GetAccount*Transactions.yaml.

/** A JSON object whose keys vary by account provider (templates, deposit information). */
const providerObject = z.record(z.string(), z.unknown());

/**
 * A field slate prints as a JSON string (`"TemplateForm": "{...}"`, `"Comments": "[...]"`) and Kiiex as the
 * object or array itself.
 */
const jsonText = z.union([z.string(), providerObject, z.array(z.unknown())]);

// ---- deposits ----

/**
 * CreateDepositTicket body (fiat deposits). The docs print the whole ticket; Kiiex requires the asset manager,
 * account, asset, asset name, amount and OMS, the rest are filled in by the system.
 */
export const createDepositTicketBody = z.strictObject({
  AssetManagerId: int,
  AccountId: int,
  AssetId: int,
  AssetName: text,
  Amount: decimal,
  OMSId: int,
  RequestCode: text.optional(),
  RequestIP: text.optional(),
  RequestUserName: text.optional(),
  OperatorId: int.optional(),
  Status: int.optional(),
  FeeAmt: decimal.optional(),
  UpdatedByUser: int.optional(),
  UpdatedByUserName: text.optional(),
  TicketNumber: int.optional(),
  DepositInfo: z.union([z.string(), providerObject]).optional(),
  CreatedTimestamp: dateTime.optional(),
  LastUpdateTimeStamp: dateTime.optional(),
  Comments: text.optional(),
  Attachments: text.optional(),
});

/** CreateDepositTicket: `requestcode` is the ticket's GUID. */
export const createdDepositTicket = answer({ success: z.boolean(), requestcode: z.string() });

/** A deposit ticket (GetDepositTicket, GetDepositTickets). `Status` is a number in the docs, a name on the wire. */
export const depositTicket = answer({
  AssetManagerId: int,
  AccountId: int,
  AssetId: int,
  AssetName: text,
  Amount: decimal,
  OMSId: int,
  RequestCode: text,
  RequestIP: text,
  RequestUser: int,
  RequestUserName: text,
  OperatorId: int,
  Status: apexEnum,
  FeeAmt: decimal,
  UpdatedByUser: int,
  UpdatedByUserName: text,
  TicketNumber: int,
  DepositInfo: jsonText.nullable(),
  CreatedTimestamp: dateTime,
  LastUpdateTimeStamp: dateTime,
  Comments: jsonText.nullable(),
  Attachments: jsonText.nullable(),
});

/** GetDepositTicket body: the ticket by request code or ticket id. */
export const depositTicketBody = z.strictObject({
  OMSId: int,
  AccountId: int,
  RequestCode: z.string().optional(),
  TicketId: int.optional(),
});

/** GetDepositTickets body. `OperatorId`: "a user with Trading permission should put the value 1 here". */
export const depositTicketsBody = z.strictObject({ OMSId: int, OperatorId: int, AccountId: int });

/** GetDepositTickets. */
export const depositTickets = z.array(depositTicket);

/** GetDeposits. */
export const deposits = z.array(
  answer({
    OMSId: int,
    DepositId: int,
    AccountId: int,
    SubAccountId: int,
    ProductId: int,
    Amount: decimal,
  }),
);

/** GetDepositInfo body. `DepositInfo` is listed by Kiiex only. */
export const depositInfoBody = z.strictObject({
  OMSId: int,
  AccountId: int,
  ProductId: int,
  GenerateNewKey: z.boolean(),
  DepositInfo: z.string().optional(),
});

/**
 * GetDepositInfo: the crypto deposit addresses. `DepositInfo` is an array in the docs; NDAX sends it as a JSON
 * string (`"[\"0x8A27...\"]"`, ccxt's sample): both are accepted.
 */
export const depositInfo = answer({
  AssetManagerId: int,
  AccountId: int,
  AssetId: int,
  ProviderId: int,
  DepositInfo: z.union([z.array(z.unknown()), z.string()]),
  ...assetManagerEnvelope,
});

/** GetAllDepositRequestInfoTemplates body. */
export const depositTemplatesBody = z.strictObject({ OMSId: int, ProductId: int });

/** GetDepositRequestInfoTemplate body. */
export const depositTemplateBody = z.strictObject({
  OMSId: int,
  ProductId: int,
  AccountId: int,
  TemplateType: z.string(),
});

/** A deposit form template. Its own `Template` is a JSON string in slate and an object in Kiiex. */
export const depositTemplate = answer({
  Template: answer({
    ProviderType: z.string(),
    Template: z.union([z.string(), providerObject]),
    ProcessInfo: z.string(),
    UseGetDepositWorkflow: z.boolean(),
    DepositWorkflow: z.string(),
  }),
  ...assetManagerEnvelope,
});

/** GetAllDepositRequestInfoTemplates. */
export const depositTemplates = z.array(depositTemplate);

// ---- withdrawals ----

/**
 * CreateWithdrawTicket body, as the docs give it. `TemplateForm` holds the account provider's fields
 * (`{"TemplateType": "ToExternalBitCoinAddress", "Comment": "", "ExternalAddress": "..."}`; GetWithdrawTemplateTypes
 * and GetWithdrawTemplate say which): an object in the docs, a JSON string in ccxt's NDAX client; both are taken.
 */
export const withdrawTicketRequest = z.strictObject({
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
export const withdrawTicketWithCode = z.strictObject({
  TfaType: z.string(),
  TFaCode: z.string(),
  Payload: z.string(),
});

/** CreateWithdrawTicket body: the documented request, or the NDAX form carrying a second factor. */
export const createWithdrawTicketBody = z.union([withdrawTicketRequest, withdrawTicketWithCode]);

/** CancelWithdraw body: the withdrawal's request code. */
export const cancelWithdrawBody = z.strictObject({
  OMSId: int,
  UserId: int,
  AccountId: int,
  RequestCode: z.string(),
});

/**
 * A withdraw ticket (GetWithdrawTicket, GetWithdrawTickets). `TemplateForm`, `Comments`, `Attachments` and
 * `AuditLog` are JSON strings in slate and parsed in Kiiex; `Status` is a number in the docs, a name on the wire.
 */
export const withdrawTicket = answer({
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
export const withdrawTicketBody = z.strictObject({
  OMSId: int,
  AccountId: int,
  RequestCode: z.string(),
  TicketId: int.optional(),
});

/** GetWithdrawTickets body. `StartIndex` (the oldest ticket is 0) and `Limit` are optional. */
export const withdrawTicketsBody = z.strictObject({
  OMSId: int,
  AccountId: int,
  StartIndex: int.optional(),
  Limit: int.optional(),
});

/** GetWithdrawTickets. */
export const withdrawTickets = z.array(withdrawTicket);

/** GetWithdraws. */
export const withdraws = z.array(
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
export const withdrawFeeBody = z.strictObject({
  OMSId: int,
  AccountId: int,
  ProductId: int,
  Amount: decimal,
  AccountProviderId: int.optional(),
});

/** GetWithdrawFee. `TicketAmount` is printed by Kiiex only. */
export const withdrawFee = answer({ FeeAmount: decimal, TicketAmount: decimal.optional() });

/** GetOMSWithdrawFees body, GetWithdrawTemplateTypes body. */
export const productBody = z.strictObject({ OMSId: int, ProductId: int });

/** GetOMSWithdrawFees: the withdrawal fees of a product. */
export const omsWithdrawFees = z.array(
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
export const withdrawTemplateBody = z.strictObject({
  OMSId: int,
  ProductId: int,
  TemplateType: z.string(),
  AccountId: int.optional(),
  AccountProviderId: int.optional(),
});

/** GetWithdrawTemplate: the template's fields, a JSON string in slate, an object in Kiiex. */
export const withdrawTemplate = answer({
  Template: z.union([z.string(), providerObject]),
  ...assetManagerEnvelope,
});

/**
 * GetWithdrawTemplateTypes. The docs list template names (`["Standard"]`); NDAX answers with objects naming the
 * template and its account provider (ccxt's `withdraw` sample): both are accepted.
 */
export const withdrawTemplateTypes = answer({
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

// ---- comments and attachments (both kinds of ticket) ----

/** SubmitDepositTicketComment and SubmitWithdrawTicketComment body. `CommentId` is 0 in a request. */
export const ticketCommentBody = z.strictObject({
  CommentId: int.optional(),
  EnteredBy: int,
  EnteredDateTime: dateTime,
  Comment: z.string(),
  OperatorId: int,
  OMSId: int,
  TicketCode: z.string(),
  TicketId: int,
});

/** Submit~TicketComment: `commentid` is the new comment's id. */
export const submittedComment = answer({ success: z.boolean(), commentid: int });

/** AddDepositTicketAttachment and AddWithdrawTicketAttachment body. `AttachmentId` is 0 in a request. */
export const ticketAttachmentBody = z.strictObject({
  Base64Attachment: z.string(),
  AttachmentId: int,
  SubmittedByUserId: int,
  SubmittedByUserName: z.string(),
  UploadDate: dateTime,
  UploadIP: z.string(),
  TicketNumber: int,
  Description: z.string(),
});

/** Add~TicketAttachment: `attachmentid` is the new attachment's id. */
export const addedAttachment = answer({ success: z.boolean(), attachmentid: int });

/** GetDepositTicketAttachment and GetWithdrawTicketAttachment body. */
export const attachmentBody = z.strictObject({ AttachmentId: int });

/** A ticket attachment. */
export const ticketAttachment = answer({
  Base64Attachment: text,
  AttachmentId: int,
  SubmittedByUserId: int,
  SubmittedByUserName: text,
  UploadDate: dateTime,
  UploadIP: text,
  TicketNumber: int,
  Description: text,
});
