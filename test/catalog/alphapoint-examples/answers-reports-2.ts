import { type Examples, KIIEX, SLATE } from './examples.js';

/** The documented answers of the reports calls (part 2 of 2). */
export const answersReports2: Examples = {
  GetUserReportWriterResultRecords: [
    {
      source: `${SLATE}/users/_api_users_user_getuserreportwriterresultrecords.md`,
      value: [
        {
          RequestingUser: 1,
          urtTicketId: 'mGzjUfylGEmqgJIxu651aQ==',
          descriptorId: '47TlpPQyTkKR4LKl9Hy1yA==',
          resultStatus: 'SuccessComplete',
          reportExecutionStartTime: '2018-08-17T17:57:56Z',
          reportExecutionCompleteTime: '2018-08-17T17:57:57Z',
          reportOutputFilePathname: '',
          reportDescriptiveHeader:
            'TradeActivity|onDemand|2018-08-10T04:00:00.000Z|2018-08-10T05:00:00.000Z|2018-08-17T17:57:51.852Z|2018-08-17T17:57:56.840Z|0.19634 seconds',
        },
      ],
    },
    {
      source: `${KIIEX}/GetUserReportWriterResultRecords.yaml`,
      value: [
        {
          RequestingUser: 1,
          urtTicketId: 'mGzjUfylGEmqgJIxu651aQ==',
          descriptorId: '47TlpPQyTkKR4LKl9Hy1yA==',
          resultStatus: 'SuccessComplete',
          reportExecutionStartTime: '2018-08-17T17:57:56Z',
          reportExecutionCompleteTime: '2018-08-17T17:57:57Z',
          reportOutputFilePathname: '',
          reportDescriptiveHeader:
            'TradeActivity|onDemand|2018-08-10T04:00:00.000Z|2018-08-10T05:00:00.000Z|2018-08-17T17:57:51.852Z|2018-08-17T17:57:56.840Z|0.19634 seconds',
        },
        {
          RequestingUser: 2,
          urtTicketId: 'anotherTicketId',
          descriptorId: 'anotherDescriptorId',
          resultStatus: 'NotComplete',
          reportExecutionStartTime: '2024-10-27T10:00:00Z',
          reportExecutionCompleteTime: null,
          reportOutputFilePathname: '/path/to/report.csv',
          reportDescriptiveHeader: 'SomeReport|Daily|...',
        },
      ],
    },
  ],
  CancelUserReport: [
    {
      source: `${SLATE}/users/_api_users_user_canceluserreport.md`,
      value: {
        result: true,
        errormsg: '',
        errorcode: 0,
        detail: '',
      },
    },
  ],
};
