import { defineCatalog } from '../../core/catalog.js';

/**
 * AlphaPoint APEX calls (`POST /<FunctionName>` with a JSON body). Cancels are idempotent (cancelling twice
 * moves nothing); order and ticket creation is not. A deposit ticket moves no money out, so reading is enough.
 */
export const alphapointCatalog = defineCatalog({
  GetInstruments: { method: 'POST', path: '/GetInstruments', permission: 'public', idempotent: true },
  GetProducts: { method: 'POST', path: '/GetProducts', permission: 'public', idempotent: true },
  GetLevel1: { method: 'POST', path: '/GetLevel1', permission: 'public', idempotent: true },
  GetLevel1Summary: { method: 'POST', path: '/GetLevel1Summary', permission: 'public', idempotent: true },
  GetL2Snapshot: { method: 'POST', path: '/GetL2Snapshot', permission: 'public', idempotent: true },

  GetUserInfo: { method: 'POST', path: '/GetUserInfo', permission: 'read', idempotent: true },
  GetAccountInfo: { method: 'POST', path: '/GetAccountInfo', permission: 'read', idempotent: true },
  GetAccountPositions: { method: 'POST', path: '/GetAccountPositions', permission: 'read', idempotent: true },
  GetOpenOrders: { method: 'POST', path: '/GetOpenOrders', permission: 'read', idempotent: true },
  GetOrderStatus: { method: 'POST', path: '/GetOrderStatus', permission: 'read', idempotent: true },
  GetOrderHistory: { method: 'POST', path: '/GetOrderHistory', permission: 'read', idempotent: true },
  GetTradesHistory: { method: 'POST', path: '/GetTradesHistory', permission: 'read', idempotent: true },
  GetWithdrawTickets: { method: 'POST', path: '/GetWithdrawTickets', permission: 'read', idempotent: true },
  GetDepositTickets: { method: 'POST', path: '/GetDepositTickets', permission: 'read', idempotent: true },
  CreateDepositTicket: {
    method: 'POST',
    path: '/CreateDepositTicket',
    permission: 'read',
    idempotent: false,
  },

  SendOrder: { method: 'POST', path: '/SendOrder', permission: 'trade', idempotent: false },
  CancelOrder: { method: 'POST', path: '/CancelOrder', permission: 'trade', idempotent: true },
  CancelAllOrders: { method: 'POST', path: '/CancelAllOrders', permission: 'trade', idempotent: true },

  CreateWithdrawTicket: {
    method: 'POST',
    path: '/CreateWithdrawTicket',
    permission: 'withdraw',
    idempotent: false,
  },
});

/** The AlphaPoint catalog's type. */
export type AlphaPointCatalog = typeof alphapointCatalog;
