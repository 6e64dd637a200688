import { type Examples, KIIEX, SLATE } from './examples.js';

/** The documented answers of the deposits calls. */
export const answersDeposits: Examples = {
  CreateDepositTicket: [
    {
      source: `${SLATE}/tickets/_api_tix_system_createdepositticket.md`,
      value: {
        success: true,
        requestcode: '866f21fe-3461-41d1-91aa-5689bc38503f',
      },
    },
    {
      source: `${KIIEX}/CreateDepositTicket.yaml`,
      value: {
        success: true,
        requestcode: '866f21fe-3461-41d1-91aa-5689bc38503f',
      },
    },
  ],
  GetDepositTicket: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getdepositticket.md`,
      value: {
        assetManagerId: 0,
        accountId: 0,
        assetId: 0,
        assetName: null,
        amount: 0.0,
        omsId: 0,
        requestCode: null,
        requestIP: null,
        requestUser: 0,
        requestUserName: null,
        operatorId: 0,
        Status: 0,
        feeAmt: 0.0,
        updatedByUser: 0,
        updatedByUserName: null,
        ticketNumber: 0,
        depositInfo: null,
        createdTimestamp: '0001-01-01T00:00:00',
        lastUpdateTimeStamp: '0001-01-01T00:00:00',
        comments: null,
        attachments: null,
      },
    },
    {
      source: `${KIIEX}/GetDepositTicket.yaml`,
      value: {
        assetManagerId: 0,
        accountId: 0,
        assetId: 0,
        assetName: null,
        amount: 0.0,
        omsId: 0,
        requestCode: null,
        requestIP: null,
        requestUser: 0,
        requestUserName: null,
        operatorId: 0,
        status: 0,
        feeAmt: 0.0,
        updatedByUser: 0,
        updatedByUserName: null,
        ticketNumber: 0,
        depositInfo: null,
        createdTimestamp: '0001-01-01T00:00:00',
        lastUpdateTimeStamp: '0001-01-01T00:00:00',
        comments: null,
        attachments: null,
      },
    },
  ],
  GetDepositTickets: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getdeposittickets.md`,
      value: [
        {
          assetManagerId: 0,
          accountId: 0,
          assetId: 0,
          assetName: null,
          amount: 0.0,
          omsId: 0,
          requestCode: '',
          requestIP: '',
          requestUser: 0,
          requestUserName: '',
          operatorId: 0,
          Status: 0,
          feeAmt: 0.0,
          updatedByUser: 0,
          updatedByUserName: '',
          ticketNumber: 0,
          depositInfo: null,
          createdTimestamp: '0001-01-01T00:00:00',
          lastUpdateTimeStamp: '0001-01-01T00:00:00',
          comments: null,
          attachments: null,
        },
      ],
    },
  ],
  GetDeposits: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getdeposits.md`,
      value: [
        {
          omsId: 0,
          depositId: 0,
          accountId: 0,
          subAccountId: 0,
          productId: 0,
          amount: 0.0,
        },
      ],
    },
    {
      source: `${KIIEX}/GetDeposits.yaml`,
      value: [
        {
          omsId: 0,
          depositId: 0,
          accountId: 0,
          subAccountId: 0,
          productId: 0,
          amount: 0.0,
        },
      ],
    },
  ],
  GetDepositInfo: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getdepositinfo.md`,
      value: {
        AssetManagerId: 1,
        ACcountId: 1,
        AssetId: 1,
        ProviderId: 1,
        DepositInfo: [],
        result: true,
        errormsg: null,
        statuscode: 0,
      },
    },
    {
      source: `${KIIEX}/GetDepositInfo.yaml`,
      value: {
        AssetManagerId: 1,
        AccountId: 1,
        AssetId: 1,
        ProviderId: 1,
        DepositInfo: [],
        result: true,
        errormsg: null,
        statuscode: 0,
      },
    },
  ],
  GetAllDepositRequestInfoTemplates: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getalldepositrequestinfotemplates.md`,
      value: [
        {
          Template: {
            ProviderType: 'BitcoinRpc',
            Template: '{}',
            ProcessInfo: '',
            UseGetDepositWorkflow: true,
            DepositWorkflow: 'CryptoWallet',
          },
          result: true,
          errormsg: null,
          statuscode: 0,
        },
      ],
    },
    {
      source: `${KIIEX}/GetAllDepositRequestInfoTemplates.yaml`,
      value: [
        {
          Template: {
            ProviderType: 'BitcoinRpc',
            Template: {},
            ProcessInfo: '',
            UseGetDepositWorkflow: true,
            DepositWorkflow: 'CryptoWallet',
          },
          result: true,
          errormsg: null,
          statuscode: 0,
        },
      ],
    },
  ],
  GetDepositRequestInfoTemplate: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getdepositrequestinfotemplate.md`,
      value: {
        Template: {
          ProviderType: 'BitcoinRpc',
          Template: '{}',
          ProcessInfo: '',
          UseGetDepositWorkflow: true,
          DepositWorkflow: 'CryptoWallet',
        },
        result: true,
        errormsg: null,
        statuscode: 0,
      },
    },
    {
      source: `${KIIEX}/GetDepositRequestInfoTemplate.yaml`,
      value: {
        Template: {
          ProviderType: 'BitcoinRpc',
          Template: {},
          ProcessInfo: '',
          UseGetDepositWorkflow: true,
          DepositWorkflow: 'CryptoWallet',
        },
        result: true,
        errormsg: null,
        statuscode: 0,
      },
    },
  ],
  GetAccountDepositTransactions: [
    {
      source: `${SLATE}/tickets/_api_tix_user_getaccountdeposittransactions.md`,
      value: [
        {
          transactionId: 0,
          omsId: 0,
          accountId: 0,
          cr: 0.0,
          dr: 0.0,
          counterparty: 0,
          transactionType: 0,
          referenceId: 0,
          referenceType: 0,
          productId: 0,
          balance: 0.0,
          timeStamp: 0,
        },
      ],
    },
    {
      source: `${KIIEX}/GetAccountDepositTransactions.yaml`,
      value: [
        {
          transactionId: 0,
          omsId: 0,
          accountId: 0,
          cr: 0.0,
          dr: 0.0,
          counterparty: 0,
          transactionType: 0,
          referenceId: 0,
          referenceType: 0,
          productId: 0,
          balance: 0.0,
          timeStamp: 0,
        },
      ],
    },
  ],
  SubmitDepositTicketComment: [
    {
      source: `${SLATE}/tickets/_api_tix_system_submitdepositticketcomment.md`,
      value: {
        success: true,
        commentid: 10000002,
      },
    },
    {
      source: `${KIIEX}/SubmitDepositTicketComment.yaml`,
      value: {
        success: true,
        commentid: 10000002,
      },
    },
  ],
  AddDepositTicketAttachment: [
    {
      source: `${SLATE}/tickets/_api_tix_system_adddepositticketattachment.md`,
      value: {
        success: true,
        attachmentid: 100000002,
      },
    },
  ],
  GetDepositTicketAttachment: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getdepositticketattachment.md`,
      value: {
        base64Attachment: null,
        attachmentId: 0,
        submittedByUserId: 0,
        submittedByUserName: null,
        uploadDate: '0001-01-01T00:00:00',
        uploadIP: null,
        ticketNumber: 0,
        description: null,
      },
    },
  ],
};
