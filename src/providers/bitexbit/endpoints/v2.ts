import { z } from 'zod';
import { buildOnce } from '../../../core/build-once.js';
import type { EndpointDefinition } from '../../../core/catalog.js';
import { commonSchemas } from '../schemas/common.js';
import { couponsSchemas } from '../schemas/coupons.js';
import { publicSchemas } from '../schemas/public.js';
import { tradingSchemas } from '../schemas/trading.js';
import { transfersSchemas } from '../schemas/transfers.js';

/** The endpoints, built on first use. */
export const v2Endpoints = buildOnce(() => {
  const { noBody, noQuery } = commonSchemas();
  const { createCouponBody, createdCoupon, redeemCouponBody, redeemedCoupon } = couponsSchemas();
  const {
    candle,
    currency,
    depth,
    depthQuery,
    ohlcvQuery,
    ordersQuery,
    pair,
    publicOrders,
    publicTrade,
    symbolsQuery,
    ticker,
    tradesQuery,
  } = publicSchemas();
  const { balance, cancelledOrder, createdOrder, createOrderBody, orders, trade, tradingFees } =
    tradingSchemas();
  const {
    acceptTransferBody,
    createdTransfer,
    createTransferBody,
    transferAnswer,
    transfers,
    transfersQuery,
  } = transfersSchemas();
  /** API v2 (bitexbit/api-docs-v2): public data, balance, orders, trades, fees, coupons and transfers. */
  const v2Endpoints = {
    'public.currencies': {
      method: 'GET',
      path: '/api/v2/public/currencies',
      permission: 'public',
      idempotent: true,
      summary: 'List the currencies of the exchange.',
      request: { query: noQuery },
      response: z.array(currency),
    },
    'public.currency': {
      method: 'GET',
      path: '/api/v2/public/currency/:code',
      permission: 'public',
      idempotent: true,
      summary: 'One currency by its code (the answer is not documented).',
      request: { query: noQuery },
    },
    'public.pairs': {
      method: 'GET',
      path: '/api/v2/public/pairs',
      permission: 'public',
      idempotent: true,
      summary: 'List the trading pairs with their precisions and order limits.',
      request: { query: noQuery },
      response: z.array(pair),
    },
    'public.pair': {
      method: 'GET',
      path: '/api/v2/public/pairs/:symbol',
      permission: 'public',
      idempotent: true,
      summary: 'One trading pair by its symbol (the answer is not documented).',
      request: { query: noQuery },
    },
    'public.ohlcv': {
      method: 'GET',
      path: '/api/v2/public/ohlcv',
      permission: 'public',
      idempotent: true,
      summary: "Candles of a pair's trades for a timeframe: [time, open, high, low, close, volume].",
      request: { query: ohlcvQuery },
      response: z.array(candle),
    },
    'public.tickers': {
      method: 'GET',
      path: '/api/v2/public/tickers',
      permission: 'public',
      idempotent: true,
      summary: 'Tickers of every pair, or of up to 5 given symbols.',
      request: { query: symbolsQuery },
      response: z.array(ticker),
    },
    'public.depth': {
      method: 'GET',
      path: '/api/v2/public/depth',
      permission: 'public',
      idempotent: true,
      summary: "A pair's order book, aggregated by price (at most 50 levels a side).",
      request: { query: depthQuery },
      response: depth,
    },
    'public.orders': {
      method: 'GET',
      path: '/api/v2/public/orders',
      permission: 'public',
      idempotent: true,
      summary: 'List public orders, filtered by pair, type, status, time and id.',
      request: { query: ordersQuery },
      response: publicOrders,
    },
    'public.trades': {
      method: 'GET',
      path: '/api/v2/public/trades',
      permission: 'public',
      idempotent: true,
      summary: 'List public trades, filtered by pair, side, time and id.',
      request: { query: tradesQuery },
      response: z.array(publicTrade),
    },

    'balance.get': {
      method: 'GET',
      path: '/api/v2/private/balance',
      permission: 'read',
      idempotent: true,
      summary: "The account's available and reserved funds per currency.",
      request: { query: symbolsQuery },
      response: balance,
    },
    'orders.list': {
      method: 'GET',
      path: '/api/v2/private/orders',
      permission: 'read',
      idempotent: true,
      summary: "List the account's orders, filtered by pair, type, status, time and id.",
      request: { query: ordersQuery },
      response: orders,
    },
    'orders.trades': {
      method: 'GET',
      path: '/api/v2/private/orders/:id/trades',
      permission: 'read',
      permissionDocumented: false,
      idempotent: true,
      summary:
        "The trades of one of the account's orders (in the docs' sample client only; no answer documented).",
      request: { query: noQuery },
    },
    'trades.list': {
      method: 'GET',
      path: '/api/v2/private/trades',
      permission: 'read',
      idempotent: true,
      summary: "List the account's trades, filtered by pair, side, time and id.",
      request: { query: tradesQuery },
      response: z.array(trade),
    },
    'tradingFees.get': {
      method: 'GET',
      path: '/api/v2/private/trading-fees',
      permission: 'read',
      idempotent: true,
      summary: "The account's fee rates, overall and per pair.",
      request: { query: noQuery },
      response: tradingFees,
    },
    'orders.create': {
      method: 'POST',
      path: '/api/v2/private/order/create',
      permission: 'trade',
      idempotent: false,
      summary: 'Place a limit order (CAN_CREATE_ORDER); answers the order, trades it made and changed funds.',
      request: { body: createOrderBody },
      response: createdOrder,
    },
    'orders.cancel': {
      method: 'POST',
      path: '/api/v2/private/order/:id/cancel',
      permission: 'trade',
      idempotent: false,
      summary: 'Cancel an order (CAN_CANCEL_ORDER); answers the cancel, the order and changed funds.',
      request: { body: noBody },
      response: cancelledOrder,
    },

    'coupons.create': {
      method: 'POST',
      path: '/api/v2/private/coupon/create',
      permission: 'withdraw',
      permissionDocumented: false,
      idempotent: false,
      summary:
        'Turn funds into a coupon code anyone (or only recipient_email) can redeem (CAN_CREATE_COUPON).',
      request: { body: createCouponBody },
      response: createdCoupon,
    },
    'coupons.redeem': {
      method: 'POST',
      path: '/api/v2/private/coupon/redeem',
      permission: 'trade',
      permissionDocumented: false,
      idempotent: false,
      summary: "Redeem a coupon code into the account's funds (CAN_REDEEM_COUPON).",
      request: { body: redeemCouponBody },
      response: redeemedCoupon,
    },

    'transfers.list': {
      method: 'GET',
      path: '/api/v2/private/transfers/',
      permission: 'read',
      idempotent: true,
      summary: "List the account's transfers to and from other users, filtered by currency and status.",
      request: { query: transfersQuery },
      response: transfers,
    },
    'transfers.create': {
      method: 'POST',
      path: '/api/v2/private/transfers/create/',
      permission: 'withdraw',
      permissionDocumented: false,
      idempotent: false,
      summary: 'Send funds to another user by uid, optionally held until accepted with a security code.',
      request: { body: createTransferBody },
      response: createdTransfer,
    },
    'transfers.accept': {
      method: 'POST',
      path: '/api/v2/private/transfers/:txid/accept/',
      permission: 'trade',
      permissionDocumented: false,
      idempotent: false,
      summary: 'Accept a transfer sent to the account, with its security code when it has one.',
      request: { body: acceptTransferBody },
      response: transferAnswer,
    },
    'transfers.cancel': {
      method: 'POST',
      path: '/api/v2/private/transfers/:txid/cancel/',
      permission: 'trade',
      permissionDocumented: false,
      idempotent: false,
      summary: 'Cancel a pending transfer.',
      request: { body: noBody },
      response: transferAnswer,
    },
  } as const satisfies Record<string, EndpointDefinition>;
  return v2Endpoints;
});
