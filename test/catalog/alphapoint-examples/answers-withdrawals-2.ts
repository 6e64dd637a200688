import { type Examples, KIIEX, SLATE } from './examples.js';

/** The documented answers of the withdrawals calls (part 2 of 2). */
export const answersWithdrawals2: Examples = {
  GetWithdrawTemplate: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getwithdrawtemplate.md`,
      value: {
        Template: '',
        result: true,
        errormsg: '',
        statuscode: 0,
      },
    },
    {
      source: `${KIIEX}/GetWithdrawTemplate.yaml`,
      value: {
        Template: {},
        result: true,
        errormsg: '',
        statuscode: 0,
      },
    },
  ],
  GetWithdrawTemplateTypes: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getwithdrawtemplatetypes.md`,
      value: {
        TemplateTypes: ['Standard'],
        AccountProviderName: '',
        result: false,
        errormsg: '',
        statuscode: 0,
      },
    },
    {
      source: `${KIIEX}/GetWithdrawTemplateTypes.yaml`,
      value: {
        TemplateTypes: ['Standard'],
        AccountProviderName: '',
        result: true,
        errormsg: '',
        statuscode: 0,
      },
    },
  ],
  GetAccountWithdrawTransactions: [
    {
      source: `${SLATE}/tickets/_api_tix_user_getaccountwithdrawtransactions.md`,
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
      source: `${KIIEX}/GetAccountWithdrawTransactions.yaml`,
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
  SubmitWithdrawTicketComment: [
    {
      source: `${SLATE}/tickets/_api_tix_system_submitwithdrawticketcomment.md`,
      value: {
        success: true,
        commentid: 10000002,
      },
    },
    {
      source: `${KIIEX}/SubmitWithdrawTicketComment.yaml`,
      value: {
        success: true,
        commentid: 10000002,
      },
    },
  ],
  AddWithdrawTicketAttachment: [
    {
      source: `${SLATE}/tickets/_api_tix_system_addwithdrawticketattachment.md`,
      value: {
        success: true,
        attachmentid: 100000002,
      },
    },
  ],
  GetWithdrawTicketAttachment: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getwithdrawticketattachment.md`,
      value: {
        base64Attachment: '',
        attachmentId: 0,
        submittedByUserId: 0,
        submittedByUserName: '',
        uploadDate: '0001-01-01T00:00:00',
        uploadIP: '',
        ticketNumber: 0,
        description: '',
      },
    },
  ],
};
