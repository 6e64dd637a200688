import { z } from 'zod';
import { buildOnce } from '../../../core/build-once.js';
import { commonSchemas } from './common.js';

/** This module's schemas, built on first use: building every catalog's schemas at import made loading slow. */
export const transfersSchemas = buildOnce(() => {
  const { answer, dateTime, decimal, int, text } = commonSchemas();
  // Transfers between users of the same exchange: slate `products/_api_prods_system_transferfunds.md`,
  // `..._requesttransferfunds.md`, `..._confirmrequesttransferfunds.md`, `..._rejectrequesttransferfunds.md`,
  // `..._canceltransferfunds.md`, `..._gettransfers.md`, `..._gettransfersreceived.md`, `..._gettransfer.md`,
  // `..._getrequesttransfer.md` (Kiiex publishes none of them).

  /** TransferFunds body: from one of your accounts to the default account of `ReceiverUserName`. */
  const transferFundsBody = z.strictObject({
    OMSId: int,
    SenderAccountId: int,
    ProductId: int,
    Amount: decimal,
    Notes: z.string().optional(),
    ReceiverUserName: z.string(),
  });

  /** RequestTransferFunds body: asks `ReceiverUserName` for funds. */
  const requestTransferFundsBody = z.strictObject({
    OMSId: int,
    ProductId: int,
    Amount: decimal,
    Notes: z.string().optional(),
    ReceiverUserName: z.string(),
  });

  /** RequestTransferFunds, ConfirmRequestTransferFunds, RejectRequestTransferFunds: `requestcode` is the GUID. */
  const transferRequestAnswer = answer({ result: z.boolean(), requestcode: z.string() });

  /**
   * ConfirmRequestTransferFunds and RejectRequestTransferFunds body. `OperatorId`: 1 for a user with Trading
   * permission; slate's confirm example prints it as the string `"1"`, its table as an integer: both are taken.
   */
  const transferRequestDecisionBody = z.strictObject({
    OMSId: int,
    RequestCode: z.string(),
    OperatorId: z.union([int, z.string()]),
  });

  /** CancelTransferFunds and GetTransfer body. */
  const transferBody = z.strictObject({ OMSId: int, AccountId: int, TransferId: int });

  /** A transfer (GetTransfers, GetTransfersReceived, GetTransfer). */
  const transfer = answer({
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
  const transfers = z.array(transfer);

  const filter = z.string().nullable().optional();

  /** GetRequestTransfer body: `OMSId` and `OperatorId` (1 for a trading user) are required, the filters are strings. */
  const requestTransferBody = z.strictObject({
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
  const requestTransfer = answer({
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
  return {
    transferFundsBody,
    requestTransferFundsBody,
    transferRequestAnswer,
    transferRequestDecisionBody,
    transferBody,
    transfer,
    transfers,
    requestTransferBody,
    requestTransfer,
  };
});
