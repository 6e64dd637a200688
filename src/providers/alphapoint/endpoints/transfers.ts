import { buildOnce } from '../../../core/build-once.js';
import type { EndpointDefinition } from '../../../core/catalog.js';
import { commonSchemas } from '../schemas/common.js';
import { transfersSchemas } from '../schemas/transfers.js';

/** The endpoints, built on first use. */
export const transfersEndpoints = buildOnce(() => {
  const common = commonSchemas();
  const transfers = transfersSchemas();
  /** Transfers between users of the exchange. */
  const transfersEndpoints = {
    TransferFunds: {
      method: 'POST',
      path: '/TransferFunds',
      permission: 'withdraw',
      permissionDocumented: false,
      idempotent: false,
      summary: 'Sends funds to the default account of another user of the exchange.',
      request: { body: transfers.transferFundsBody },
      response: common.standardResponse,
    },
    RequestTransferFunds: {
      method: 'POST',
      path: '/RequestTransferFunds',
      permission: 'read',
      permissionDocumented: false,
      idempotent: false,
      summary: 'Asks another user of the exchange for funds.',
      request: { body: transfers.requestTransferFundsBody },
      response: transfers.transferRequestAnswer,
    },
    ConfirmRequestTransferFunds: {
      method: 'POST',
      path: '/ConfirmRequestTransferFunds',
      permission: 'withdraw',
      permissionDocumented: false,
      idempotent: false,
      summary: 'Pays a transfer request made of you.',
      request: { body: transfers.transferRequestDecisionBody },
      response: transfers.transferRequestAnswer,
    },
    RejectRequestTransferFunds: {
      method: 'POST',
      path: '/RejectRequestTransferFunds',
      permission: 'read',
      permissionDocumented: false,
      idempotent: true,
      summary: 'Refuses a transfer request made of you.',
      request: { body: transfers.transferRequestDecisionBody },
      response: transfers.transferRequestAnswer,
    },
    CancelTransferFunds: {
      method: 'POST',
      path: '/CancelTransferFunds',
      permission: 'read',
      permissionDocumented: false,
      idempotent: true,
      summary: 'Cancels a transfer you made.',
      request: { body: transfers.transferBody },
      response: common.standardResponse,
    },
    GetTransfers: {
      method: 'POST',
      path: '/GetTransfers',
      permission: 'read',
      permissionDocumented: false,
      idempotent: true,
      summary: 'Lists the transfers an account sent.',
      request: { body: common.accountBody },
      response: transfers.transfers,
    },
    GetTransfersReceived: {
      method: 'POST',
      path: '/GetTransfersReceived',
      permission: 'read',
      permissionDocumented: false,
      idempotent: true,
      summary: 'Lists the transfers an account received.',
      request: { body: common.accountBody },
      response: transfers.transfers,
    },
    GetTransfer: {
      method: 'POST',
      path: '/GetTransfer',
      permission: 'read',
      permissionDocumented: false,
      idempotent: true,
      summary: 'Returns one transfer.',
      request: { body: transfers.transferBody },
      response: transfers.transfer,
    },
    GetRequestTransfer: {
      method: 'POST',
      path: '/GetRequestTransfer',
      permission: 'read',
      permissionDocumented: false,
      idempotent: true,
      summary: 'Returns a pending transfer request.',
      request: { body: transfers.requestTransferBody },
      response: transfers.requestTransfer,
    },
  } as const satisfies Record<string, EndpointDefinition>;
  return transfersEndpoints;
});
