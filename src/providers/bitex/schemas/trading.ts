import { z } from 'zod';
import { buildOnce } from '../../../core/build-once.js';
import { jsonApiSchemas } from './json-api.js';

/** This module's schemas, built on first use: building every catalog's schemas at import made loading slow. */
export const tradingSchemas = buildOnce(() => {
  const { decimal, decimalInput, isoTime, list, requestOf, resource, single, toOne } = jsonApiSchemas();
  // Orders, trades and trading bots. Shapes from bitex-sdk-ruby: lib/bitex/resources/orders/*.rb,
  // trades/*.rb, trading_bots/*.rb, spec/support/shared_examples/orders.rb and the answers recorded in
  // spec/fixtures/{bids,asks,orders,trades,buys,sells,buying_bots,selling_bots}/.

  /** The states of a bid or ask (lib/bitex/resources/orders/bid.rb). */
  const ORDER_STATUSES = ['pending', 'executing', 'completed', 'to_cancel', 'cancelled'] as const;

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
  const bid = resource('bids', orderAttributes, { user: toOne });

  /** An ask: a sell order. */
  const ask = resource('asks', orderAttributes, { user: toOne });

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
  const buy = resource('buys', tradeAttributes, { order: toOne });

  /** A sell: a match of one of the user's asks. */
  const sell = resource('sells', tradeAttributes, { order: toOne });

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
  const buyingBot = resource('buying_bots', botAttributes, { user: toOne });

  /** A selling bot: sells `amount` of the base coin in chunks at the best price. */
  const sellingBot = resource('selling_bots', botAttributes, { user: toOne });

  const bidList = list(bid);
  const bidDocument = single(bid);
  const askList = list(ask);
  const askDocument = single(ask);
  const orderList = list(z.union([bid, ask]));
  const tradeList = list(z.union([buy, sell]));
  const buyList = list(buy);
  const buyDocument = single(buy);
  const sellList = list(sell);
  const sellDocument = single(sell);
  const buyingBotList = list(buyingBot);
  const buyingBotDocument = single(buyingBot);
  const sellingBotList = list(sellingBot);
  const sellingBotDocument = single(sellingBot);

  /**
   * `POST /bids`, `POST /asks`: place an order on `orderbook_code` for `amount` at `price` (bitex-sdk-ruby
   * `Order.create(orderbook:, amount:, price:)`; recorded `{"orderbook_code":"bch_usd","amount":3,"price":150}`).
   */
  const orderBody = <const T extends 'bids' | 'asks'>(type: T) =>
    requestOf(type, { orderbook_code: z.string().min(1), amount: decimalInput, price: decimalInput });

  /** `POST /buying_bots`, `POST /selling_bots`: start a bot on `orderbook_code` for `amount`. */
  const botBody = <const T extends 'buying_bots' | 'selling_bots'>(type: T) =>
    requestOf(type, { orderbook_code: z.string().min(1), amount: decimalInput });

  /** `GET /bids`, `GET /asks`: one orderbook only. */
  const orderQuery = z.strictObject({ 'filter[orderbook_code]': z.string().min(1).optional() });

  /** `GET /trades`, `/buys`, `/sells`: one orderbook, trades of the last `days`, at most `limit` of them. */
  const tradeQuery = z.strictObject({
    'filter[orderbook_code]': z.string().min(1).optional(),
    'filter[days]': z.int().min(1).optional(),
    limit: z.int().min(1).optional(),
  });
  return {
    ORDER_STATUSES,
    bid,
    ask,
    buy,
    sell,
    buyingBot,
    sellingBot,
    bidList,
    bidDocument,
    askList,
    askDocument,
    orderList,
    tradeList,
    buyList,
    buyDocument,
    sellList,
    sellDocument,
    buyingBotList,
    buyingBotDocument,
    sellingBotList,
    sellingBotDocument,
    orderBody,
    botBody,
    orderQuery,
    tradeQuery,
  };
});
