import { formatDecimal, parseDecimal } from '../../decimal.js';
import type { ServerAnswer } from '../../http-server.js';
import { jsonApi, noContent, notFound, problem } from '../answers.js';
import { attributesOf } from '../body.js';
import { findOrderbook, ORDERBOOKS } from '../markets.js';
import { cancelOrder, heldCurrency, placeOrder } from '../orders.js';
import { type PrivateCall, type PrivateRoute, privateRoute } from '../router.js';
import { orderView, tradeView } from '../views.js';

const trading = { flag: 'trading' } as const;

function positive(value: unknown, name: string): bigint | ServerAnswer {
  const units = parseDecimal(value);
  if (units !== undefined && units > 0n) return units;
  return problem({
    title: `Invalid ${name}`,
    detail: `${name} must be a positive number with at most 8 decimals`,
    code: `invalid_${name}`,
    pointer: `/data/attributes/${name}`,
  });
}

function create(side: 'bid' | 'ask') {
  return ({ state, actor, json }: PrivateCall): ServerAnswer => {
    const body = attributesOf(json, `${side}s`);
    if (!body.ok) return body.answer;
    const orderbook = findOrderbook(body.attributes.orderbook_code);
    if (!orderbook) {
      return problem({
        title: 'Invalid orderbook',
        detail: `orderbook_code must be one of ${ORDERBOOKS.map((book) => book.code).join(', ')}`,
        code: 'invalid_orderbook',
        pointer: '/data/attributes/orderbook_code',
      });
    }
    const amount = positive(body.attributes.amount, 'amount');
    if (typeof amount !== 'bigint') return amount;
    const price = positive(body.attributes.price, 'price');
    if (typeof price !== 'bigint') return price;
    const order = placeOrder(state, { userId: actor.id, side, orderbook, amount, price });
    if (!order) {
      const currency = heldCurrency({ side, orderbook });
      const available = formatDecimal(state.wallets.holding(actor.id, currency).available);
      return problem({
        title: 'Insufficient funds',
        detail: `${formatDecimal(amount)} ${currency} needed, ${available} ${currency} available`,
        code: 'insufficient_funds',
        pointer: '/data/attributes/amount',
      });
    }
    return jsonApi(orderView(order), 201);
  };
}

function cancel(side: 'bid' | 'ask') {
  return ({ state, actor, params }: PrivateCall): ServerAnswer => {
    const order = state.orders.find(
      (candidate) =>
        String(candidate.id) === params.id && candidate.side === side && candidate.userId === actor.id,
    );
    if (!order) return notFound();
    cancelOrder(state, order);
    return noContent();
  };
}

function list(side: 'bid' | 'ask') {
  return ({ state, actor, request }: PrivateCall): ServerAnswer => {
    const code = request.query['filter[orderbook_code]'];
    return jsonApi(
      state.orders
        .filter((order) => order.userId === actor.id && order.side === side)
        .filter((order) => code === undefined || order.orderbook.code === code)
        .map(orderView),
    );
  };
}

/** Whether a request document says something: `{}` (what the SDK sends for an empty POST) does not. */
const saysSomething = (json: unknown) =>
  typeof json === 'object' && json !== null && Object.keys(json).length > 0;

function cancelAll({ state, actor, json, request }: PrivateCall): ServerAnswer {
  const body = saysSomething(json) ? attributesOf(json, 'orders') : undefined;
  if (body && !body.ok) return body.answer;
  const code =
    body?.attributes.orderbook_code ??
    request.query['filter[orderbook_code]'] ??
    request.query.orderbook_code;
  for (const order of state.orders) {
    if (order.userId === actor.id && (code === undefined || order.orderbook.code === code))
      cancelOrder(state, order);
  }
  return noContent();
}

function trades({ state, actor }: PrivateCall): ServerAnswer {
  const mine = state.trades.flatMap((trade) => [
    ...(trade.buyerId === actor.id ? [tradeView(trade, 'buy')] : []),
    ...(trade.sellerId === actor.id ? [tradeView(trade, 'sell')] : []),
  ]);
  return jsonApi(mine.reverse());
}

/** Orders and trades of the user. */
export const tradingRoutes: readonly PrivateRoute[] = [
  privateRoute('GET', '/api/bids', trading, list('bid')),
  privateRoute('POST', '/api/bids', trading, create('bid')),
  privateRoute('POST', '/api/bids/:id/cancel', trading, cancel('bid')),
  privateRoute('GET', '/api/asks', trading, list('ask')),
  privateRoute('POST', '/api/asks', trading, create('ask')),
  privateRoute('POST', '/api/asks/:id/cancel', trading, cancel('ask')),
  privateRoute('GET', '/api/orders', trading, ({ state, actor }) =>
    jsonApi(
      state.orders
        .filter((order) => order.userId === actor.id && order.status === 'executing')
        .map(orderView),
    ),
  ),
  privateRoute('POST', '/api/orders/cancel', trading, cancelAll),
  privateRoute('GET', '/api/trades', trading, trades),
];
