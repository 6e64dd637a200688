import { describe, expect, it } from 'vitest';
import { ConfigurationError, createClient, type EndpointDefinition } from '../../src/index.js';
import { bitexbitCatalog } from '../../src/providers/bitexbit/catalog.js';
import { bitexbit } from '../../src/providers/bitexbit/index.js';
import { thrown } from '../support/leaks.js';

// The documented examples, copied from bitexbit's public docs:
//   V2 = github.com/bitexbit/api-docs-v2 @ 4c41f0b, source/index.html.md
//   GW = github.com/bitexbit/api-docs-gateway @ 9dbaade, source/index.html.md
// Where a published example is not valid JSON (a trailing comma, a missing comma or brace), the copy fixes only
// that, and says so.

type Name = keyof typeof bitexbitCatalog;

const V2 = 'bitexbit/api-docs-v2 source/index.html.md';
const GW = 'bitexbit/api-docs-gateway source/index.html.md';

const order = {
  id: 33852806,
  date: 1544617382079,
  symbol: 'BTC_USD',
  type: 'sell-limit',
  price: '1000.00000000',
  amount: '0.00150000',
  amount_unfilled: '0.00150000',
  amount_filled: '0.00000000',
  amount_cancelled: null,
  value_filled: '0.00000000',
  fee_filled: '0.00000000',
  price_avg: null,
  done_at: null,
  state: 'submitted',
};

const transfer = {
  txid: '9699f3c5b4b1aa0d2528',
  amount: '10.00000000',
  currency: { code: 'USDT', name: 'Tether USD', precision: 2 },
  sender: 'BL1314K55FL',
  receiver: { uid: 'VB4DF1HQ4D7', verified: false },
  status: { key: 20, label: 'Cancelled' },
  description: null,
  valid_till: '2021-08-31T12:38:05.859390Z',
};

const withdrawal = {
  id: 0,
  ticker: 'USDT',
  network: 'tron',
  address: 'TR4d6N2HoC3Annqt2JK6HhQWuNARMNx5pW',
  payment_id: null,
  memo: null,
  comment: 'Call after success',
  destination_tag: null,
  amount: '22.0000000',
  callback_url: null,
  client_order_id: 'order_123',
  fee_payer: 1,
  status: 0,
  auto_buy: { symbol: 'ETH', amount: 22, price: 3300, side: 1, state: 'string' },
  created_at: '2021-05-21T13:28:32.095Z',
};

