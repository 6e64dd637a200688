import { formatDecimal } from '../../decimal.js';
import type { ServerAnswer } from '../../http-server.js';
import { jsonApi, notFound, resource } from '../answers.js';
import { candles, priceLevels, tickerAttributes, tradesOf } from '../market-data.js';
import { findOrderbook, ORDERBOOKS, type Orderbook } from '../markets.js';
import { type Call, type PublicRoute, publicRoute as route } from '../router.js';

/** `?orderbook_code=` when given: the orderbook, `null` for an unknown code, `undefined` when left out. */
function filterOf(call: Call): Orderbook | null | undefined {
  const code = call.request.query.orderbook_code;
  return code === undefined ? undefined : (findOrderbook(code) ?? null);
}

function market(call: Call, orderbook: Orderbook): ServerAnswer {
  const include = (call.request.query.include ?? '')
    .split(',')
    .filter((side) => side === 'bids' || side === 'asks');
  const relationships: Record<string, unknown> = {};
  const included: unknown[] = [];
  for (const side of include) {
    const levels = priceLevels(call.state, orderbook, side === 'bids' ? 'bid' : 'ask');
    const groups = levels.map((level) =>
      resource('order_groups', `${side}_${formatDecimal(level.price)}`, {
        price: formatDecimal(level.price),
        amount: formatDecimal(level.amount),
      }),
    );
    relationships[side] = { data: groups.map(({ id, type }) => ({ id, type })) };
    included.push(...groups);
  }
  const data = { id: orderbook.code, type: 'markets', relationships };
  return jsonApi(data, 200, include.length ? { included } : {});
}

/** Market data, open to anyone. */
export const publicRoutes: readonly PublicRoute[] = [
  route('GET', '/api/tickers', ({ state }) =>
    jsonApi(ORDERBOOKS.map((book) => resource('tickers', book.code, tickerAttributes(state, book)))),
  ),
  route('GET', '/api/tickers/:code', ({ state, params }) => {
    const book = findOrderbook(params.code);
    return book ? jsonApi(resource('tickers', book.code, tickerAttributes(state, book))) : notFound();
  }),
  route('GET', '/api/orderbooks', () =>
    jsonApi(
      ORDERBOOKS.map((book) =>
        resource('orderbooks', book.id, { code: book.code, base: book.base, quote: book.quote }),
      ),
    ),
  ),
  route('GET', '/api/markets/:code', (call) => {
    const book = findOrderbook(call.params.code);
    return book ? market(call, book) : notFound();
  }),
  route('GET', '/api/transactions', (call) => {
    const book = filterOf(call);
    if (book === null) return notFound();
    const trades = tradesOf(call.state, book).reverse();
    return jsonApi(
      trades.map((trade) =>
        resource('transactions', trade.id, {
          timestamp: Math.floor(trade.createdAt / 1000),
          price: formatDecimal(trade.price),
          amount: formatDecimal(trade.coinAmount),
          orderbook_code: trade.orderbook.code,
        }),
      ),
    );
  }),
  route('GET', '/api/candles', (call) => {
    const book = filterOf(call);
    if (book === null) return notFound();
    const chosen = book ?? ORDERBOOKS[0];
    if (!chosen) return notFound();
    return jsonApi(
      candles(call.state, chosen).map((candle) => resource('candles', String(candle.timestamp), candle)),
    );
  }),
];
