import { type Examples, KIIEX, SLATE } from './examples.js';

/** The documented requests of the withdrawals calls. */
export const requestsWithdrawals: Examples = {
  CreateWithdrawTicket: [
    {
      source: `${SLATE}/tickets/_api_tix_system_createwithdrawticket.md`,
      value: {
        OMSId: 1,
        AccountId: 1,
        ProductId: 1,
        Amount: 100,
        TemplateForm: {},
        TemplateType: 'Template Form Type',
      },
    },
    {
      source: `${KIIEX}/CreateWithdrawTicket.yaml`,
      value: {
        OMSId: 1,
        AccountId: 1,
        ProductId: 1,
        Amount: 100,
        TemplateForm: {
          TemplateType: 'ToExternalBitCoinAddress',
          Comment: '',
          ExternalAddress: '54123214',
        },
        TemplateType: 'ToExternalBitCoinAddress',
      },
    },
  ],
  CancelWithdraw: [
    {
      source: `${SLATE}/tickets/_api_tix_system_cancelwithdraw.md`,
      value: {
        OMSId: 1,
        UserId: 1,
        AccountId: 1,
        RequestCode: 'Request Code GUID',
      },
    },
    {
      source: `${KIIEX}/CancelWithdraw.yaml`,
      value: {
        OMSId: 1,
        UserId: 1,
        AccountId: 1,
        RequestCode: 'Request Code GUID',
      },
    },
  ],
  GetWithdrawTicket: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getwithdrawticket.md`,
      value: {
        OMSId: 1,
        AccountId: 1,
        RequestCode: '1d3d01eb-9e7b-47e0-9056-db420bf157ee',
      },
    },
  ],
  GetWithdrawTickets: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getwithdrawtickets.md`,
      value: {
        OMSId: 1,
        AccountId: 1,
        StartIndex: 0,
        Limit: 200,
      },
    },
  ],
  GetWithdraws: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getwithdraws.md`,
      value: {
        OMSId: 1,
        AccountId: 1,
      },
    },
  ],
  GetWithdrawFee: [
    {
      source: `${SLATE}/tickets/_api_tix_user_getwithdrawfee.md`,
      value: {
        OMSId: 1,
        AccountId: 1,
        ProductId: 1,
        Amount: 1,
      },
    },
  ],
  GetOMSWithdrawFees: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getomswithdrawfees.md`,
      value: {
        OMSId: 1,
        ProductId: 1,
      },
    },
  ],
  GetWithdrawTemplate: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getwithdrawtemplate.md`,
      value: {
        OMSId: 1,
        ProductId: 1,
        TemplateType: 'Template Name',
        AccountId: 1,
        AccountProviderId: 1,
      },
    },
  ],
  GetWithdrawTemplateTypes: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getwithdrawtemplatetypes.md`,
      value: {
        OMSId: 1,
        ProductId: 1,
      },
    },
  ],
  GetAccountWithdrawTransactions: [
    {
      source: `${SLATE}/tickets/_api_tix_user_getaccountwithdrawtransactions.md`,
      value: {
        OMSId: 1,
        AccountId: 1,
        Depth: 200,
      },
    },
  ],
  SubmitWithdrawTicketComment: [
    {
      source: `${SLATE}/tickets/_api_tix_system_submitwithdrawticketcomment.md`,
      // field names in the wire's PascalCase.
      value: {
        CommentId: 0,
        EnteredBy: 0,
        EnteredDateTime: '0001-01-01T00:00:00',
        Comment: '',
        OperatorId: 0,
        OMSId: 0,
        TicketCode: '43d1a9f0-8dc3-46f9-b457-297c800d8c9c',
        TicketId: 0,
      },
    },
    {
      source: `${KIIEX}/SubmitWithdrawTicketComment.yaml`,
      // field names in the wire's PascalCase.
      value: {
        CommentId: 0,
        EnteredBy: 0,
        EnteredDateTime: '0001-01-01T00:00:00',
        Comment: '',
        OperatorId: 0,
        OMSId: 0,
        TicketCode: '43d1a9f0-8dc3-46f9-b457-297c800d8c9c',
        TicketId: 0,
      },
    },
  ],
  AddWithdrawTicketAttachment: [
    {
      source: `${SLATE}/tickets/_api_tix_system_addwithdrawticketattachment.md`,
      // field names in the wire's PascalCase.
      value: {
        Base64Attachment: '',
        AttachmentId: 0,
        SubmittedByUserId: 0,
        SubmittedByUserName: '',
        UploadDate: '0001-01-01T00:00:00',
        UploadIP: '',
        TicketNumber: 0,
        Description: '',
      },
    },
  ],
  GetWithdrawTicketAttachment: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getwithdrawticketattachment.md`,
      // field names in the wire's PascalCase.
      value: {
        AttachmentId: 0,
      },
    },
  ],
};
