import { z } from 'zod';
import { decimal, decimalInput, isoTime, list, requestOf, resource, single, toOne } from './json-api.js';

// Orders, trades and trading bots. Shapes from bitex-sdk-ruby: lib/bitex/resources/orders/*.rb,
// trades/*.rb, trading_bots/*.rb, spec/support/shared_examples/orders.rb and the answers recorded in
// spec/fixtures/{bids,asks,orders,trades,buys,sells,buying_bots,selling_bots}/.

/** The states of a bid or ask (lib/bitex/resources/orders/bid.rb). */
export const ORDER_STATUSES = ['pending', 'executing', 'completed', 'to_cancel', 'cancelled'] as const;

const orderAttributes = {
  amount: decimal,
  remaining_amount: decimal,
  price: decimal,
  status: z
    .enum(ORDER_STATUSES)
    .describe(
      'pending (not processed yet), executing (on the book), completed, to_cancel (cancel asked, may still match), cancelled',
    ),
  orderbook_code: z.string(),
  // No bid or ask Bitex answered the SDK carries it (test/fixtures/wire/bitex); the SDK's cassettes gained it
  // by hand edit (6435561).
  created_at: isoTime.optional(),
};

/** A bid: a buy order. */
export const bid = resource('bids', orderAttributes, { user: toOne });

/** An ask: a sell order. */
export const ask = resource('asks', orderAttributes, { user: toOne });

const tradeAttributes = {
  created_at: isoTime,
  coin_amount: decimal,
  cash_amount: decimal,
  fee: decimal,
  fee_currency: z.string(),
  fee_decimals: z.int(),
  price: decimal,
  orderbook_code: z.string(),
};

/** A buy: a match of one of the user's bids (`relationships.order`). */
export const buy = resource('buys', tradeAttributes, { order: toOne });

/** A sell: a match of one of the user's asks. */
export const sell = resource('sells', tradeAttributes, { order: toOne });

const botAttributes = {
  amount: decimal,
  remaining_amount: decimal,
  chunk_size: decimal,
  eta: isoTime,
  executing: z.boolean(),
  to_cancel: z.boolean(),
  orderbook_code: z.string(),
};

/** A buying bot: spends `amount` of the quote currency in chunks at the best price. */
export const buyingBot = resource('buying_bots', botAttributes, { user: toOne });

/** A selling bot: sells `amount` of the base coin in chunks at the best price. */
export const sellingBot = resource('selling_bots', botAttributes, { user: toOne });

export const bidList = list(bid);
export const bidDocument = single(bid);
export const askList = list(ask);
export const askDocument = single(ask);
export const orderList = list(z.union([bid, ask]));
export const tradeList = list(z.union([buy, sell]));
export const buyList = list(buy);
export const buyDocument = single(buy);
export const sellList = list(sell);
export const sellDocument = single(sell);
export const buyingBotList = list(buyingBot);
export const buyingBotDocument = single(buyingBot);
export const sellingBotList = list(sellingBot);
export const sellingBotDocument = single(sellingBot);

/**
 * `POST /bids`, `POST /asks`: place an order on `orderbook_code` for `amount` at `price` (bitex-sdk-ruby
 * `Order.create(orderbook:, amount:, price:)`; recorded `{"orderbook_code":"bch_usd","amount":3,"price":150}`).
 */
export const orderBody = <const T extends 'bids' | 'asks'>(type: T) =>
  requestOf(type, { orderbook_code: z.string().min(1), amount: decimalInput, price: decimalInput });

/** `POST /buying_bots`, `POST /selling_bots`: start a bot on `orderbook_code` for `amount`. */
export const botBody = <const T extends 'buying_bots' | 'selling_bots'>(type: T) =>
  requestOf(type, { orderbook_code: z.string().min(1), amount: decimalInput });

/** `GET /bids`, `GET /asks`: one orderbook only. */
export const orderQuery = z.strictObject({ 'filter[orderbook_code]': z.string().min(1).optional() });

/** `GET /trades`, `/buys`, `/sells`: one orderbook, trades of the last `days`, at most `limit` of them. */
export const tradeQuery = z.strictObject({
  'filter[orderbook_code]': z.string().min(1).optional(),
  'filter[days]': z.int().min(1).optional(),
  limit: z.int().min(1).optional(),
});
