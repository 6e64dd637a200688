import { GW, type Requests, V2 } from './shared.js';

/** Documented requests. */
export const REQUESTS: Requests = {
  'public.currencies': { source: `${V2}, "Currencies": no parameters`, query: {} },
  'public.currency': { source: `${V2}, "Currency details": the code is in the path`, query: {} },
  'public.pairs': { source: `${V2}, "Pairs": no parameters`, query: {} },
  'public.pair': { source: `${V2}, "Pair Details": the symbol is in the path`, query: {} },
  'public.ohlcv': {
    source: `${V2}, "Open-High-Low-Close-Volume" > Parameters`,
    query: { symbol: 'BTC_USD', timeframe: '60', since: 1477958400, until: 1478044800, limit: 100 },
  },
  'public.tickers': { source: `${V2}, "Tickers" > Parameters`, query: { symbols: 'BTC_USD,BTC_USDT' } },
  'public.depth': {
    source: `${V2}, "Orderbook Depth" > Parameters`,
    query: { symbol: 'BTC_USD', limit: 50 },
  },
  'public.orders': {
    source: `${V2}, "Public Orders" > Parameters`,
    query: { symbol: 'BTC_USD', type: 'buy-limit', status: 'active', since_id: 1, until_id: 99, limit: 1000 },
  },
  'public.trades': {
    source: `${V2}, "Public Trades" > Parameters`,
    query: { symbol: 'BTC_USD', type: 'sell', since: 1541591750140, until: 1543252041327, limit: 10 },
  },
  'balance.get': { source: `${V2}, "Balance" > Parameters`, query: { symbols: 'BTC,USD' } },
  'orders.list': {
    source: `${V2}, "Private Orders" > Parameters`,
    query: { symbol: 'BTC_USD', type: 'sell-limit', status: 'done', limit: 100 },
  },
  'orders.trades': { source: `${V2}, "Api example" getMyOrderTrades: no parameters`, query: {} },
  'trades.list': {
    source: `${V2}, "Private Trades" > Parameters`,
    query: { symbol: 'BTC_USD', type: 'buy', since_id: 17802900 },
  },
  'tradingFees.get': { source: `${V2}, "Trading Fees": no parameters`, query: {} },
  'orders.create': {
    source: `${V2}, "Create Order" > Parameters; order of the "Api example" createOrder`,
    body: { symbol: 'BTC_USD', price: '1000', amount: '0.0015', type: 'sell-limit' },
  },
  'orders.cancel': { source: `${V2}, "Cancel Order": the id is in the path, no body`, body: {} },
  'coupons.create': {
    source: `${V2}, "Create coupon" > Parameters`,
    body: { amount: 0.05, symbol: 'BTC', recipient_email: 'friend@example.com' },
  },
  'coupons.redeem': {
    source: `${V2}, "Redeem coupon" > Parameters`,
    body: { code: 'BTClYyR9gLNrZCN35KY4DFxc64roF1RJKsxxgEuMyRdnmkp7qmrw5XGVjQrk2UZhccFD' },
  },
  'transfers.list': {
    source: `${V2}, "Transfers List" > Parameters`,
    query: { currency: 'USDT', status: 30, is_outgoing: true, is_outdated: false },
  },
  'transfers.create': {
    source: `${V2}, "Create Transfer" > Parameters`,
    body: {
      receiver: 'VB4DF1HQ4D7',
      currency: 'USDT',
      amount: 10,
      security_code: 1234,
      valid_days: 1,
      description: 'Smile',
    },
  },
  'transfers.accept': { source: `${V2}, "Accept Transfer" > Parameters`, body: { security_code: 1234 } },
  'transfers.cancel': { source: `${V2}, "Cancel Transfer": no parameters`, body: {} },
  'paymentMethods.list': {
    source: `${GW}, "Payment Methods" > Query Parameters`,
    query: { ordering: '-id' },
  },
  'wallets.create': {
    source: `${GW}, "Wallet Create" sample body`,
    body: {
      ticker: 'ETH',
      network: 'ethereum',
      convert_ticker: 'USDT',
      convert_limit: 10000,
      convert_percent: 2,
    },
  },
  'wallets.list': {
    source: `${GW}, "Wallets List" > Query Parameters`,
    query: { page: 1, limit: 10, ordering: 'id' },
  },
  'wallets.history': {
    source: `${GW}, "Wallet History" > Query Parameters`,
    query: { ticker: 'USDT', network: 'tron', page: 2, status: 5, ordering: '-id', limit: 50 },
  },
  'invoices.create': {
    source: `${GW}, "Create invoice" sample body`,
    body: {
      ticker: 'USDT',
      network: 'payeer',
      amount: 120,
      payment_url: 'https://exchange.com/success',
      cancel_url: 'https://exchange.com/cancel',
      callback_url: 'https://exchange.com/api/callback',
      convert_ticker: 'ETH',
      convert_limit: 10000,
      convert_percent: 2,
      client_ip: '192.168.0.1',
    },
  },
  'invoices.list': { source: `${GW}, "Invoices List" > Query Parameters`, query: { page: 1 } },
  'invoices.history': {
    source: `${GW}, "Invoices History" > Query Parameters`,
    query: { ticker: 'UAH', network: 'wiretransfer', txid: '361865033' },
  },
  'withdrawals.create': {
    source: `${GW}, "Withdraw Create" sample body`,
    body: {
      ticker: 'USDT',
      network: 'tron',
      address: 'TR4d6N2HoC3Annqt2JK6HhQWuNARMNx5pW',
      payment_id: '',
      memo: '',
      comment: 'Call after success',
      destination_tag: '',
      amount: 22,
      client_order_id: 'order_123',
      fee_payer: 1,
      auto_buy_ticker: 'ETH',
      auto_buy_percent: 10,
    },
  },
  'withdrawals.list': {
    source: `${GW}, "Withdraw History" > Query Parameters`,
    query: { ticker: 'USDT', network: 'tron', status: 30, txid: 'abc', page: 1, limit: 20 },
  },
};
