import { type Examples, firstOption, KIIEX, SLATE } from './examples.js';

/** The documented answers of the reports calls (part 1 of 2). */
export const answersReports1: Examples = {
  GenerateTradeActivityReport: [
    {
      source: `${SLATE}/accounts/_api_accts_user_generatetradeactivityreport.md`,
      value: firstOption({
        RequestingUser: 1,
        OMSId: 1,
        reportFlavor: {
          Options: ['TradeActivity', 'Transaction', 'Treasury'],
        },
        createTime: '2018-08-17T15:34:20Z',
        initialRunTime: '2018-08-17T15:34:20Z',
        intervalStartTime: '2019-04-10T04:00:00Z',
        intervalEndTime: '2020-04-10T04:00:00Z',
        RequestStatus: {
          Options: [
            'Submitted',
            'Validating',
            'Scheduled',
            'InProgress',
            'Completed',
            'Aborting',
            'Aborted',
            'UserCancelled',
            'SysRetired',
            'UserCancelledPending',
          ],
        },
        ReportFrequency: {
          Options: ['onDemand', 'Hourly', 'Daily', 'Weekly', 'Monthly', 'Annually'],
        },
        intervalDuration: 316224000000000,
        RequestId: 'Moy/IpfPA0SLUHNYt54q4w==',
        lastInstanceId: 'AAAAAAAAAAAAAAAAAAAAAA==',
        accountIds: [1],
      }),
    },
    {
      source: `${KIIEX}/GenerateTradeActivityReport.yaml`,
      value: firstOption({
        RequestingUser: 1,
        OMSId: 1,
        reportFlavor: {
          Options: ['TradeActivity'],
        },
        createTime: '2018-08-17T15:34:20Z',
        initialRunTime: '2018-08-17T15:34:20Z',
        intervalStartTime: '2019-04-10T04:00:00Z',
        intervalEndTime: '2020-04-10T04:00:00Z',
        RequestStatus: {
          Options: ['Submitted'],
        },
        ReportFrequency: {
          Options: ['onDemand'],
        },
        intervalDuration: 316224000000000,
        RequestId: 'Moy/IpfPA0SLUHNYt54q4w==',
        lastInstanceId: null,
        accountIds: [1],
      }),
    },
  ],
  GenerateTransactionActivityReport: [
    {
      source: `${SLATE}/accounts/_api_accts_user_generatetransactionactivityreport.md`,
      value: firstOption({
        RequestingUser: 1,
        OMSId: 1,
        reportFlavor: {
          Options: ['TradeActivity', 'Transaction', 'Treasury'],
        },
        createTime: '2018-08-17T15:46:07Z',
        initialRunTime: '2018-08-17T15:46:07Z',
        intervalStartTime: '2019-04-10T04:00:00Z',
        intervalEndTime: '2020-04-10T04:00:00Z',
        RequestStatus: {
          Options: [
            'Submitted',
            'Validating',
            'Scheduled',
            'InProgress',
            'Completed',
            'Aborting',
            'Aborted',
            'UserCancelled',
            'SysRetired',
            'UserCancelledPending',
          ],
        },
        ReportFrequency: {
          Options: ['onDemand', 'Hourly', 'Daily', 'Weekly', 'Monthly', 'Annually'],
        },
        intervalDuration: 316224000000000,
        RequestId: '+QgyhnEFqEazyZ46Q902MA==',
        lastInstanceId: 'AAAAAAAAAAAAAAAAAAAAAA==',
        accountIds: [1],
      }),
    },
    {
      source: `${KIIEX}/GenerateTransactionActivityReport.yaml`,
      value: firstOption({
        RequestingUser: 1,
        OMSId: 1,
        reportFlavor: {
          Options: ['Transaction'],
        },
        createTime: '2018-08-17T15:46:07Z',
        initialRunTime: '2018-08-17T15:46:07Z',
        intervalStartTime: '2019-04-10T04:00:00Z',
        intervalEndTime: '2020-04-10T04:00:00Z',
        RequestStatus: {
          Options: ['Submitted'],
        },
        ReportFrequency: {
          Options: ['onDemand'],
        },
        intervalDuration: 316224000000000,
        RequestId: '+QgyhnEFqEazyZ46Q902MA==',
        lastInstanceId: null,
        accountIds: [1],
      }),
    },
  ],
  GenerateTreasuryActivityReport: [
    {
      source: `${SLATE}/accounts/_api_accts_user_generatetreasuryactivityreport.md`,
      value: firstOption({
        RequestingUser: 1,
        OMSId: 1,
        reportFlavor: {
          Options: ['TradeActivity', 'Transaction', 'Treasury'],
        },
        createTime: '2018-08-17T15:38:59Z',
        initialRunTime: '2018-08-17T15:38:59Z',
        intervalStartTime: '2019-04-10T04:00:00Z',
        intervalEndTime: '2020-04-10T04:00:00Z',
        RequestStatus: {
          Options: [
            'Submitted',
            'Validating',
            'Scheduled',
            'InProgress',
            'Completed',
            'Aborting',
            'Aborted',
            'UserCancelled',
            'SysRetired',
            'UserCancelledPending',
          ],
        },
        ReportFrequency: {
          Options: ['onDemand', 'Hourly', 'Daily', 'Weekly', 'Monthly', 'Annually'],
        },
        intervalDuration: 316224000000000,
        RequestId: 'adduAIKE6Ee0eGxFM+ydsg==',
        lastInstanceId: 'AAAAAAAAAAAAAAAAAAAAAA==',
        accountIds: [1],
      }),
    },
    {
      source: `${KIIEX}/GenerateTreasuryActivityReport.yaml`,
      value: firstOption({
        RequestingUser: 1,
        OMSId: 1,
        reportFlavor: {
          Options: ['Treasury'],
        },
        createTime: '2018-08-17T15:38:59Z',
        initialRunTime: '2018-08-17T15:38:59Z',
        intervalStartTime: '2019-04-10T04:00:00Z',
        intervalEndTime: '2020-04-10T04:00:00Z',
        RequestStatus: {
          Options: ['Submitted'],
        },
        ReportFrequency: {
          Options: ['onDemand'],
        },
        intervalDuration: 316224000000000,
        RequestId: 'adduAIKE6Ee0eGxFM+ydsg==',
        lastInstanceId: null,
        accountIds: [1],
      }),
    },
  ],
  ScheduleTradeActivityReport: [
    {
      source: `${SLATE}/accounts/_api_accts_user_scheduletradeactivityreport.md`,
      value: firstOption({
        RequestingUser: 1,
        OMSId: 1,
        reportFlavor: {
          // enumerated string
          Options: ['TradeActivity', 'Transaction', 'Treasury'],
        },
        createTime: '2018-08-17T17:57:51Z',
        initialRunTime: '2018-08-10T04:00:00Z',
        intervalStartTime: '2018-08-10T04:00:00Z',
        intervalEndTime: '2018-08-10T05:00:00Z',
        RequestStatus: {
          // enumerated string
          Options: [
            'Submitted',
            'Validating',
            'Scheduled',
            'InProgress',
            'Completed',
            'Aborting',
            'Aborted',
            'UserCancelled',
            'SysRetired',
            'UserCancelledPending',
          ],
        },
        ReportFrequency: {
          // enumerated string
          Options: ['onDemand', 'Hourly', 'Daily', 'Weekly', 'Monthly', 'Annually'],
        },
        intervalDuration: 36000000000,
        RequestId: 'mGzjUfylGEmqgJIxu651aQ==',
        lastInstanceId: 'AAAAAAAAAAAAAAAAAAAAAA==',
        accountIds: [1],
      }),
    },
    {
      source: `${KIIEX}/ScheduleTradeActivityReport.yaml`,
      value: firstOption({
        RequestingUser: 1,
        OMSId: 1,
        reportFlavor: {
          Options: ['TradeActivity'],
        },
        createTime: '2018-08-17T17:57:51Z',
        initialRunTime: '2018-08-10T04:00:00Z',
        intervalStartTime: '2018-08-10T04:00:00Z',
        intervalEndTime: '2018-08-10T05:00:00Z',
        RequestStatus: {
          Options: ['Submitted'],
        },
        ReportFrequency: {
          Options: ['Daily'],
        },
        intervalDuration: 36000000000,
        RequestId: 'mGzjUfylGEmqgJIxu651aQ==',
        lastInstanceId: null,
        accountIds: [1],
      }),
    },
  ],
  ScheduleTransactionActivityReport: [
    {
      source: `${SLATE}/accounts/_api_accts_user_scheduletransactionactivityreport.md`,
      value: {
        RequestingUser: 1,
        OMSId: 1,
        reportFlavor: 'Transaction',
        createTime: '2018-08-17T18:02:23Z',
        initialRunTime: '2018-08-10T04:00:00Z',
        intervalStartTime: '2018-08-10T04:00:00Z',
        intervalEndTime: '2018-08-10T05:00:00Z',
        RequestStatus: 'Submitted',
        ReportFrequency: 'Hourly',
        intervalDuration: 36000000000,
        RequestId: 'I2nCtvyY8UuHsoSyrLe2QA==',
        lastInstanceId: 'AAAAAAAAAAAAAAAAAAAAAA==',
        accountIds: [1],
      },
    },
  ],
  ScheduleTreasuryActivityReport: [
    {
      source: `${SLATE}/accounts/_api_accts_user_scheduletreasuryactivityreport.md`,
      value: {
        RequestingUser: 1,
        OMSId: 1,
        reportFlavor: 'Treasury',
        createTime: '2018-08-17T18:02:03Z',
        initialRunTime: '2018-08-10T04:00:00Z',
        intervalStartTime: '2018-08-10T04:00:00Z',
        intervalEndTime: '2018-08-10T05:00:00Z',
        RequestStatus: 'Submitted',
        ReportFrequency: 'Hourly',
        intervalDuration: 36000000000,
        RequestId: 'xbsVgAuUcEyTFgf/gpWB2A==',
        lastInstanceId: 'AAAAAAAAAAAAAAAAAAAAAA==',
        accountIds: [1],
      },
    },
  ],
  GetUserReportTickets: [
    // Not valid JSON as published: each ticket is wrapped in a second pair of braces, and a comma is missing after ReportFrequency.
    {
      source: `${SLATE}/users/_api_users_user_getuserreporttickets.md`,
      value: firstOption([
        {
          RequestingUser: 0,
          OMSId: 0,
          reportFlavor: {
            Options: ['TradeActivity', 'Transaction', 'Treasury'],
          },
          createTime: '0001-01-01T05:00:00Z',
          initialRunTime: '0001-01-01T05:00:00Z',
          intervalStartTime: '0001-01-01T05:00:00Z',
          intervalEndTime: '0001-01-01T05:00:00Z',
          RequestStatus: {
            Options: [
              'Submitted',
              'Validating',
              'Scheduled',
              'InProgress',
              'Completed',
              'Aborting',
              'Aborted',
              'UserCancelled',
              'SysRetired',
              'UserCancelledPending',
            ],
          },
          ReportFrequency: {
            Options: ['onDemand', 'Hourly', 'Daily', 'Weekly', 'Monthly', 'Annually'],
          },
          intervalDuration: 0,
          RequestId: 'I2nCtvyY8UuHsoSyrLe2QA==',
          lastInstanceId: 'AAAAAAAAAAAAAAAAAAAAAA==',
          accountIds: [1],
        },
      ]),
    },
    {
      source: `${KIIEX}/GetUserReportTickets.yaml`,
      value: [
        {
          RequestingUser: 123,
          OMSId: 456,
          reportFlavor: 'TradeActivity',
          createTime: '2024-07-26T12:00:00Z',
          initialRunTime: '2024-07-26T13:00:00Z',
          intervalStartTime: '2024-07-25T00:00:00Z',
          intervalEndTime: '2024-07-26T00:00:00Z',
          RequestStatus: 'Completed',
          ReportFrequency: 'Daily',
          intervalDuration: 86400,
          RequestId: 'I2nCtvyY8UuHsoSyrLe2QA==',
          lastInstanceId: 'AAAAAAAAAAAAAAAAAAAAAA==',
          accountIds: [1, 2, 3],
        },
        {
          RequestingUser: 789,
          OMSId: 1011,
          reportFlavor: 'Transaction',
          createTime: '2024-07-27T10:00:00Z',
          initialRunTime: '2024-07-27T11:00:00Z',
          intervalStartTime: '2024-07-26T00:00:00Z',
          intervalEndTime: '2024-07-27T00:00:00Z',
          RequestStatus: 'Scheduled',
          ReportFrequency: 'Weekly',
          intervalDuration: 604800,
          RequestId: 'anotherRequestId123',
          lastInstanceId: null,
          accountIds: [4, 5],
        },
      ],
    },
  ],
};
