import { z } from 'zod';
import { defineCatalog } from '../../core/catalog.js';

const amount = z.union([z.string(), z.number()]);

const balance = z.array(z.looseObject({ symbol: z.string(), available: amount, reserved: amount }));

const page = z.looseObject({ count: z.number().optional(), results: z.array(z.unknown()) });

/**
 * bitexbit's documented endpoints, with the permission each needs and whether a repeat is harmless. Paths are
 * the documented full paths under the origin. Creates and cancels are not idempotent: a repeat after an unknown
 * outcome could act twice, so the client never repeats them.
 */
export const bitexbitCatalog = defineCatalog({
  'public.currencies': {
    method: 'GET',
    path: '/api/v2/public/currencies',
    permission: 'public',
    idempotent: true,
  },
  'public.pairs': { method: 'GET', path: '/api/v2/public/pairs', permission: 'public', idempotent: true },
  'public.ohlcv': { method: 'GET', path: '/api/v2/public/ohlcv', permission: 'public', idempotent: true },
  'public.tickers': { method: 'GET', path: '/api/v2/public/tickers', permission: 'public', idempotent: true },
  'public.depth': { method: 'GET', path: '/api/v2/public/depth', permission: 'public', idempotent: true },
  'public.orders': { method: 'GET', path: '/api/v2/public/orders', permission: 'public', idempotent: true },
  'public.trades': { method: 'GET', path: '/api/v2/public/trades', permission: 'public', idempotent: true },

  'balance.get': {
    method: 'GET',
    path: '/api/v2/private/balance',
    permission: 'read',
    idempotent: true,
    response: balance,
  },
  'orders.list': { method: 'GET', path: '/api/v2/private/orders', permission: 'read', idempotent: true },
  'trades.list': { method: 'GET', path: '/api/v2/private/trades', permission: 'read', idempotent: true },
  'tradingFees.get': {
    method: 'GET',
    path: '/api/v2/private/trading-fees',
    permission: 'read',
    idempotent: true,
  },
  'orders.create': {
    method: 'POST',
    path: '/api/v2/private/order/create',
    permission: 'trade',
    idempotent: false,
  },
  'orders.cancel': {
    method: 'POST',
    path: '/api/v2/private/order/:id/cancel',
    permission: 'trade',
    idempotent: false,
  },

  'withdrawals.create': {
    method: 'POST',
    path: '/api/gateway/withdraw/create',
    permission: 'withdraw',
    idempotent: false,
  },
  'withdrawals.list': {
    method: 'GET',
    path: '/api/gateway/withdraw/history',
    permission: 'read',
    idempotent: true,
    response: page,
  },
});

/** The bitexbit catalog's type. */
export type BitexbitCatalog = typeof bitexbitCatalog;
