import { buildOnce } from '../../../core/build-once.js';
import type { EndpointDefinition } from '../../../core/catalog.js';
import { commonSchemas } from '../schemas/common.js';
import { ordersSchemas } from '../schemas/orders.js';
import { tradesSchemas } from '../schemas/trades.js';

/** The endpoints, built on first use. */
export const tradesEndpoints = buildOnce(() => {
  const common = commonSchemas();
  const orders = ordersSchemas();
  const trades = tradesSchemas();
  /** Trades. */
  const tradesEndpoints = {
    GetTradesHistory: {
      method: 'POST',
      path: '/GetTradesHistory',
      permission: 'read',
      permissionDocumented: false,
      idempotent: true,
      summary: 'Lists trades, filtered by account, instrument, order, ids and time.',
      request: { body: trades.tradesHistoryBody },
      response: trades.trades,
    },
    GetAccountTrades: {
      method: 'POST',
      path: '/GetAccountTrades',
      permission: 'read',
      idempotent: true,
      summary: "Lists an account's recent trade executions (up to 200).",
      request: { body: trades.accountTradesBody },
      response: trades.trades,
    },
    GetOpenTradeReports: {
      method: 'POST',
      path: '/GetOpenTradeReports',
      permission: 'read',
      idempotent: true,
      summary: "Lists an account's open trade reports.",
      request: { body: common.accountBody },
      response: orders.orders,
    },
    GetAllOpenTradeReports: {
      method: 'POST',
      path: '/GetAllOpenTradeReports',
      permission: 'read',
      idempotent: true,
      summary: 'Lists the open block-trade reports of an instrument, counterparties removed.',
      request: { body: trades.allOpenTradeReportsBody },
      response: orders.orders,
    },
  } as const satisfies Record<string, EndpointDefinition>;
  return tradesEndpoints;
});
