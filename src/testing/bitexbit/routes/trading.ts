import { answer } from '../answers.js';
import { accountOrders, accountTrades, tradingFees } from '../lists.js';
import { cancelOrder, placeOrder } from '../orders.js';
import { type PrivateRoute, privateRoute } from '../router.js';

const read = { scheme: 'v2', requires: 'read' } as const;
const trade = { scheme: 'v2', requires: 'trade' } as const;

/** The v2 private API (nonce-signed): balances, orders, trades and fees of the account. */
export const tradingRoutes: readonly PrivateRoute[] = [
  privateRoute('GET', '/api/v2/private/balance', read, ({ state, request }) => {
    const symbols = request.query.symbols;
    const list = symbols ? symbols.split(',').filter((symbol) => symbol !== '') : undefined;
    return answer(200, state.ledger.view(list));
  }),
  privateRoute('GET', '/api/v2/private/orders', read, ({ state, request }) =>
    answer(200, accountOrders(state, request.query)),
  ),
  privateRoute('GET', '/api/v2/private/trades', read, ({ state, request }) =>
    answer(200, accountTrades(state, request.query)),
  ),
  privateRoute('GET', '/api/v2/private/trading-fees', read, () => answer(200, tradingFees())),
  privateRoute('POST', '/api/v2/private/order/create', trade, ({ state, json }) => placeOrder(state, json)),
  privateRoute('POST', '/api/v2/private/order/:id/cancel', trade, ({ state, params }) =>
    cancelOrder(state, params.id ?? ''),
  ),
];
