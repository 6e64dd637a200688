/**
 * The catalog name of each sandbox route (`client.call()`'s first argument), so faults and the log can name
 * endpoints. test/sandbox/endpoint-names.test.ts checks every one against the provider's catalog.
 */
export const ENDPOINT_NAMES: Readonly<Record<string, string>> = {
  'GET /api/tickers': 'tickers.list',
  'GET /api/tickers/:code': 'tickers.get',
  'GET /api/orderbooks': 'orderbooks.list',
  'GET /api/markets/:code': 'markets.get',
  'GET /api/transactions': 'transactions.list',
  'GET /api/candles': 'candles.list',
  'GET /api/users/me': 'users.me',
  'GET /api/accounts': 'accounts.list',
  'GET /api/coin_wallets': 'coinWallets.list',
  'GET /api/cash_wallets': 'cashWallets.list',
  'GET /api/movements': 'movements.list',
  'GET /api/api_keys': 'apiKeys.list',
  'GET /api/bids': 'bids.list',
  'POST /api/bids': 'bids.create',
  'POST /api/bids/:id/cancel': 'bids.cancel',
  'GET /api/asks': 'asks.list',
  'POST /api/asks': 'asks.create',
  'POST /api/asks/:id/cancel': 'asks.cancel',
  'GET /api/orders': 'orders.list',
  'POST /api/orders/cancel': 'orders.cancelAll',
  'GET /api/trades': 'trades.list',
  'GET /api/coin_withdrawals': 'coinWithdrawals.list',
  'POST /api/coin_withdrawals': 'coinWithdrawals.create',
  'GET /api/cash_withdrawals': 'cashWithdrawals.list',
  'POST /api/cash_withdrawals': 'cashWithdrawals.create',
  'GET /api/users': 'users.list',
  'POST /api/users': 'users.create',
};