/** Each endpoint's documented answer example, with where it comes from. */
const ANSWERS: Partial<Record<Name, { source: string; example: unknown }>> = {
  'public.currencies': {
    source: `${V2}, "Currencies" > Response Example`,
    example: [
      {
        code: 'BTC',
        name: 'Bitcoin',
        image_url: 'https://bitexbit.com/media/currency/BTC/l.TpjkNtFB2Q9QQbBO.png',
        precision: 8,
        is_enabled: true,
      },
      {
        code: 'ETH',
        name: 'Ethereum',
        image_url: 'https://bitexbit.com/media/currency/ETH/l.MN2H93w4xXpDIRhX.png',
        precision: 5,
        is_enabled: true,
      },
    ],
  },
  'public.pairs': {
    source: `${V2}, "Pairs" > Response Example`,
    example: [
      {
        symbol: 'BTC_USD',
        label: 'BTC/USD',
        base: 'BTC',
        quote: 'USD',
        price_precision: 3,
        amount_precision: 6,
        min_amount: '0.00001000',
        max_amount: '100000000',
        min_value: '0.00001000',
        can_create_order: true,
        can_cancel_order: true,
        is_enabled: true,
      },
      {
        symbol: 'LTC_USD',
        label: 'LTC/USD',
        base: 'LTC',
        quote: 'USD',
        price_precision: 4,
        amount_precision: 8,
        min_amount: '0.00001000',
        max_amount: '100000000',
        min_value: '0.00001000',
        can_create_order: true,
        can_cancel_order: true,
        is_enabled: true,
      },
    ],
  },
  'public.ohlcv': {
    source: `${V2}, "Open-High-Low-Close-Volume" > Response Example`,
    example: [
      [1477958400, '715.00000000', '720.20000000', '715.00000000', '717.00000000', '0.01924864'],
      [1478044800, '717.00000000', '717.50000000', '712.00000000', '716.50000000', '0.08771271'],
    ],
  },
  'public.tickers': {
    source: `${V2}, "Tickers" > Response Example`,
    example: [
      {
        date: 1547535929556,
        symbol: 'BTC_USD',
        last: '3781.33900000',
        buy: '3781.33900000',
        sell: '3781.94500000',
        change: '0.00000000',
        vol1: '0.00000000',
        vol2: '0.00000000',
        high: '0.00000000',
        low: '0.00000000',
      },
      {
        date: 1547535923368,
        symbol: 'ETH_USD',
        last: '132.33000000',
        buy: '132.08000000',
        sell: '132.33000000',
        change: '0.00000000',
        vol1: '0.00000000',
        vol2: '0.00000000',
        high: '0.00000000',
        low: '0.00000000',
      },
    ],
  },
  'public.depth': {
    source: `${V2}, "Orderbook Depth" > Response Example`,
    example: {
      date: 1568905003.866091,
      asks: [
        [1, 1],
        [2, 4],
      ],
      bids: [
        [1, 1],
        [2, 4],
      ],
      sum_bids: 5,
      sum_asks: 5,
    },
  },
  'public.orders': {
    source: `${V2}, "Public Orders" > Response Example`,
    example: [
      {
        id: 34,
        date: 1478036172902,
        type: 'buy-limit',
        symbol: 'BTC_USD',
        price: '433.00000000',
        amount: '0.00692841',
        amount_unfilled: '0.00692841',
        amount_filled: null,
        amount_cancelled: null,
        value_filled: null,
        price_avg: null,
        done_at: null,
        state: 'submitted',
      },
      {
        id: 28,
        date: 1478033710751,
        type: 'buy-limit',
        symbol: 'BTC_USD',
        price: '55.00000000',
        amount: '0.00876952',
        amount_unfilled: '0.00876952',
        amount_filled: null,
        amount_cancelled: null,
        value_filled: null,
        price_avg: null,
        done_at: null,
        state: 'submitted',
      },
    ],
  },
  'public.trades': {
    source: `${V2}, "Public Trades" > Response Example`,
    example: [
      {
        date: 1543252041327,
        id: 17802900,
        symbol: 'BTC_USD',
        price: '6609.00000000',
        amount: '0.00075600',
        type: 'buy',
      },
      {
        date: 1541591882904,
        id: 17802242,
        symbol: 'BTC_USD',
        price: '6610.00000000',
        amount: '0.00100000',
        type: 'buy',
      },
      {
        date: 1541591750140,
        id: 17802190,
        symbol: 'BTC_USD',
        price: '6636.71000000',
        amount: '0.00002335',
        type: 'buy',
      },
    ],
  },
  'orders.create': {
    source: `${V2}, "Create Order" > Response Example`,
    example: {
      order,
      trades: [],
      funds: [{ symbol: 'USD', available: '5.15245011', reserved: '1.49999876' }],
    },
  },
  'orders.cancel': {
    source: `${V2}, "Cancel Order" > Response Example`,
    example: {
      cancel: { id: 458528, date: 1544617682079 },
      order: {
        ...order,
        amount_unfilled: '0.00000000',
        amount_cancelled: '0.00150000',
        done_at: 1544617682079,
        state: 'canceled',
      },
      funds: [{ symbol: 'USD', available: '6.65244888', reserved: '0.00000000' }],
    },
  },
  'orders.list': {
    source: `${V2}, "Private Orders" > Response Example`,
    example: [
      {
        id: 34,
        date: 1478036172902,
        type: 'buy-limit',
        symbol: 'BTC_USD',
        price: '433.00000000',
        amount: '0.00692841',
        amount_unfilled: '0.00692841',
        amount_filled: null,
        amount_cancelled: null,
        value_filled: null,
        fee_filled: null,
        price_avg: null,
        done_at: null,
        state: 'submitted',
      },
      {
        id: 28,
        date: 1478033710751,
        type: 'buy-limit',
        symbol: 'BTC_USD',
        price: '55.00000000',
        amount: '0.00876952',
        amount_unfilled: '0.00876952',
        amount_filled: null,
        amount_cancelled: null,
        value_filled: null,
        fee_filled: null,
        price_avg: null,
        done_at: null,
        state: 'submitted',
      },
    ],
  },
  'trades.list': {
    source: `${V2}, "Private Trades" > Response Example`,
    example: [
      {
        id: 17802902,
        date: 1544617013258,
        type: 'buy',
        symbol: 'BTC_USD',
        price: '6585.00000000',
        amount: '1',
        fee_amount: '0.01316842',
        fee_rate: '0.00200000',
        fee_symbol: 'USD',
      },
    ],
  },
  'balance.get': {
    source: `${V2}, "Balance" > Response Example`,
    example: [
      { symbol: 'BTC', available: '0.00661226', reserved: '0.00000000' },
      { symbol: 'USD', available: '6.65245012', reserved: '0.00000124' },
    ],
  },
  'tradingFees.get': {
    source: `${V2}, "Trading Fees" > Response Example`,
    example: {
      sell_fee_rate: '0.00200000',
      buy_fee_rate: '0.00200000',
      pair_fee_rates: [{ symbol: 'BTC_USD', sell_fee_rate: '0.00000000', buy_fee_rate: '0.00000000' }],
    },
  },
  'coupons.create': {
    source: `${V2}, "Create coupon" > Response Example`,
    example: {
      code: 'BTClYyR9gLNrZCN35KY4DFxc64roF1RJKsxxgEuMyRdnmkp7qmrw5XGVjQrk2UZhccFD',
      coupon: {
        date: 1544695102296,
        opid: 48480429,
        amount: '0.05000000',
        symbol: 'BTC',
        recipient_email: null,
      },
      funds: [{ symbol: 'BTC', available: '0.12060000', reserved: '0.00000000' }],
    },
  },
  'coupons.redeem': {
    source: `${V2}, "Redeem coupon" > Response Example (fixed: a trailing comma, a missing comma)`,
    example: {
      redeem: { date: 1544696109.65948, amount: '0.05000000', symbol: 'BTC' },
      funds: [{ symbol: 'BTC', available: '0.12560000', reserved: '0.00000000' }],
    },
  },
  'transfers.list': {
    source: `${V2}, "Transfers List" > Response Example (fixed: two trailing commas)`,
    example: {
      count: 7,
      next: null,
      previous: null,
      results: [
        {
          txid: 'f346a4094fc8a56ba0ad',
          date: '2021-08-30T10:21:26.771489Z',
          amount: '10.00000000',
          currency: { code: 'USDT', name: 'Tether USD', precision: 2 },
          sender: 'BL1314K55FL',
          receiver: { uid: 'VB4DF1HQ4D7', verified: false },
          status: { key: 30, label: 'Success' },
          description: null,
          valid_till: '2021-08-31T10:21:26.760408Z',
          is_outgoing: true,
          can_cancel: false,
          can_accept: false,
        },
      ],
    },
  },
  'transfers.create': {
    source: `${V2}, "Create Transfer" > Response Example`,
    example: {
      receiver: 'user@email.com',
      amount: '10.00000000',
      currency: 'USDT',
      description: 'Smile',
      txid: '12345abc',
      status: { key: 10, label: 'Pending' },
      valid_till: '2021-08-31T13:07:38.871103Z',
      is_protected: true,
    },
  },
  'transfers.accept': { source: `${V2}, "Accept Transfer" > Response Example`, example: { transfer } },
  'transfers.cancel': { source: `${V2}, "Cancel Transfer" > Response Example`, example: { transfer } },
  'paymentMethods.list': {
    source: `${GW}, "Payment Methods" > Sample output (fixed: a trailing comma)`,
    example: [
      {
        ticker: 'BTC',
        network: 'bitcoin',
        min_deposit: '0.00100000',
        max_deposit: '10000000000.00000000',
        deposit_fee_amount: '0.00000000',
        deposit_fee_rate: '0.00000000',
        min_withdraw: '0.00060000',
        max_withdraw: '100.00000000',
        withdraw_fee_amount: '0.00040000',
        withdraw_fee_rate: '0.00000000',
        withdraw_fee_currency: 'BTC',
        is_fiat: false,
        is_deposit_enabled: true,
        is_withdraw_enabled: true,
      },
      {
        ticker: 'UAH',
        network: 'wiretransfer',
        min_deposit: '25.20000000',
        max_deposit: '100000.00000000',
        deposit_fee_amount: '5.00000000',
        deposit_fee_rate: '0.01000000',
        min_withdraw: '100.00000000',
        max_withdraw: '10000.00000000',
        withdraw_fee_amount: '5.00000000',
        withdraw_fee_rate: '0.01500000',
        withdraw_fee_currency: 'UAH',
        is_fiat: true,
        is_deposit_enabled: true,
        is_withdraw_enabled: true,
      },
    ],
  },
  'wallets.create': {
    source: `${GW}, "Wallet Create" > Sample output`,
    example: {
      address: '0x35f03647b25bd3e3221608dc05f079c0ce3ba3b1',
      slug: '659b46e76ae05ce03b19ec39f64dbea6f29e',
      ticker: 'ETH',
      network: 'ethereum',
      callback_url: null,
      convert_ticker: 'USDT',
      convert_limit: '10000.00000000',
      convert_percent: '2.00000000',
      created_at: '2021-05-21T12:10:54.552073Z',
    },
  },
  'wallets.list': {
    source: `${GW}, "Wallets List" > Sample output`,
    example: {
      count: 2,
      next: ' https://www.bitexbit.com/api/gateway/wallets?page=2',
      previous: null,
      results: [
        {
          address: 'TR4d6N2HoC3Annqt2JK6HhQWuNARMNx5pW',
          slug: '529e67dd83f210e727702d15ffbde9548917',
          ticker: 'USDT',
          network: 'tron',
          callback_url: null,
          convert_ticker: 'ETH',
          convert_limit: '30.00000000',
          convert_percent: '0.10000000',
          created_at: '2021-05-20T14:42:15.210193Z',
        },
        {
          address: 'TKpR2mrEj2Stnm4QLNMf97zWvgmSGvuLMU',
          slug: 'fd00bbe3f2b24da40b62cf6675f03f656e3a',
          ticker: 'USDT',
          network: 'tron',
          callback_url: null,
          convert_ticker: null,
          convert_limit: null,
          convert_percent: null,
          created_at: '2021-05-20T14:06:35.498294Z',
        },
      ],
    },
  },
  'wallets.history': {
    source: `${GW}, "Wallet History" > Sample output`,
    example: {
      count: 123,
      next: ' https://www.bitexbit.com/api/gateway/wallet/history?page=2',
      previous: null,
      results: [
        {
          address: 'TR4d6N2HoC3Annqt2JK6HhQWuNARMNx5pW',
          wallet_slug: '529e67dd83f210e727702d15ffbde9548917',
          date: '2021-05-20T14:56:10.196967Z',
          amount: '5.00000000',
          fee: '0.00000000',
          ticker: 'USDT',
          network: 'tron',
          status: '5',
          txid: 'b104deee6cdbd07e4d97f16b88ec21014059d5837e2428a7f0d48e58e80d5d81',
          actual_confirmations: null,
          required_confirmations: 40,
          aml_success: true,
          aml_risk: 0,
          aml_url: null,
          created_at: '2021-05-20T14:56:10.196967Z',
        },
      ],
    },
  },
  'invoices.create': {
    source: `${GW}, "Create invoice" > Sample output (fixed: a trailing comma)`,
    example: {
      slug: '659b46e33ae05ce03b19ec39f64dbea6f29e',
      ticker: 'USDT',
      network: 'payeer',
      amount: 120,
      proceed_url: 'payment-url',
      payment_url: 'https://exchange.com/success',
      convert_ticker: 'ETH',
      convert_limit: '10000.00000000',
      convert_percent: '2.00000000',
      created_at: '2021-05-21T12:10:54.552073Z',
    },
  },
  'invoices.list': {
    source: `${GW}, "Invoices List" > Sample output`,
    example: {
      count: 2,
      next: ' https://www.bitexbit.com/api/gateway/invoices?page=2',
      previous: null,
      results: [
        {
          slug: '659b46e33ae05ce03b19ec39f64dbea6f29e',
          ticker: 'USDT',
          network: 'payeer',
          amount: 120,
          callback_url: 'https://exchange.com/api/callback',
          convert_ticker: 'ETH',
          convert_limit: '10000.00000000',
          convert_percent: '2.00000000',
          created_at: '2021-05-21T12:10:54.552073Z',
        },
      ],
    },
  },
  'invoices.history': {
    source: `${GW}, "Invoices History" > Sample output`,
    example: {
      count: 123,
      next: ' https://www.bitexbit.com/api/gateway/invoice/history?page=2',
      previous: null,
      results: [
        {
          date: '2021-05-25T14:54:32.826135Z',
          amount: '292.00000000',
          fee: '8.00000000',
          ticker: 'UAH',
          network: 'wiretransfer',
          status: '5',
          txid: '361865033',
          convert: {
            symbol: 'USDT_UAH',
            amount: '9.04537866',
            price: '28.52850000',
            side: 'BUY',
            state: 'partial-filled',
          },
          created_at: '2021-05-25T14:54:32.826135Z',
        },
      ],
    },
  },
  'withdrawals.create': { source: `${GW}, "Withdraw Create" > Sample output`, example: withdrawal },
  'withdrawals.list': {
    source: `${GW}, "Withdraw History" > Sample output (fixed: the closing brace)`,
    example: {
      count: 123,
      next: ' https://www.bitexbit.com/api/gateway/withdraw/history?page=2',
      previous: null,
      results: [
        {
          ...withdrawal,
          amount: 22,
          txid: 'string',
          aml_success: 'string',
          aml_risk: 'string',
          aml_url: 'string',
        },
      ],
    },
  },
};

