import { z } from 'zod';
import { buildOnce } from '../../../core/build-once.js';
import type { EndpointDefinition } from '../../../core/catalog.js';
import { gatewaySchemas } from '../schemas/gateway.js';

/** The endpoints, built on first use. */
export const gatewayEndpoints = buildOnce(() => {
  const {
    createdInvoice,
    createInvoiceBody,
    createWalletBody,
    createWithdrawalBody,
    depositHistoryQuery,
    invoiceDeposits,
    invoices,
    listQuery,
    paymentMethod,
    paymentMethodsQuery,
    wallet,
    walletDeposits,
    wallets,
    withdrawal,
    withdrawalHistoryQuery,
    withdrawals,
  } = gatewaySchemas();
  /** The gateway API (bitexbit/api-docs-gateway): payment methods, wallets, invoices and withdrawals. */
  const gatewayEndpoints = {
    'paymentMethods.list': {
      method: 'GET',
      path: '/api/gateway/payment-methods',
      permission: 'read',
      permissionDocumented: false,
      idempotent: true,
      summary: 'List deposit and withdrawal methods (currency and network) with their limits and fees.',
      request: { query: paymentMethodsQuery },
      response: z.array(paymentMethod),
    },
    'wallets.create': {
      method: 'POST',
      path: '/api/gateway/wallet/create',
      permission: 'trade',
      permissionDocumented: false,
      idempotent: false,
      summary: 'Create a deposit wallet (address), optionally converting what arrives into another currency.',
      request: { body: createWalletBody },
      response: wallet,
    },
    'wallets.list': {
      method: 'GET',
      path: '/api/gateway/wallets',
      permission: 'read',
      idempotent: true,
      summary: 'List the deposit wallets created through the gateway.',
      request: { query: listQuery },
      response: wallets,
    },
    'wallets.history': {
      method: 'GET',
      path: '/api/gateway/wallet/history',
      permission: 'read',
      idempotent: true,
      summary: 'List the deposits to the gateway wallets.',
      request: { query: depositHistoryQuery },
      response: walletDeposits,
    },
    'invoices.create': {
      method: 'POST',
      path: '/api/gateway/invoice/create',
      permission: 'trade',
      permissionDocumented: false,
      idempotent: false,
      summary: 'Create a fiat deposit invoice; answers the payment page to send the payer to.',
      request: { body: createInvoiceBody },
      response: createdInvoice,
    },
    'invoices.list': {
      method: 'GET',
      path: '/api/gateway/invoices',
      permission: 'read',
      idempotent: true,
      summary: 'List the invoices created through the gateway.',
      request: { query: listQuery },
      response: invoices,
    },
    'invoices.history': {
      method: 'GET',
      path: '/api/gateway/invoice/history',
      permission: 'read',
      idempotent: true,
      summary: 'List the deposits paid through invoices.',
      request: { query: depositHistoryQuery },
      response: invoiceDeposits,
    },
    'withdrawals.create': {
      method: 'POST',
      path: '/api/gateway/withdraw/create',
      permission: 'withdraw',
      idempotent: false,
      summary: 'Withdraw to an address (crypto) or a card (fiat); give a client_order_id to reconcile.',
      request: { body: createWithdrawalBody },
      response: withdrawal,
    },
    'withdrawals.list': {
      method: 'GET',
      path: '/api/gateway/withdraw/history',
      permission: 'read',
      idempotent: true,
      summary: 'List the withdrawals made through the gateway.',
      request: { query: withdrawalHistoryQuery },
      response: withdrawals,
    },
  } as const satisfies Record<string, EndpointDefinition>;
  return gatewayEndpoints;
});
