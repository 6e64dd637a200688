import { buildOnce } from '../../../core/build-once.js';
import type { EndpointDefinition } from '../../../core/catalog.js';
import { commonSchemas } from '../schemas/common.js';
import { ordersSchemas } from '../schemas/orders.js';

/** The endpoints, built on first use. */
export const ordersEndpoints = buildOnce(() => {
  const common = commonSchemas();
  const orders = ordersSchemas();
  /** Orders. */
  const ordersEndpoints = {
    SendOrder: {
      method: 'POST',
      path: '/SendOrder',
      permission: 'trade',
      idempotent: false,
      summary: 'Places an order.',
      request: { body: orders.sendOrderBody },
      response: orders.sentOrder,
    },
    CancelOrder: {
      method: 'POST',
      path: '/CancelOrder',
      permission: 'trade',
      idempotent: true,
      summary: 'Cancels an open order (by order id, or by account and client order id).',
      request: { body: orders.cancelOrderBody },
      response: common.standardResponse,
    },
    CancelAllOrders: {
      method: 'POST',
      path: '/CancelAllOrders',
      permission: 'trade',
      idempotent: true,
      summary: 'Cancels all open orders of an account, or of one instrument.',
      request: { body: orders.cancelAllOrdersBody },
      response: common.standardResponse,
    },
    CancelReplaceOrder: {
      method: 'POST',
      path: '/CancelReplaceOrder',
      permission: 'trade',
      idempotent: false,
      summary: 'Cancels an order and places a replacement (losing book priority).',
      request: { body: orders.cancelReplaceOrderBody },
      response: orders.replacedOrder,
    },
    ModifyOrder: {
      method: 'POST',
      path: '/ModifyOrder',
      permission: 'trade',
      idempotent: true,
      summary: "Lowers an order's quantity, keeping its book priority.",
      request: { body: orders.modifyOrderBody },
      response: common.standardResponse,
    },
    GetOpenOrders: {
      method: 'POST',
      path: '/GetOpenOrders',
      permission: 'read',
      idempotent: true,
      summary: "Lists an account's open orders.",
      request: { body: orders.openOrdersBody },
      response: orders.orders,
    },
    GetOrderStatus: {
      method: 'POST',
      path: '/GetOrderStatus',
      permission: 'read',
      permissionDocumented: false,
      idempotent: true,
      summary: "Returns one order's current state.",
      request: { body: orders.orderStatusBody },
      response: orders.orderStatus,
    },
    GetOrderHistory: {
      method: 'POST',
      path: '/GetOrderHistory',
      permission: 'read',
      idempotent: true,
      summary: "Lists an account's orders, open and closed.",
      request: { body: orders.orderHistoryBody },
      response: orders.orders,
    },
    GetOrdersHistory: {
      method: 'POST',
      path: '/GetOrdersHistory',
      permission: 'read',
      permissionDocumented: false,
      idempotent: true,
      summary: 'Lists orders, filtered by account, instrument, ids and time.',
      request: { body: orders.ordersHistoryBody },
      response: orders.orders,
    },
    GetOrderHistoryByOrderId: {
      method: 'POST',
      path: '/GetOrderHistoryByOrderId',
      permission: 'read',
      permissionDocumented: false,
      idempotent: true,
      summary: 'Lists the states of one order.',
      request: { body: orders.orderHistoryByIdBody },
      response: orders.orders,
    },
    GetOrderFee: {
      method: 'POST',
      path: '/GetOrderFee',
      permission: 'read',
      permissionDocumented: false,
      idempotent: true,
      summary: 'Estimates the fee of a proposed order.',
      request: { body: orders.orderFeeBody },
      response: orders.orderFee,
    },
  } as const satisfies Record<string, EndpointDefinition>;
  return ordersEndpoints;
});
