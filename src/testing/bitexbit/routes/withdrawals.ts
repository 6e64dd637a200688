import { type PrivateRoute, privateRoute } from '../router.js';
import { withdraw, withdrawalHistory } from '../withdrawals.js';

const read = { scheme: 'gateway', requires: 'read' } as const;
const withdrawal = { scheme: 'gateway', requires: 'withdraw' } as const;

/** The gateway API (deadline-signed): withdrawals. */
export const withdrawalRoutes: readonly PrivateRoute[] = [
  privateRoute('POST', '/api/gateway/withdraw/create', withdrawal, ({ state, json }) =>
    withdraw(state, json),
  ),
  privateRoute('GET', '/api/gateway/withdraw/history', read, ({ state, request }) =>
    withdrawalHistory(state, request),
  ),
];
