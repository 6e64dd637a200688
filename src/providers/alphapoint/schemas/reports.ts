import { z } from 'zod';
import { buildOnce } from '../../../core/build-once.js';
import { commonSchemas } from './common.js';

/** This module's schemas, built on first use: building every catalog's schemas at import made loading slow. */
export const reportsSchemas = buildOnce(() => {
  const { answer, apexEnum, dateTime, int, text, ticks } = commonSchemas();
  // Activity reports: slate `accounts/_api_accts_user_generate*activityreport.md`,
  // `accounts/_api_accts_user_schedule*activityreport.md`, `users/_api_users_user_getuserreporttickets.md`,
  // `..._getuserreportwriterresultrecords.md`, `..._canceluserreport.md`; Kiiex Generate*ActivityReport.yaml,
  // ScheduleTradeActivityReport.yaml, GetUserReportTickets.yaml, GetUserReportWriterResultRecords.yaml,
  // CancelUserReport.yaml.

  /** GenerateTradeActivityReport, GenerateTransactionActivityReport, GenerateTreasuryActivityReport body. */
  const generateReportBody = z.strictObject({
    AccountIdList: z.array(int).min(1),
    OMSId: int,
    StartTime: dateTime,
    EndTime: dateTime,
  });

  /**
   * ScheduleTradeActivityReport, ScheduleTransactionActivityReport, ScheduleTreasuryActivityReport body.
   * `Frequency`: 0 OnDemand, 1 Hourly, 2 Daily, 3 Weekly, 4 Monthly, 5 Annually; `IntervalDuration` in days.
   */
  const scheduleReportBody = z.strictObject({
    Frequency: int,
    AccountIdList: z.array(int).min(1),
    OMSId: int,
    BeginTime: dateTime,
    IntervalDuration: int,
  });

  /**
   * A report request (the Generate~ and Schedule~ answers, GetUserReportTickets). `reportFlavor`, `RequestStatus`
   * and `ReportFrequency` are names on the wire (`"Transaction"`, `"Submitted"`, `"Hourly"`); some examples print
   * them as `{"Options": [...]}`, a list of the possible names rather than a value.
   */
  const reportTicket = answer({
    RequestingUser: int,
    OMSId: int,
    ReportFlavor: apexEnum,
    CreateTime: dateTime,
    InitialRunTime: dateTime,
    IntervalStartTime: dateTime,
    IntervalEndTime: dateTime,
    RequestStatus: apexEnum,
    ReportFrequency: apexEnum,
    IntervalDuration: ticks,
    RequestId: z.string(),
    LastInstanceId: text,
    AccountIds: z.array(int),
  });

  /** GetUserReportTickets body. */
  const reportTicketsBody = z.strictObject({ UserId: int });

  /** GetUserReportTickets. */
  const reportTickets = z.array(reportTicket);

  /** GetUserReportWriterResultRecords body. */
  const reportResultsBody = z.strictObject({
    UserId: int,
    Depth: int.optional(),
    StartIndex: int.optional(),
  });

  /** GetUserReportWriterResultRecords: one record per report run. */
  const reportResults = z.array(
    answer({
      RequestingUser: int,
      UrtTicketId: z.string(),
      DescriptorId: z.string(),
      ResultStatus: apexEnum,
      ReportExecutionStartTime: dateTime,
      ReportExecutionCompleteTime: dateTime.nullable(),
      ReportOutputFilePathname: z.string(),
      ReportDescriptiveHeader: z.string(),
    }),
  );

  /** CancelUserReport body: the report's GUID. */
  const cancelUserReportBody = z.strictObject({ UserReportId: z.string() });
  return {
    generateReportBody,
    scheduleReportBody,
    reportTicket,
    reportTicketsBody,
    reportTickets,
    reportResultsBody,
    reportResults,
    cancelUserReportBody,
  };
});
