import { type Examples, SLATE } from './examples.js';

/** The documented requests of the reports calls. */
export const requestsReports: Examples = {
  GenerateTradeActivityReport: [
    {
      source: `${SLATE}/accounts/_api_accts_user_generatetradeactivityreport.md`,
      // field names in the wire's PascalCase.
      value: {
        AccountIdList: [0],
        OMSId: 0,
        StartTime: '0001-01-01T05:00:00Z',
        EndTime: '0001-01-01T05:00:00Z',
      },
    },
  ],
  GenerateTransactionActivityReport: [
    {
      source: `${SLATE}/accounts/_api_accts_user_generatetransactionactivityreport.md`,
      // field names in the wire's PascalCase.
      value: {
        AccountIdList: [0],
        OMSId: 0,
        StartTime: '0001-01-01T05:00:00Z',
        EndTime: '0001-01-01T05:00:00Z',
      },
    },
  ],
  GenerateTreasuryActivityReport: [
    {
      source: `${SLATE}/accounts/_api_accts_user_generatetreasuryactivityreport.md`,
      // field names in the wire's PascalCase.
      value: {
        AccountIdList: [0],
        OMSId: 0,
        StartTime: '0001-01-01T05:00:00Z',
        EndTime: '0001-01-01T05:00:00Z',
      },
    },
  ],
  ScheduleTradeActivityReport: [
    {
      source: `${SLATE}/accounts/_api_accts_user_scheduletradeactivityreport.md`,
      // printed with `frequency` as `{"Options": [...]}`; its table says an integer (0 OnDemand ...); field names in the wire's PascalCase.
      value: {
        Frequency: 0,
        AccountIdList: [1],
        OMSId: 1,
        BeginTime: '2018-08-10T04:00:00.000Z',
        IntervalDuration: 10,
      },
    },
  ],
  ScheduleTransactionActivityReport: [
    {
      source: `${SLATE}/accounts/_api_accts_user_scheduletransactionactivityreport.md`,
      // field names in the wire's PascalCase.
      value: {
        Frequency: 0,
        AccountIdList: [1],
        OMSId: 1,
        BeginTime: '2018-08-10T04:00:00.000Z',
        IntervalDuration: 10,
      },
    },
  ],
  ScheduleTreasuryActivityReport: [
    {
      source: `${SLATE}/accounts/_api_accts_user_scheduletreasuryactivityreport.md`,
      // field names in the wire's PascalCase.
      value: {
        Frequency: 0,
        AccountIdList: [1],
        OMSId: 1,
        BeginTime: '2018-08-10T04:00:00.000Z',
        IntervalDuration: 10,
      },
    },
  ],
  GetUserReportTickets: [
    {
      source: `${SLATE}/users/_api_users_user_getuserreporttickets.md`,
      value: {
        UserId: 1,
      },
    },
  ],
  GetUserReportWriterResultRecords: [
    {
      source: `${SLATE}/users/_api_users_user_getuserreportwriterresultrecords.md`,
      // field names in the wire's PascalCase.
      value: {
        UserId: 0,
        Depth: 50,
        StartIndex: 0,
      },
    },
  ],
  CancelUserReport: [
    {
      source: `${SLATE}/users/_api_users_user_canceluserreport.md`,
      // printed with the value unquoted (`guid-as-a-string`).
      value: {
        UserReportId: 'guid-as-a-string',
      },
    },
  ],
};
