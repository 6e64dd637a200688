import { z } from 'zod';
import { defineCatalog } from '../../core/catalog.js';

const jsonApiResource = z.looseObject({
  data: z.looseObject({ id: z.union([z.string(), z.number()]), type: z.string() }),
});

/**
 * Every Bitex v2.1 endpoint of the reference, with the permission it needs and whether a repeat is harmless.
 * Key flags map by name: `get_balances` → read, `trading` → trade (placing, listing and cancelling orders),
 * `create_withdrawal` → withdraw; master-only endpoints need `manage-users`. Cancels are idempotent (cancelling twice moves nothing); creates are not.
 */
export const bitexCatalog = defineCatalog({
  'tickers.list': { method: 'GET', path: '/tickers', permission: 'public', idempotent: true },
  'tickers.get': { method: 'GET', path: '/tickers/:orderbook', permission: 'public', idempotent: true },
  'orderbooks.list': { method: 'GET', path: '/orderbooks', permission: 'public', idempotent: true },
  'markets.get': { method: 'GET', path: '/markets/:orderbook', permission: 'public', idempotent: true },
  'transactions.list': { method: 'GET', path: '/transactions', permission: 'public', idempotent: true },
  'candles.list': { method: 'GET', path: '/candles', permission: 'public', idempotent: true },

  'accounts.list': { method: 'GET', path: '/accounts', permission: 'read', idempotent: true },
  'users.me': {
    method: 'GET',
    path: '/users/me',
    permission: 'read',
    idempotent: true,
    response: jsonApiResource,
  },
  'users.updateMe': { method: 'PATCH', path: '/users/me', permission: 'read', idempotent: true },
  'coinWallets.list': { method: 'GET', path: '/coin_wallets', permission: 'read', idempotent: true },
  'cashWallets.list': { method: 'GET', path: '/cash_wallets', permission: 'read', idempotent: true },
  'movements.list': { method: 'GET', path: '/movements', permission: 'read', idempotent: true },

  'bids.list': { method: 'GET', path: '/bids', permission: 'trade', idempotent: true },
  'bids.create': { method: 'POST', path: '/bids', permission: 'trade', idempotent: false },
  'bids.cancel': { method: 'POST', path: '/bids/:id/cancel', permission: 'trade', idempotent: true },
  'asks.list': { method: 'GET', path: '/asks', permission: 'trade', idempotent: true },
  'asks.create': { method: 'POST', path: '/asks', permission: 'trade', idempotent: false },
  'asks.cancel': { method: 'POST', path: '/asks/:id/cancel', permission: 'trade', idempotent: true },
  'orders.list': { method: 'GET', path: '/orders', permission: 'trade', idempotent: true },
  'orders.cancelAll': { method: 'POST', path: '/orders/cancel', permission: 'trade', idempotent: true },
  'trades.list': { method: 'GET', path: '/trades', permission: 'trade', idempotent: true },
  'buys.list': { method: 'GET', path: '/buys', permission: 'read', idempotent: true },
  'sells.list': { method: 'GET', path: '/sells', permission: 'read', idempotent: true },

  'coinWithdrawals.list': { method: 'GET', path: '/coin_withdrawals', permission: 'read', idempotent: true },
  'coinWithdrawals.create': {
    method: 'POST',
    path: '/coin_withdrawals',
    permission: 'withdraw',
    idempotent: false,
    requiresOtp: true,
  },
  'cashWithdrawals.list': { method: 'GET', path: '/cash_withdrawals', permission: 'read', idempotent: true },
  'cashWithdrawals.create': {
    method: 'POST',
    path: '/cash_withdrawals',
    permission: 'withdraw',
    idempotent: false,
    requiresOtp: true,
  },
  'withdrawalInstructions.list': {
    method: 'GET',
    path: '/withdrawal_instructions',
    permission: 'read',
    idempotent: true,
  },
  'withdrawalInstructions.create': {
    method: 'POST',
    path: '/withdrawal_instructions',
    permission: 'withdraw',
    idempotent: false,
  },
  'coinDeposits.list': { method: 'GET', path: '/coin_deposits', permission: 'read', idempotent: true },
  'cashDeposits.list': { method: 'GET', path: '/cash_deposits', permission: 'read', idempotent: true },

  'apiKeys.list': { method: 'GET', path: '/api_keys', permission: 'read', idempotent: true },
  'apiKeys.create': {
    method: 'POST',
    path: '/api_keys',
    permission: 'withdraw',
    idempotent: false,
    requiresOtp: true,
  },
  'payments.list': { method: 'GET', path: '/merchants/payments', permission: 'read', idempotent: true },
  'webhooks.list': { method: 'GET', path: '/webhooks', permission: 'read', idempotent: true },

  'users.list': { method: 'GET', path: '/users', permission: 'manage-users', idempotent: true },
  'users.create': { method: 'POST', path: '/users', permission: 'manage-users', idempotent: false },
});

/** The Bitex catalog's type. */
export type BitexCatalog = typeof bitexCatalog;
