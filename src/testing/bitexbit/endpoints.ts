/**
 * The catalog name of each sandbox route (`client.call()`'s first argument), so faults and the log can name
 * endpoints. test/sandbox/endpoint-names.test.ts checks every one against the provider's catalog.
 */
export const ENDPOINT_NAMES: Readonly<Record<string, string>> = {
  'GET /api/v2/public/currencies': 'public.currencies',
  'GET /api/v2/public/pairs': 'public.pairs',
  'GET /api/v2/public/ohlcv': 'public.ohlcv',
  'GET /api/v2/public/tickers': 'public.tickers',
  'GET /api/v2/public/depth': 'public.depth',
  'GET /api/v2/public/orders': 'public.orders',
  'GET /api/v2/public/trades': 'public.trades',
  'GET /api/v2/private/balance': 'balance.get',
  'GET /api/v2/private/orders': 'orders.list',
  'GET /api/v2/private/trades': 'trades.list',
  'GET /api/v2/private/trading-fees': 'tradingFees.get',
  'POST /api/v2/private/order/create': 'orders.create',
  'POST /api/v2/private/order/:id/cancel': 'orders.cancel',
  'POST /api/gateway/withdraw/create': 'withdrawals.create',
  'GET /api/gateway/withdraw/history': 'withdrawals.list',
};
