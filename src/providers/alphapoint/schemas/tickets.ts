import { z } from 'zod';
import { buildOnce } from '../../../core/build-once.js';
import { commonSchemas } from './common.js';
import { withdrawTicketsSchemas } from './withdraw-tickets.js';

/** This module's schemas, built on first use: building every catalog's schemas at import made loading slow. */
export const ticketsSchemas = buildOnce(() => {
  const {
    answer,
    apexEnum,
    assetManagerEnvelope,
    dateTime,
    decimal,
    int,
    jsonText,
    orJsonText,
    providerObject,
    text,
  } = commonSchemas();
  // Deposit and withdrawal tickets: slate `tickets/_api_tix_*.md`; Kiiex CreateDepositTicket.yaml,
  // CreateWithdrawTicket.yaml, CancelWithdraw.yaml, GetDeposit*.yaml, GetAllDepositRequestInfoTemplates.yaml,
  // GetWithdraw*.yaml, GetOMSWithdrawFees.yaml, Submit*TicketComment.yaml, GetAccount*Transactions.yaml.

  // ---- deposits ----

  /**
   * CreateDepositTicket body (fiat deposits). The docs print the whole ticket; Kiiex requires the asset manager,
   * account, asset, asset name, amount and OMS, the rest are filled in by the system.
   */
  const createDepositTicketBody = z.strictObject({
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
  const createdDepositTicket = answer({ success: z.boolean(), requestcode: z.string() });

  /** A deposit ticket (GetDepositTicket, GetDepositTickets). `Status` is a number in the docs, a name on the wire. */
  const depositTicket = answer({
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
  const depositTicketBody = z.strictObject({
    OMSId: int,
    AccountId: int,
    RequestCode: z.string().optional(),
    TicketId: int.optional(),
  });

  /** GetDepositTickets body. `OperatorId`: "a user with Trading permission should put the value 1 here". */
  const depositTicketsBody = z.strictObject({ OMSId: int, OperatorId: int, AccountId: int });

  /** GetDepositTickets. */
  const depositTickets = z.array(depositTicket);

  /** GetDeposits: the list, which NDAX sends JSON-encoded in a string. */
  const deposits = orJsonText(
    z.array(
      answer({
        OMSId: int,
        DepositId: int,
        AccountId: int,
        SubAccountId: int,
        ProductId: int,
        Amount: decimal,
      }),
    ),
  );

  /** GetDepositInfo body. `DepositInfo` is listed by Kiiex only. */
  const depositInfoBody = z.strictObject({
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
  const depositInfo = answer({
    AssetManagerId: int,
    AccountId: int,
    AssetId: int,
    ProviderId: int,
    DepositInfo: z.union([z.array(z.unknown()), z.string()]),
    ...assetManagerEnvelope,
  });

  /** GetAllDepositRequestInfoTemplates body. */
  const depositTemplatesBody = z.strictObject({ OMSId: int, ProductId: int });

  /** GetDepositRequestInfoTemplate body. */
  const depositTemplateBody = z.strictObject({
    OMSId: int,
    ProductId: int,
    AccountId: int,
    TemplateType: z.string(),
  });

  /** A deposit form template. Its own `Template` is a JSON string in slate and an object in Kiiex. */
  const depositTemplate = answer({
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
  const depositTemplates = z.array(depositTemplate);

  // ---- comments and attachments (both kinds of ticket) ----

  /** SubmitDepositTicketComment and SubmitWithdrawTicketComment body. `CommentId` is 0 in a request. */
  const ticketCommentBody = z.strictObject({
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
  const submittedComment = answer({ success: z.boolean(), commentid: int });

  /** AddDepositTicketAttachment and AddWithdrawTicketAttachment body. `AttachmentId` is 0 in a request. */
  const ticketAttachmentBody = z.strictObject({
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
  const addedAttachment = answer({ success: z.boolean(), attachmentid: int });

  /** GetDepositTicketAttachment and GetWithdrawTicketAttachment body. */
  const attachmentBody = z.strictObject({ AttachmentId: int });

  /** A ticket attachment. */
  const ticketAttachment = answer({
    Base64Attachment: text,
    AttachmentId: int,
    SubmittedByUserId: int,
    SubmittedByUserName: text,
    UploadDate: dateTime,
    UploadIP: text,
    TicketNumber: int,
    Description: text,
  });
  return {
    ...withdrawTicketsSchemas(),
    createDepositTicketBody,
    createdDepositTicket,
    depositTicket,
    depositTicketBody,
    depositTicketsBody,
    depositTickets,
    deposits,
    depositInfoBody,
    depositInfo,
    depositTemplatesBody,
    depositTemplateBody,
    depositTemplate,
    depositTemplates,
    ticketCommentBody,
    submittedComment,
    ticketAttachmentBody,
    addedAttachment,
    attachmentBody,
    ticketAttachment,
  };
});
