import { buildOnce } from '../../../core/build-once.js';
import type { EndpointDefinition } from '../../../core/catalog.js';
import { accountsSchemas } from '../schemas/accounts.js';
import { commonSchemas } from '../schemas/common.js';
import { ticketsSchemas } from '../schemas/tickets.js';

/** The endpoints, built on first use. */
export const withdrawalsEndpoints = buildOnce(() => {
  const accounts = accountsSchemas();
  const common = commonSchemas();
  const tickets = ticketsSchemas();
  /** Withdrawals. */
  const withdrawalsEndpoints = {
    CreateWithdrawTicket: {
      method: 'POST',
      path: '/CreateWithdrawTicket',
      permission: 'withdraw',
      idempotent: false,
      summary: 'Withdraws funds to an external address or account provider.',
      request: { body: tickets.createWithdrawTicketBody },
      response: common.standardResponse,
    },
    CancelWithdraw: {
      method: 'POST',
      path: '/CancelWithdraw',
      permission: 'withdraw',
      idempotent: true,
      summary: 'Cancels a pending withdrawal.',
      request: { body: tickets.cancelWithdrawBody },
      response: common.standardResponse,
    },
    GetWithdrawTicket: {
      method: 'POST',
      path: '/GetWithdrawTicket',
      permission: 'read',
      permissionDocumented: false,
      idempotent: true,
      summary: 'Returns one withdraw ticket.',
      request: { body: tickets.withdrawTicketBody },
      response: tickets.withdrawTicket,
    },
    GetWithdrawTickets: {
      method: 'POST',
      path: '/GetWithdrawTickets',
      permission: 'read',
      permissionDocumented: false,
      idempotent: true,
      summary: "Lists an account's withdraw tickets.",
      request: { body: tickets.withdrawTicketsBody },
      response: tickets.withdrawTickets,
    },
    GetWithdraws: {
      method: 'POST',
      path: '/GetWithdraws',
      permission: 'read',
      permissionDocumented: false,
      idempotent: true,
      summary: "Lists an account's withdrawals.",
      request: { body: common.accountBody },
      response: tickets.withdraws,
    },
    GetWithdrawFee: {
      method: 'POST',
      path: '/GetWithdrawFee',
      permission: 'read',
      permissionDocumented: false,
      idempotent: true,
      summary: 'Estimates the fee of a withdrawal.',
      request: { body: tickets.withdrawFeeBody },
      response: tickets.withdrawFee,
    },
    GetOMSWithdrawFees: {
      method: 'POST',
      path: '/GetOMSWithdrawFees',
      permission: 'read',
      permissionDocumented: false,
      idempotent: true,
      summary: 'Lists the withdrawal fees of a product.',
      request: { body: tickets.productBody },
      response: tickets.omsWithdrawFees,
    },
    GetWithdrawTemplate: {
      method: 'POST',
      path: '/GetWithdrawTemplate',
      permission: 'read',
      permissionDocumented: false,
      idempotent: true,
      summary: 'Returns the fields of a withdrawal template.',
      request: { body: tickets.withdrawTemplateBody },
      response: tickets.withdrawTemplate,
    },
    GetWithdrawTemplateTypes: {
      method: 'POST',
      path: '/GetWithdrawTemplateTypes',
      permission: 'read',
      permissionDocumented: false,
      idempotent: true,
      summary: 'Lists the withdrawal templates available for a product.',
      request: { body: tickets.productBody },
      response: tickets.withdrawTemplateTypes,
    },
    GetAccountWithdrawTransactions: {
      method: 'POST',
      path: '/GetAccountWithdrawTransactions',
      permission: 'read',
      idempotent: true,
      summary: "Returns an account's withdrawal ledger entries.",
      request: { body: common.ledgerBody },
      response: accounts.accountTransactions,
    },
    SubmitWithdrawTicketComment: {
      method: 'POST',
      path: '/SubmitWithdrawTicketComment',
      permission: 'read',
      permissionDocumented: false,
      idempotent: false,
      summary: 'Adds a comment to a withdraw ticket.',
      request: { body: tickets.ticketCommentBody },
      response: tickets.submittedComment,
    },
    AddWithdrawTicketAttachment: {
      method: 'POST',
      path: '/AddWithdrawTicketAttachment',
      permission: 'read',
      permissionDocumented: false,
      idempotent: false,
      summary: 'Attaches a file (base64) to a withdraw ticket.',
      request: { body: tickets.ticketAttachmentBody },
      response: tickets.addedAttachment,
    },
    GetWithdrawTicketAttachment: {
      method: 'POST',
      path: '/GetWithdrawTicketAttachment',
      permission: 'read',
      permissionDocumented: false,
      idempotent: true,
      summary: 'Returns one withdraw ticket attachment.',
      request: { body: tickets.attachmentBody },
      response: tickets.ticketAttachment,
    },
  } as const satisfies Record<string, EndpointDefinition>;
  return withdrawalsEndpoints;
});