/** Each endpoint's documented request example (a sample body, or parameters the docs list), with its source. */
const REQUESTS: Partial<Record<Name, { source: string; query?: object; body?: object }>> = {
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

const names = Object.keys(bitexbitCatalog) as Name[];
const entries = names.map((name) => [name, bitexbitCatalog[name] as EndpointDefinition] as const);

/** The example with one field nobody documented added: at the top of an object, in the first element of a list. */
function withUnknownField(example: unknown): unknown {
  if (Array.isArray(example)) {
    const [first, ...rest] = example;
    return [Array.isArray(first) ? [...first, 'added later'] : withUnknownField(first), ...rest];
  }
  return { ...(example as object), added_later: { by: 'bitexbit' } };
}

describe('the bitexbit catalog', () => {
  it('keeps every name it had, and adds the endpoints the docs list', () => {
    const before = [
      'public.currencies',
      'public.pairs',
      'public.ohlcv',
      'public.tickers',
      'public.depth',
      'public.orders',
      'public.trades',
      'balance.get',
      'orders.list',
      'trades.list',
      'tradingFees.get',
      'orders.create',
      'orders.cancel',
      'withdrawals.create',
      'withdrawals.list',
    ];
    const added = [
      'public.currency',
      'public.pair',
      'orders.trades',
      'coupons.create',
      'coupons.redeem',
      'transfers.list',
      'transfers.create',
      'transfers.accept',
      'transfers.cancel',
      'paymentMethods.list',
      'wallets.create',
      'wallets.list',
      'wallets.history',
      'invoices.create',
      'invoices.list',
      'invoices.history',
    ];
    expect([...names].sort()).toEqual([...before, ...added].sort());
  });

  it('every entry has a summary, and only reads are idempotent', () => {
    for (const [name, endpoint] of entries) {
      expect(endpoint.summary, name).toBeTruthy();
      expect(endpoint.idempotent, name).toBe(endpoint.method === 'GET');
    }
  });

  it('says which permissions bitexbit does not document', () => {
    const undocumented = entries
      .filter(([, endpoint]) => endpoint.permissionDocumented === false)
      .map(([name, endpoint]) => `${name} ${endpoint.permission}`);
    expect(undocumented).toEqual([
      'orders.trades read',
      'coupons.create withdraw',
      'coupons.redeem trade',
      'transfers.create withdraw',
      'transfers.accept trade',
      'transfers.cancel trade',
      'paymentMethods.list read',
      'wallets.create trade',
      'invoices.create trade',
    ]);
  });

  it('moving funds out of the account needs withdraw; reading needs read; the docs say FREE for public', () => {
    const permission = (name: Name): string => bitexbitCatalog[name].permission;
    expect(
      ['withdrawals.create', 'coupons.create', 'transfers.create'].map((n) => permission(n as Name)),
    ).toEqual(['withdraw', 'withdraw', 'withdraw']);
    for (const [name, endpoint] of entries) {
      if (name.startsWith('public.')) expect(endpoint.permission, name).toBe('public');
      else if (endpoint.method === 'GET') expect(endpoint.permission, name).toBe('read');
    }
  });
});

describe('each answer schema accepts the documented example', () => {
  for (const [name, endpoint] of entries) {
    const documented = ANSWERS[name];
    if (!endpoint.response) {
      it(`${name}: the docs show no answer, so none is checked`, () => {
        expect(documented).toBeUndefined();
        expect(endpoint.summary).toContain('answer');
      });
      continue;
    }
    const schema = endpoint.response;
    it(`${name}: the example of ${documented?.source ?? '(missing)'}`, () => {
      expect(documented, `no documented example copied for ${name}`).toBeDefined();
      const parsed = schema.safeParse(documented?.example);
      expect(parsed.error?.issues ?? []).toEqual([]);
      expect(parsed.data).toEqual(documented?.example);
    });
    it(`${name}: and a copy with a field bitexbit adds later, which passes through`, () => {
      const extended = withUnknownField(documented?.example);
      const parsed = schema.safeParse(extended);
      expect(parsed.error?.issues ?? []).toEqual([]);
      expect(parsed.data).toEqual(extended);
    });
  }
});

describe('each request schema takes the documented input and refuses an unknown field', () => {
  for (const [name, endpoint] of entries) {
    const documented = REQUESTS[name];
    for (const part of ['query', 'body'] as const) {
      const schema = endpoint.request?.[part];
      const example = documented?.[part];
      if (!schema) {
        it(`${name}: documents no ${part}, and the catalog checks none`, () => {
          expect(example).toBeUndefined();
        });
        continue;
      }
      it(`${name} ${part}: ${documented?.source ?? '(missing)'}`, () => {
        expect(example, `no documented ${part} copied for ${name}`).toBeDefined();
        expect(schema.safeParse(example).error?.issues ?? []).toEqual([]);
        const refused = schema.safeParse({ ...example, not_documented: 1 });
        expect(refused.success).toBe(false);
        expect(refused.error?.issues.map((issue) => issue.code)).toContain('unrecognized_keys');
      });
    }
  }

  it('bodies go out in the documented field order, whatever order they were given in', () => {
    const body = bitexbitCatalog['orders.create'].request.body;
    const given = { type: 'buy-limit', amount: '0.001', price: '30000', symbol: 'BTC_USD' };
    expect(JSON.stringify(body.parse(given))).toBe(
      '{"symbol":"BTC_USD","price":"30000","amount":"0.001","type":"buy-limit"}',
    );
  });

  it('documented constraints are checked: decimal strings, enumerations, limits, dependent fields', () => {
    const { request } = bitexbitCatalog['orders.create'];
    const order = { symbol: 'BTC_USD', price: '30000', amount: '0.001', type: 'buy-limit' };
    expect(request.body.safeParse({ ...order, price: '-1' }).success).toBe(false);
    expect(request.body.safeParse({ ...order, price: '1e3' }).success).toBe(false);
    expect(request.body.safeParse({ ...order, type: 'market' }).success).toBe(false);
    expect(request.body.safeParse({ ...order, amount: undefined }).success).toBe(false);
    const depth = bitexbitCatalog['public.depth'].request.query;
    expect(depth.safeParse({ symbol: 'BTC_USD', limit: 51 }).success).toBe(false);
    const transfer = bitexbitCatalog['transfers.create'].request.body;
    const base = { receiver: 'VB4DF1HQ4D7', currency: 'USDT', amount: 10 };
    expect(transfer.safeParse({ ...base, security_code: 1234 }).success).toBe(false);
    expect(transfer.safeParse({ ...base, description: 'x'.repeat(81) }).success).toBe(false);
    const withdrawal = bitexbitCatalog['withdrawals.create'].request.body;
    expect(withdrawal.safeParse({ ticker: 'USDT', network: 'tron', amount: 1, fee_payer: 3 }).success).toBe(
      false,
    );
  });

  it('through the client: an unknown body field is refused before anything is sent', async () => {
    const client = createClient(
      bitexbit({
        accessKey: 'ak_catalog_test',
        privateKey: 'sk_catalog_test',
        access: 'trade',
        baseURL: 'http://127.0.0.1:9',
      }),
      { rateLimit: false },
    );
    const body = { symbol: 'BTC_USD', price: '1', amount: '1', type: 'buy-limit', wrong: 1 };
    const error = await thrown(() => client.call('orders.create', { body } as never));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).field).toBe('body.wrong');
    expect((error as ConfigurationError).message).toContain('Nothing was sent');
  });
});
