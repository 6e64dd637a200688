import { z } from 'zod';
import { answer, dateTime, decimal, int, text } from './common.js';

// Transfers between users of the same exchange: slate `products/_api_prods_system_transferfunds.md`,
// `..._requesttransferfunds.md`, `..._confirmrequesttransferfunds.md`, `..._rejectrequesttransferfunds.md`,
// `..._canceltransferfunds.md`, `..._gettransfers.md`, `..._gettransfersreceived.md`, `..._gettransfer.md`,
// `..._getrequesttransfer.md` (Kiiex publishes none of them).

/** TransferFunds body: from one of your accounts to the default account of `ReceiverUserName`. */
export const transferFundsBody = z.strictObject({
  OMSId: int,
  SenderAccountId: int,
  ProductId: int,
  Amount: decimal,
  Notes: z.string().optional(),
  ReceiverUserName: z.string(),
});

/** RequestTransferFunds body: asks `ReceiverUserName` for funds. */
export const requestTransferFundsBody = z.strictObject({
  OMSId: int,
  ProductId: int,
  Amount: decimal,
  Notes: z.string().optional(),
  ReceiverUserName: z.string(),
});

/** RequestTransferFunds, ConfirmRequestTransferFunds, RejectRequestTransferFunds: `requestcode` is the GUID. */
export const transferRequestAnswer = answer({ result: z.boolean(), requestcode: z.string() });

/**
 * ConfirmRequestTransferFunds and RejectRequestTransferFunds body. `OperatorId`: 1 for a user with Trading
 * permission; slate's confirm example prints it as the string `"1"`, its table as an integer: both are taken.
 */
export const transferRequestDecisionBody = z.strictObject({
  OMSId: int,
  RequestCode: z.string(),
  OperatorId: z.union([int, z.string()]),
});

/** CancelTransferFunds and GetTransfer body. */
export const transferBody = z.strictObject({ OMSId: int, AccountId: int, TransferId: int });

/** A transfer (GetTransfers, GetTransfersReceived, GetTransfer). */
export const transfer = answer({
  TransferId: int,
  SenderAccountId: int,
  SenderUserName: text,
  ReceiverAccountId: int,
  ReceiverUserName: text,
  ProductId: int,
  Amount: decimal,
  Notes: text,
  OMSId: int,
});

/** GetTransfers, GetTransfersReceived. */
export const transfers = z.array(transfer);

const filter = z.string().nullable().optional();

/** GetRequestTransfer body: `OMSId` and `OperatorId` (1 for a trading user) are required, the filters are strings. */
export const requestTransferBody = z.strictObject({
  OMSId: int,
  OperatorId: int,
  RequestCode: filter,
  RequestId: filter,
  PayerUsername: filter,
  PayerAccountId: filter,
  RequestorUsername: filter,
  RequestorAccountId: filter,
  ProductId: filter,
  Amount: filter,
  AmountOperator: filter,
  Status: filter,
  StartTimeStamp: filter,
  EndTimeStamp: filter,
});

/** GetRequestTransfer: a pending request. The payer is the one whose funds would move. */
export const requestTransfer = answer({
  OMSId: int,
  OperatorId: int,
  RequestId: int,
  RequestCode: z.string(),
  PayerUsername: text,
  PayerAccountId: int,
  RequestorUsername: text,
  RequestorAccountId: int,
  ProductId: int,
  ProductName: text,
  Amount: decimal,
  Notes: text,
  CreatedTimestamp: dateTime,
  LastUpdateTimestamp: dateTime,
});
