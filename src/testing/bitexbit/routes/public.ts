import { answer } from '../answers.js';
import { NETWORKS, PAIRS } from '../markets.js';
import { openOrdersView } from '../orders.js';
import { type PublicRoute, publicGet } from '../router.js';
import type { BitexbitState } from '../state.js';

const get = (name: string, data: (state: BitexbitState) => unknown): PublicRoute =>
  publicGet(`/api/v2/public/${name}`, ({ state }) => answer(200, data(state)));

/** Market data under `/api/v2/public`, open to anyone. */
export const publicRoutes: readonly PublicRoute[] = [
  get('currencies', () =>
    Object.entries(NETWORKS).map(([symbol, networks]) => ({ symbol, networks, precision: 8 })),
  ),
  get('pairs', () =>
    Object.entries(PAIRS).map(([symbol, [base, quote]]) => ({ symbol, base, quote, min_amount: '0.0001' })),
  ),
  get('ohlcv', (state) => [
    { time: state.now(), open: '30000', high: '30100', low: '29900', close: '30050', volume: '1.5' },
  ]),
  get('tickers', () => Object.keys(PAIRS).map((symbol) => ({ symbol, last: '30000', volume: '12.5' }))),
  get('depth', () => ({ asks: [['30100', '0.5']], bids: [['29900', '0.7']] })),
  get('orders', openOrdersView),
  get('trades', () => []),
];
