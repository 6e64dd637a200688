import { type Examples, SLATE } from './examples.js';

/** The documented answers of the transfers calls. */
export const answersTransfers: Examples = {
  TransferFunds: [
    {
      source: `${SLATE}/products/_api_prods_system_transferfunds.md`,
      value: {
        result: true,
        errormsg: '',
        errorcode: 0,
        detail: '{"TransferId": 1}',
      },
    },
  ],
  RequestTransferFunds: [
    {
      source: `${SLATE}/products/_api_prods_system_requesttransferfunds.md`,
      value: {
        result: true,
        requestcode: '',
      },
    },
  ],
  ConfirmRequestTransferFunds: [
    {
      source: `${SLATE}/products/_api_prods_system_confirmrequesttransferfunds.md`,
      value: {
        result: true,
        requestcode: '',
      },
    },
  ],
  RejectRequestTransferFunds: [
    {
      source: `${SLATE}/products/_api_prods_system_rejectrequesttransferfunds.md`,
      value: {
        result: true,
        requestcode: '',
      },
    },
  ],
  CancelTransferFunds: [
    {
      source: `${SLATE}/products/_api_prods_system_canceltransferfunds.md`,
      value: {
        result: true,
        errormsg: '',
        errorcode: 0,
        detail: '',
      },
    },
  ],
  GetTransfers: [
    {
      source: `${SLATE}/products/_api_prods_system_gettransfers.md`,
      value: [
        {
          transferId: 0,
          senderAccountId: 0,
          senderUserName: null,
          receiverAccountId: 0,
          receiverUserName: null,
          productId: 0,
          amount: 0.0,
          notes: null,
          omsId: 0,
        },
      ],
    },
  ],
  GetTransfersReceived: [
    {
      source: `${SLATE}/products/_api_prods_system_gettransfersreceived.md`,
      value: [
        {
          transferId: 0,
          senderAccountId: 0,
          senderUserName: null,
          receiverAccountId: 0,
          receiverUserName: null,
          productId: 0,
          amount: 0.0,
          notes: null,
          omsId: 0,
        },
      ],
    },
  ],
  GetTransfer: [
    {
      source: `${SLATE}/products/_api_prods_system_gettransfer.md`,
      value: {
        transferId: 0,
        senderAccountId: 0,
        senderUserName: null,
        receiverAccountId: 0,
        receiverUserName: null,
        productId: 0,
        amount: 0.0,
        notes: null,
        omsId: 0,
      },
    },
  ],
  GetRequestTransfer: [
    {
      source: `${SLATE}/products/_api_prods_system_getrequesttransfer.md`,
      value: {
        omsId: 0,
        operatorId: 0,
        requestId: 0,
        requestCode: '',
        payerUsername: '',
        payerAccountId: 0,
        requestorUsername: '',
        requestorAccountId: 0,
        productId: 0,
        productName: '',
        amount: 0,
        notes: '',
        createdTimestamp: '0001-01-01T00:00:00',
        lastUpdateTimestamp: '0001-01-01T00:00:00',
      },
    },
  ],
};
