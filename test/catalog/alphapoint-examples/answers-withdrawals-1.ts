import { type Examples, KIIEX, SLATE } from './examples.js';

/** The documented answers of the withdrawals calls (part 1 of 2). */
export const answersWithdrawals1: Examples = {
  CreateWithdrawTicket: [
    {
      source: `${SLATE}/tickets/_api_tix_system_createwithdrawticket.md`,
      value: {
        result: true,
        errormsg: 'Invalid Request',
        errorcode: 100,
        detail: 'Insufficient Balance',
      },
    },
    {
      source: `${KIIEX}/CreateWithdrawTicket.yaml`,
      value: {
        result: true,
        errormsg: 'Invalid Request',
        errorcode: 100,
        detail: 'Insufficient Balance',
      },
    },
  ],
  CancelWithdraw: [
    {
      source: `${SLATE}/tickets/_api_tix_system_cancelwithdraw.md`,
      value: {
        result: true,
        errormsg: 'Operation Failed',
        errorcode: 101,
        detail: 'Withdraw Ticket not found for OmsId, AccountId, RequestCode',
      },
    },
    {
      source: `${KIIEX}/CancelWithdraw.yaml`,
      value: {
        result: true,
        errormsg: 'Operation Failed',
        errorcode: 101,
        detail: 'Withdraw Ticket not found for OmsId, AccountId, RequestCode',
      },
    },
  ],
  GetWithdrawTicket: [
    // Not valid JSON as published: its JSON strings span lines; here template literals.
    {
      source: `${SLATE}/tickets/_api_tix_system_getwithdrawticket.md`,
      value: {
        assetManagerId: 0,
        accountId: 0,
        assetId: 0,
        assetName: '',
        amount: 0.0,
        templateForm: `{
           “TemplateType”: “TetherRPCWithdraw”,
           “Comment”: “TestWithdraw”,
           “ExternalAddress”: “ms6C3pKAAr8gRCcnVebs8VRkVrjcvqNYv3”, 
           }`,
        templateFormType: 'ThetherRPCWithdraw',
        omsId: 0,
        requestCode: '490b4fa3-53fc-44f4-bd29-7e16be86fba3',
        requestIP: '',
        requestUserId: 0,
        requestUserName: '',
        operatorId: 0,
        Status: 0,
        feeAmt: 0.0,
        updatedByUser: 0,
        updatedByUserName: '',
        ticketNumber: 0,
        createdTimestamp: '0001-01-01T00:00:00',
        lastUpdateTimestamp: '0001-01-01T00:00:00',
        Comments: `[
            {
              "commentId": 0,
              "enteredBy": 0,
              "enteredDateTime": "0001-01-01T00:00:00",
              "comment": "",
              "operatorId": 0,
              "omsId": 0,
              "ticketCode": "",
              "ticketId": 0
             }
           ]`,
        Attachments: `[
             {
               "attachmentId": 0,
               "submittedByUserId": 0,
               "submittedByUserName": "",
               "uploadDate": "0001-01-01T00:00:00",
               "uploadIP": "",
               "ticketNumber": 0
              }
      	 ]`,
        AuditLog: '[]',
      },
    },
    {
      source: `${KIIEX}/GetWithdrawTicket.yaml`,
      value: {
        assetManagerId: 0,
        accountId: 0,
        assetId: 0,
        assetName: '',
        amount: 0.0,
        templateForm: {
          TemplateType: 'TetherRPCWithdraw',
          Comment: 'TestWithdraw',
          ExternalAddress: 'ms6C3pKAAr8gRCcnVebs8VRkVrjcvqNYv3',
        },
        templateFormType: 'ThetherRPCWithdraw',
        omsId: 0,
        requestCode: '490b4fa3-53fc-44f4-bd29-7e16be86fba3',
        requestIP: '',
        requestUserId: 0,
        requestUserName: '',
        operatorId: 0,
        Status: 0,
        feeAmt: 0.0,
        updatedByUser: 0,
        updatedByUserName: '',
        ticketNumber: 0,
        createdTimestamp: '0001-01-01T00:00:00',
        lastUpdateTimestamp: '0001-01-01T00:00:00',
        Comments: [
          {
            commentId: 0,
            enteredBy: 0,
            enteredDateTime: '0001-01-01T00:00:00',
            comment: '',
            operatorId: 0,
            omsId: 0,
            ticketCode: '',
            ticketId: 0,
          },
        ],
        Attachments: [
          {
            attachmentId: 0,
            submittedByUserId: 0,
            submittedByUserName: '',
            uploadDate: '0001-01-01T00:00:00',
            uploadIP: '',
            ticketNumber: 0,
          },
        ],
        AuditLog: [],
      },
    },
  ],
  GetWithdrawTickets: [
    // Not valid JSON as published: its JSON strings span lines; here template literals.
    {
      source: `${SLATE}/tickets/_api_tix_system_getwithdrawtickets.md`,
      value: [
        {
          assetManagerId: 0,
          accountId: 0,
          assetId: 0,
          assetName: '',
          amount: 0.0,
          templateForm: `{
                  “TemplateType”: “TetherRPCWithdraw”,
                  “Comment”: “TestWithdraw”,
                  “ExternalAddress”: “ms6C3pKAAr8gRCcnVebs8VRkVrjcvqNYv3”, 
                  }`,
          templateFormType: 'ThetherRPCWithdraw',
          omsId: 0,
          requestCode: '490b4fa3-53fc-44f4-bd29-7e16be86fba3',
          requestIP: '',
          requestUserId: 0,
          requestUserName: '',
          operatorId: 0,
          Status: 0,
          feeAmt: 0.0,
          updatedByUser: 0,
          updatedByUserName: '',
          ticketNumber: 0,
          createdTimestamp: '0001-01-01T00:00:00',
          lastUpdateTimestamp: '0001-01-01T00:00:00',
          Comments: `[
                      {
                      "commentId": 0,
                      "enteredBy": 0,
                      "enteredDateTime": "0001-01-01T00:00:00",
                      "comment": "",
                      "operatorId": 0,
                      "omsId": 0,
                      "ticketCode": "",
                      "ticketId": 0
                      }
                  ]`,
          Attachments: `[
                      {
                      "attachmentId": 0,
                      "submittedByUserId": 0,
                      "submittedByUserName": "",
                      "uploadDate": "0001-01-01T00:00:00",
                      "uploadIP": "",
                      "ticketNumber": 0
                      }
      			]`,
          AuditLog: '[]',
        },
      ],
    },
    {
      source: `${KIIEX}/GetWithdrawTickets.yaml`,
      value: [
        {
          assetManagerId: 0,
          accountId: 0,
          assetId: 0,
          assetName: '',
          amount: 0.0,
          templateForm: {
            TemplateType: 'TetherRPCWithdraw',
            Comment: 'TestWithdraw',
            ExternalAddress: 'ms6C3pKAAr8gRCcnVebs8VRkVrjcvqNYv3',
          },
          templateFormType: 'ThetherRPCWithdraw',
          omsId: 0,
          requestCode: '490b4fa3-53fc-44f4-bd29-7e16be86fba3',
          requestIP: '',
          requestUserId: 0,
          requestUserName: '',
          operatorId: 0,
          Status: 0,
          feeAmt: 0.0,
          updatedByUser: 0,
          updatedByUserName: '',
          ticketNumber: 0,
          createdTimestamp: '0001-01-01T00:00:00',
          lastUpdateTimestamp: '0001-01-01T00:00:00',
          Comments: [
            {
              commentId: 0,
              enteredBy: 0,
              enteredDateTime: '0001-01-01T00:00:00',
              comment: '',
              operatorId: 0,
              omsId: 0,
              ticketCode: '',
              ticketId: 0,
            },
          ],
          Attachments: [
            {
              attachmentId: 0,
              submittedByUserId: 0,
              submittedByUserName: '',
              uploadDate: '0001-01-01T00:00:00',
              uploadIP: '',
              ticketNumber: 0,
            },
          ],
          AuditLog: [],
        },
      ],
    },
  ],
  GetWithdraws: [
    // Not valid JSON as published: its JSON strings span lines; here template literals.
    {
      source: `${SLATE}/tickets/_api_tix_system_getwithdraws.md`,
      value: [
        {
          amount: 0.0,
          feeAmount: 0.0,
          notionalValue: 0.0,
          withdrawId: 0,
          assetManagerId: 0,
          accountId: 0,
          assetId: 0,
          templateForm: `{
      			“TemplateType”: “TetherRPCWithdraw”,
                  “Comment”: “TestWithdraw”,
                  “ExternalAddress”: “ms6C3pKAAr8gRCcnVebs8VRkVrjcvqNYv3” 
       			}`,
          templateFormType: 'TetherRPCWithdraw',
          omsId: 0,
          TicketStatus: 0,
          ticketNumber: 0,
          WithdrawTransactionDetails: '',
          withdrawType: '',
          withdrawCode: '490b4fa3-53fc-44f4-bd29-7e16be86fba3',
          AssetType: 0,
          reaccepted: true,
          notionalProductId: 0,
        },
      ],
    },
    {
      source: `${KIIEX}/GetWithdraws.yaml`,
      value: [
        {
          amount: 0.0,
          feeAmount: 0.0,
          notionalValue: 0.0,
          withdrawId: 0,
          assetManagerId: 0,
          accountId: 0,
          assetId: 0,
          templateForm: {
            TemplateType: 'TetherRPCWithdraw',
            Comment: 'TestWithdraw',
            ExternalAddress: 'ms6C3pKAAr8gRCcnVebs8VRkVrjcvqNYv3',
          },
          templateFormType: 'TetherRPCWithdraw',
          omsId: 0,
          TicketStatus: 0,
          ticketNumber: 0,
          WithdrawTransactionDetails: {},
          withdrawType: '',
          withdrawCode: '490b4fa3-53fc-44f4-bd29-7e16be86fba3',
          AssetType: 0,
          reaccepted: true,
          notionalProductId: 0,
        },
      ],
    },
  ],
  GetWithdrawFee: [
    {
      source: `${SLATE}/tickets/_api_tix_user_getwithdrawfee.md`,
      value: {
        FeeAmount: 1.06,
      },
    },
    {
      source: `${KIIEX}/GetWithdrawFee.yaml`,
      value: {
        FeeAmount: 1.06,
        TicketAmount: 10.24,
      },
    },
  ],
  GetOMSWithdrawFees: [
    {
      source: `${SLATE}/tickets/_api_tix_system_getomswithdrawfees.md`,
      value: [
        {
          OMSId: 1,
          AccountId: 0,
          FeeId: 47,
          FeeAmt: 1,
          FeeCalcType: 'Percentage',
          IsActive: false,
          ProductId: 1,
        },
      ],
    },
    {
      source: `${KIIEX}/GetOMSWithdrawFees.yaml`,
      value: [
        {
          OMSId: 1,
          AccountId: 0,
          FeeId: 47,
          FeeAmt: 1.0,
          FeeCalcType: 'Percentage',
          IsActive: false,
          ProductId: 1,
        },
      ],
    },
  ],
};
