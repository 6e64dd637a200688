import { buildOnce } from '../../../core/build-once.js';
import type { EndpointDefinition } from '../../../core/catalog.js';
import { commonSchemas } from '../schemas/common.js';
import { reportsSchemas } from '../schemas/reports.js';

/** The endpoints, built on first use. */
export const reportsEndpoints = buildOnce(() => {
  const common = commonSchemas();
  const reports = reportsSchemas();
  /** Activity reports. */
  const reportsEndpoints = {
    GenerateTradeActivityReport: {
      method: 'POST',
      path: '/GenerateTradeActivityReport',
      permission: 'read',
      permissionDocumented: false,
      idempotent: false,
      summary: 'Requests an on-demand trade activity report for accounts and a period.',
      request: { body: reports.generateReportBody },
      response: reports.reportTicket,
    },
    GenerateTransactionActivityReport: {
      method: 'POST',
      path: '/GenerateTransactionActivityReport',
      permission: 'read',
      permissionDocumented: false,
      idempotent: false,
      summary: 'Requests an on-demand transaction activity report for accounts and a period.',
      request: { body: reports.generateReportBody },
      response: reports.reportTicket,
    },
    GenerateTreasuryActivityReport: {
      method: 'POST',
      path: '/GenerateTreasuryActivityReport',
      permission: 'read',
      permissionDocumented: false,
      idempotent: false,
      summary: 'Requests an on-demand treasury activity report for accounts and a period.',
      request: { body: reports.generateReportBody },
      response: reports.reportTicket,
    },
    ScheduleTradeActivityReport: {
      method: 'POST',
      path: '/ScheduleTradeActivityReport',
      permission: 'read',
      permissionDocumented: false,
      idempotent: false,
      summary: 'Schedules a recurring trade activity report.',
      request: { body: reports.scheduleReportBody },
      response: reports.reportTicket,
    },
    ScheduleTransactionActivityReport: {
      method: 'POST',
      path: '/ScheduleTransactionActivityReport',
      permission: 'read',
      permissionDocumented: false,
      idempotent: false,
      summary: 'Schedules a recurring transaction activity report.',
      request: { body: reports.scheduleReportBody },
      response: reports.reportTicket,
    },
    ScheduleTreasuryActivityReport: {
      method: 'POST',
      path: '/ScheduleTreasuryActivityReport',
      permission: 'read',
      permissionDocumented: false,
      idempotent: false,
      summary: 'Schedules a recurring treasury activity report.',
      request: { body: reports.scheduleReportBody },
      response: reports.reportTicket,
    },
    GetUserReportTickets: {
      method: 'POST',
      path: '/GetUserReportTickets',
      permission: 'read',
      permissionDocumented: false,
      idempotent: true,
      summary: "Lists a user's report requests, on-demand and scheduled.",
      request: { body: reports.reportTicketsBody },
      response: reports.reportTickets,
    },
    GetUserReportWriterResultRecords: {
      method: 'POST',
      path: '/GetUserReportWriterResultRecords',
      permission: 'read',
      permissionDocumented: false,
      idempotent: true,
      summary: "Lists the runs of a user's reports and their outcome.",
      request: { body: reports.reportResultsBody },
      response: reports.reportResults,
    },
    CancelUserReport: {
      method: 'POST',
      path: '/CancelUserReport',
      permission: 'read',
      permissionDocumented: false,
      idempotent: true,
      summary: 'Cancels a scheduled report.',
      request: { body: reports.cancelUserReportBody },
      response: common.standardResponse,
    },
  } as const satisfies Record<string, EndpointDefinition>;
  return reportsEndpoints;
});
