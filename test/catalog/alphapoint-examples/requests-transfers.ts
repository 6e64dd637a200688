import { type Examples, SLATE } from './examples.js';

/** The documented requests of the transfers calls. */
export const requestsTransfers: Examples = {
  TransferFunds: [
    {
      source: `${SLATE}/products/_api_prods_system_transferfunds.md`,
      value: {
        OMSId: 1,
        SenderAccountId: 1,
        ProductId: 1,
        Amount: 100,
        Notes: 'User-entered notes.',
        ReceiverUserName: 'UserName1',
      },
    },
  ],
  RequestTransferFunds: [
    {
      source: `${SLATE}/products/_api_prods_system_requesttransferfunds.md`,
      value: {
        OMSId: 1,
        ProductId: 1,
        Amount: 1,
        Notes: '',
        ReceiverUserName: '',
      },
    },
  ],
  ConfirmRequestTransferFunds: [
    {
      source: `${SLATE}/products/_api_prods_system_confirmrequesttransferfunds.md`,
      value: {
        OMSId: 1,
        RequestCode: '',
        OperatorId: '1',
      },
    },
  ],
  RejectRequestTransferFunds: [
    {
      source: `${SLATE}/products/_api_prods_system_rejectrequesttransferfunds.md`,
      value: {
        OMSId: 1,
        OperatorId: 1,
        RequestCode: '',
      },
    },
  ],
  CancelTransferFunds: [
    {
      source: `${SLATE}/products/_api_prods_system_canceltransferfunds.md`,
      value: {
        OMSId: 1,
        AccountId: 1,
        TransferId: 1,
      },
    },
  ],
  GetTransfers: [
    {
      source: `${SLATE}/products/_api_prods_system_gettransfers.md`,
      value: {
        OMSId: 1,
        AccountId: 1,
      },
    },
  ],
  GetTransfersReceived: [
    {
      source: `${SLATE}/products/_api_prods_system_gettransfersreceived.md`,
      value: {
        OMSId: 1,
        AccountId: 1,
      },
    },
  ],
  GetTransfer: [
    {
      source: `${SLATE}/products/_api_prods_system_gettransfer.md`,
      value: {
        OMSId: 1,
        AccountId: 1,
        TransferId: 1,
      },
    },
  ],
  GetRequestTransfer: [
    {
      source: `${SLATE}/products/_api_prods_system_getrequesttransfer.md`,
      // field names in the wire's PascalCase.
      value: {
        OMSId: 0,
        OperatorId: 0,
        RequestCode: null,
        RequestId: null,
        PayerUsername: null,
        PayerAccountId: null,
        RequestorUsername: null,
        RequestorAccountId: null,
        ProductId: null,
        Amount: null,
        AmountOperator: null,
        Status: null,
        StartTimeStamp: null,
        EndTimeStamp: null,
      },
    },
  ],
};
