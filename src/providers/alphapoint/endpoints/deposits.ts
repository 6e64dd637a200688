import { buildOnce } from '../../../core/build-once.js';
import type { EndpointDefinition } from '../../../core/catalog.js';
import { accountsSchemas } from '../schemas/accounts.js';
import { commonSchemas } from '../schemas/common.js';
import { ticketsSchemas } from '../schemas/tickets.js';

/** The endpoints, built on first use. */
export const depositsEndpoints = buildOnce(() => {
  const accounts = accountsSchemas();
  const common = commonSchemas();
  const tickets = ticketsSchemas();
  /** Deposits. */
  const depositsEndpoints = {
    CreateDepositTicket: {
      method: 'POST',
      path: '/CreateDepositTicket',
      permission: 'read',
      permissionDocumented: false,
      idempotent: false,
      summary: 'Records a fiat deposit ticket.',
      request: { body: tickets.createDepositTicketBody },
      response: tickets.createdDepositTicket,
    },
    GetDepositTicket: {
      method: 'POST',
      path: '/GetDepositTicket',
      permission: 'read',
      permissionDocumented: false,
      idempotent: true,
      summary: 'Returns one deposit ticket.',
      request: { body: tickets.depositTicketBody },
      response: tickets.depositTicket,
    },
    GetDepositTickets: {
      method: 'POST',
      path: '/GetDepositTickets',
      permission: 'read',
      permissionDocumented: false,
      idempotent: true,
      summary: "Lists an account's deposit tickets.",
      request: { body: tickets.depositTicketsBody },
      response: tickets.depositTickets,
    },
    GetDeposits: {
      method: 'POST',
      path: '/GetDeposits',
      permission: 'read',
      permissionDocumented: false,
      idempotent: true,
      summary: "Lists an account's deposits.",
      request: { body: common.accountBody },
      response: tickets.deposits,
    },
    GetDepositInfo: {
      method: 'POST',
      path: '/GetDepositInfo',
      permission: 'read',
      idempotent: false,
      summary:
        'Returns (or, with GenerateNewKey, creates) the crypto deposit addresses of an account and product.',
      request: { body: tickets.depositInfoBody },
      response: tickets.depositInfo,
    },
    GetAllDepositRequestInfoTemplates: {
      method: 'POST',
      path: '/GetAllDepositRequestInfoTemplates',
      permission: 'read',
      permissionDocumented: false,
      idempotent: true,
      summary: 'Lists the deposit form templates of a product.',
      request: { body: tickets.depositTemplatesBody },
      response: tickets.depositTemplates,
    },
    GetDepositRequestInfoTemplate: {
      method: 'POST',
      path: '/GetDepositRequestInfoTemplate',
      permission: 'read',
      permissionDocumented: false,
      idempotent: true,
      summary: 'Returns one deposit form template.',
      request: { body: tickets.depositTemplateBody },
      response: tickets.depositTemplate,
    },
    GetAccountDepositTransactions: {
      method: 'POST',
      path: '/GetAccountDepositTransactions',
      permission: 'read',
      idempotent: true,
      summary: "Returns an account's deposit ledger entries.",
      request: { body: common.ledgerBody },
      response: accounts.accountTransactions,
    },
    SubmitDepositTicketComment: {
      method: 'POST',
      path: '/SubmitDepositTicketComment',
      permission: 'read',
      permissionDocumented: false,
      idempotent: false,
      summary: 'Adds a comment to a deposit ticket.',
      request: { body: tickets.ticketCommentBody },
      response: tickets.submittedComment,
    },
    AddDepositTicketAttachment: {
      method: 'POST',
      path: '/AddDepositTicketAttachment',
      permission: 'read',
      permissionDocumented: false,
      idempotent: false,
      summary: 'Attaches a file (base64) to a deposit ticket.',
      request: { body: tickets.ticketAttachmentBody },
      response: tickets.addedAttachment,
    },
    GetDepositTicketAttachment: {
      method: 'POST',
      path: '/GetDepositTicketAttachment',
      permission: 'read',
      permissionDocumented: false,
      idempotent: true,
      summary: 'Returns one deposit ticket attachment.',
      request: { body: tickets.attachmentBody },
      response: tickets.ticketAttachment,
    },
  } as const satisfies Record<string, EndpointDefinition>;
  return depositsEndpoints;
});
