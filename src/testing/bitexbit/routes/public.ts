import { answer } from '../answers.js';
import { currencies, depth, ohlcv, pairs, publicOrders, publicTrades, tickers } from '../lists.js';
import { type PublicRoute, publicGet } from '../router.js';

/** Market data under `/api/v2/public`, open to anyone, in the shapes of the v2 docs' examples. */
export const publicRoutes: readonly PublicRoute[] = [
  publicGet('/api/v2/public/currencies', () => answer(200, currencies())),
  publicGet('/api/v2/public/pairs', () => answer(200, pairs())),
  publicGet('/api/v2/public/ohlcv', ({ state, request }) => ohlcv(state, request.query)),
  publicGet('/api/v2/public/tickers', ({ state, request }) => answer(200, tickers(state, request.query))),
  publicGet('/api/v2/public/depth', ({ state, request }) => depth(state, request.query)),
  publicGet('/api/v2/public/orders', ({ state, request }) => answer(200, publicOrders(state, request.query))),
  publicGet('/api/v2/public/trades', ({ state, request }) => answer(200, publicTrades(state, request.query))),
];
