import { answer } from '../answers.js';
import { PAIRS } from '../markets.js';
import { cancelOrder, ordersView, placeOrder } from '../orders.js';
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
  privateRoute('GET', '/api/v2/private/orders', read, ({ state }) => answer(200, ordersView(state))),
  privateRoute('GET', '/api/v2/private/trades', read, () => answer(200, [])),
  privateRoute('GET', '/api/v2/private/trading-fees', read, () =>
    answer(
      200,
      Object.keys(PAIRS).map((symbol) => ({ symbol, maker: '0.001', taker: '0.002' })),
    ),
  ),
  privateRoute('POST', '/api/v2/private/order/create', trade, ({ state, json }) => placeOrder(state, json)),
  privateRoute('POST', '/api/v2/private/order/:id/cancel', trade, ({ state, params }) =>
    cancelOrder(state, params.id ?? ''),
  ),
];
