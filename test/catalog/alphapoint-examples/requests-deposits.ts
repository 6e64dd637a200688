import { type Examples, KIIEX, SLATE } from './examples.js';

/** The documented requests of the deposits calls. */
export const requestsDeposits: Examples = {
  CreateDepositTicket: [
    {
      source: `${SLATE}/tickets/_api_tix_system_createdepositticket.md`,
      // field names in the wire's PascalCase.
      value: {
        AssetManagerId: 0,
        AccountId: 0,
        AssetId: 0,
        AssetName: null,
        Amount: 0,
        OMSId: 0,
        RequestCode: null,
        RequestIP: null,
        RequestUserName: null,
        OperatorId: 0,
        Status: 0,
        FeeAmt: 0,
        UpdatedByUser: 0,
        UpdatedByUserName: null,
        TicketNumber: 0,
        DepositInfo: '',
        CreatedTimestamp: '0001-01-01T00:00:00',
        LastUpdateTimeStamp: '0001-01-01T00:00:00',
        Comments: null,
        Attachments: null,
      },
    },
    {
      source: `${KIIEX}/CreateDepositTicket.yaml`,
      // field names in the wire's PascalCase.
      value: {
        AssetManagerId: 0,
        AccountId: 0,
        AssetId: 0,
        AssetName: null,
        Amount: 0,
        OMSId: 0,
        RequestCode: null,
        RequestIP: null,
        RequestUserName: null,
        OperatorId: 0,
        Status: 0,
        FeeAmt: 0,
        UpdatedByUser: 0,
        UpdatedByUserName: null,
        TicketNumber: 0,
        DepositInfo: '',
        CreatedTimestamp: '0001-01-01T00:00:00',
        LastUpdateTimeStamp: '0001-01-01T00:00:00',
        Comments: null,
        Attachments: null,
      },
    },
  ],
  GetDepositTicket: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getdepositticket.md`,
      value: {
        OMSId: 1,
        AccountId: 1,
        RequestCode: 'Request Code GUID',
        TicketId: 100000002,
      },
    },
  ],
  GetDepositTickets: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getdeposittickets.md`,
      value: {
        OMSId: 1,
        OperatorId: 1,
        AccountId: 1,
      },
    },
  ],
  GetDeposits: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getdeposits.md`,
      value: {
        OMSId: 1,
        AccountId: 1,
      },
    },
  ],
  GetDepositInfo: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getdepositinfo.md`,
      value: {
        OMSId: 1,
        AccountId: 1,
        ProductId: 1,
        GenerateNewKey: true,
      },
    },
  ],
  GetAllDepositRequestInfoTemplates: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getalldepositrequestinfotemplates.md`,
      value: {
        OMSId: 1,
        ProductId: 1,
      },
    },
  ],
  GetDepositRequestInfoTemplate: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getdepositrequestinfotemplate.md`,
      value: {
        OMSId: 1,
        ProductId: 1,
        AccountId: 1,
        TemplateType: 'TrustPay',
      },
    },
  ],
  GetAccountDepositTransactions: [
    {
      source: `${SLATE}/tickets/_api_tix_user_getaccountdeposittransactions.md`,
      value: {
        OMSId: 1,
        AccountId: 1,
        Depth: 200,
      },
    },
  ],
  SubmitDepositTicketComment: [
    {
      source: `${SLATE}/tickets/_api_tix_system_submitdepositticketcomment.md`,
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
      source: `${KIIEX}/SubmitDepositTicketComment.yaml`,
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
  AddDepositTicketAttachment: [
    {
      source: `${SLATE}/tickets/_api_tix_system_adddepositticketattachment.md`,
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
  GetDepositTicketAttachment: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getdepositticketattachment.md`,
      // field names in the wire's PascalCase.
      value: {
        AttachmentId: 0,
      },
    },
  ],
};
