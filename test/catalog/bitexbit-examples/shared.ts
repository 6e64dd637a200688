import type { bitexbitCatalog } from '../../../src/providers/bitexbit/catalog.js';

// The documented examples, copied from bitexbit's public docs:
//   V2 = github.com/bitexbit/api-docs-v2 @ 4c41f0b, source/index.html.md
//   GW = github.com/bitexbit/api-docs-gateway @ 9dbaade, source/index.html.md
// Where a published example is not valid JSON (a trailing comma, a missing comma or brace), the copy fixes only
// that, and says so.

export type Name = keyof typeof bitexbitCatalog;

export const V2 = 'bitexbit/api-docs-v2 source/index.html.md';
export const GW = 'bitexbit/api-docs-gateway source/index.html.md';

export const order = {
  id: 33852806,
  date: 1544617382079,
  symbol: 'BTC_USD',
  type: 'sell-limit',
  price: '1000.00000000',
  amount: '0.00150000',
  amount_unfilled: '0.00150000',
  amount_filled: '0.00000000',
  amount_cancelled: null,
  value_filled: '0.00000000',
  fee_filled: '0.00000000',
  price_avg: null,
  done_at: null,
  state: 'submitted',
};

export const transfer = {
  txid: '9699f3c5b4b1aa0d2528',
  amount: '10.00000000',
  currency: { code: 'USDT', name: 'Tether USD', precision: 2 },
  sender: 'BL1314K55FL',
  receiver: { uid: 'VB4DF1HQ4D7', verified: false },
  status: { key: 20, label: 'Cancelled' },
  description: null,
  valid_till: '2021-08-31T12:38:05.859390Z',
};

export const withdrawal = {
  id: 0,
  ticker: 'USDT',
  network: 'tron',
  address: 'TR4d6N2HoC3Annqt2JK6HhQWuNARMNx5pW',
  payment_id: null,
  memo: null,
  comment: 'Call after success',
  destination_tag: null,
  amount: '22.0000000',
  callback_url: null,
  client_order_id: 'order_123',
  fee_payer: 1,
  status: 0,
  auto_buy: { symbol: 'ETH', amount: 22, price: 3300, side: 1, state: 'string' },
  created_at: '2021-05-21T13:28:32.095Z',
};

/** Each endpoint's documented answer example, with where it comes from. */

/** Documented answers by call. */
export type Answers = Partial<Record<Name, { source: string; example: unknown }>>;

/** Documented requests by call. */
export type Requests = Partial<Record<Name, { source: string; query?: object; body?: object }>>;
