import { formatDecimal } from '../../decimal.js';
import type { ServerAnswer } from '../../http-server.js';
import { jsonApi, notFound, type Resource, resource } from '../answers.js';
import { candles, priceLevels, tickerAttributes, tradesOf } from '../market-data.js';
import { findOrderbook, ORDERBOOKS, type Orderbook } from '../markets.js';
import { type Call, type PublicRoute, publicRoute as route } from '../router.js';
import type { Trade } from '../state.js';
import { decimal, decimalsOf } from '../views.js';

// Market data in the shapes of bitex-sdk-ruby's recorded answers (spec/fixtures/{tickers,orderbooks,markets,
// transactions,candles}/).

/** `?filter[orderbook_code]=` (or `?orderbook_code=`): the orderbook, `null` for an unknown code, `undefined` when left out. */
function filterOf(call: Call): Orderbook | null | undefined {
  const code = call.request.query['filter[orderbook_code]'] ?? call.request.query.orderbook_code;
  return code === undefined ? undefined : (findOrderbook(code) ?? null);
}

/** A trade of the tape: lists carry `datetime`; a market's `included` carries `timestamp` (Unix seconds). */
function transaction(trade: Trade, time: 'datetime' | 'timestamp'): Resource {
  return resource('transactions', trade.id, {
    ...(time === 'datetime'
      ? { datetime: new Date(trade.createdAt).toISOString() }
      : { timestamp: Math.floor(trade.createdAt / 1000) }),
    price: decimal(trade.price),
    amount: decimal(trade.coinAmount),
    orderbook_code: trade.orderbook.code,
  });
}

const candleResource = (orderbook: Orderbook, candle: Record<string, unknown>) =>
  resource('candles', `${candle.timestamp}_${orderbook.id}`, candle);

const RELATIONSHIPS = ['candles', 'transactions', 'bids', 'asks'] as const;

/** A market: all four relationships, with data for those `include` asks for (all four when it is left out). */
function market(call: Call, orderbook: Orderbook): ServerAnswer {
  const asked = call.request.query.include?.split(',');
  const included: Resource[] = [];
  const relationships: Record<string, { data: { id: string; type: string }[] }> = {};
  for (const name of RELATIONSHIPS) {
    const members: Resource[] = [];
    if (!asked || asked.includes(name)) {
      if (name === 'candles') {
        members.push(...candles(call.state, orderbook).map((candle) => candleResource(orderbook, candle)));
      } else if (name === 'transactions') {
        members.push(...tradesOf(call.state, orderbook).map((trade) => transaction(trade, 'timestamp')));
      } else {
        const levels = priceLevels(call.state, orderbook, name === 'bids' ? 'bid' : 'ask');
        members.push(
          ...levels.map((level) =>
            resource('order_groups', formatDecimal(level.price), {
              price: decimal(level.price),
              amount: decimal(level.amount),
            }),
          ),
        );
      }
    }
    relationships[name] = { data: members.map(({ id, type }) => ({ id, type })) };
    included.push(...members);
  }
  return jsonApi({ id: orderbook.code, type: 'markets', relationships }, 200, { included });
}

const currency = (code: string) => ({ code, decimals: decimalsOf(code) });

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
        resource('orderbooks', book.id, {
          code: book.code,
          base: currency(book.base),
          quote: currency(book.quote),
        }),
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
    return jsonApi(trades.map((trade) => transaction(trade, 'datetime')));
  }),
  route('GET', '/api/candles', (call) => {
    const book = filterOf(call);
    if (book === null) return notFound();
    const chosen = book ?? ORDERBOOKS[0];
    if (!chosen) return notFound();
    return jsonApi(candles(call.state, chosen).map((candle) => candleResource(chosen, candle)));
  }),
];
