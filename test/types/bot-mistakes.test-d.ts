import { describe, expectTypeOf, it } from 'vitest';
import { bitex, createClient, kiiex } from '../../src/index.js';
import { bitexbit } from '../../src/providers/bitexbit/index.js';

// Mistakes a trading bot's author typically makes, each refused by the compiler (`@ts-expect-error` fails the
// type test if the line compiles). Answers are closed types of their documented fields, every documented
// enumeration is a literal union, and bodies and queries are exact. Where a call moves money, the answer is read
// after `drift` has been tested (see docs/reliability.md, the drift policy).

const base = 'https://types.test';
const trader = createClient(bitexbit({ accessKey: 'ak', privateKey: 'sk', access: 'trade', baseURL: base }));
const bitexUser = createClient(bitex({ apiKey: 'k', baseURL: `${base}/api` }));
const apex = createClient(kiiex({ apiKey: 'k', apiSecret: 's', userId: 1, baseURL: `${base}/ap` }));
const ORDER = { symbol: 'BTC_USD', type: 'buy-limit', price: '30000', amount: '0.001' } as const;
const AP_ORDER = { OMSId: 1, AccountId: 7, InstrumentId: 1, Side: 0, Quantity: 0.01, OrderType: 2 } as const;

describe('bitexbit: 8 bot mistakes that do not compile', () => {
  it('order bodies', () => {
    // @ts-expect-error 1: a market order is not a documented type (buy-limit or sell-limit)
    trader.call('orders.create', { body: { ...ORDER, type: 'buy-market' } });
    // @ts-expect-error 2: nor is a stop order
    trader.call('orders.create', { body: { ...ORDER, type: 'sell-stop' } });
    const misspelt = { symbol: 'BTC_USD', type: 'buy-limit', price: '1', ammount: '1' } as const;
    // @ts-expect-error 3: a misspelt field
    trader.call('orders.create', { body: misspelt });
    // @ts-expect-error 4: amounts are decimal strings, not numbers
    trader.call('orders.create', { body: { ...ORDER, amount: 0.001 } });
  });

  it('answers and queries', async () => {
    const created = await trader.call('orders.create', { body: ORDER });
    if (created.drift) return;
    // @ts-expect-error 5: a misspelt answer field where a bot branches
    if (created.data.order.sate === 'filled') return;
    // @ts-expect-error 6: a wrongly cased one
    created.data.Order;
    const balance = await trader.call('balance.get');
    // @ts-expect-error 7: a misspelt field of a balance
    balance.data[0]?.availble;
    // @ts-expect-error 8: a misspelt query field
    trader.call('transfers.list', { query: { currency: 'USDT', stauts: 30 } });
    expectTypeOf(created.data.order.state).toEqualTypeOf<string>();
  });
});

describe('Bitex: 6 bot mistakes that do not compile', () => {
  const bid = {
    data: { type: 'bids', attributes: { orderbook_code: 'btc_usd', amount: 10, price: 100 } },
  } as const;

  it('JSON:API bodies', () => {
    // @ts-expect-error 9: a bid document typed as an ask
    bitexUser.call('bids.create', { body: { data: { ...bid.data, type: 'asks' } } });
    const attributes = { orderbook_code: 'btc_usd', ammount: 1, price: 1 };
    // @ts-expect-error 10: a misspelt attribute
    bitexUser.call('bids.create', { body: { data: { type: 'bids', attributes } } });
    // @ts-expect-error 11: a misspelt query filter
    bitexUser.call('bids.list', { query: { 'filter[stauts]': 'executing' } });
  });

  it('answers', async () => {
    const placed = await bitexUser.call('bids.create', { body: bid });
    if (placed.drift) return;
    const { attributes } = placed.data.data;
    // @ts-expect-error 12: a misspelt attribute of the answer
    attributes.stauts;
    // @ts-expect-error 13: a status outside the documented ones ('cancelled' is Bitex's spelling)
    if (attributes.status === 'canceled') return;
    // @ts-expect-error 14: the resource type is a literal: a bid is never an ask
    if (placed.data.data.type === 'asks') return;
    expectTypeOf(attributes.status).toEqualTypeOf<
      'pending' | 'executing' | 'completed' | 'to_cancel' | 'cancelled'
    >();
  });
});

describe('AlphaPoint (Kiiex): 7 bot mistakes that do not compile', () => {
  it('SendOrder bodies', () => {
    // @ts-expect-error 15: Side is a number (0 Buy, 1 Sell), not a name
    apex.call('SendOrder', { body: { ...AP_ORDER, Side: 'Buy' } });
    // @ts-expect-error 16: an OrderType outside 0 to 7
    apex.call('SendOrder', { body: { ...AP_ORDER, OrderType: 8 } });
    // @ts-expect-error 17: a misspelt field
    apex.call('SendOrder', { body: { ...AP_ORDER, Quantiy: 1 } });
    const { AccountId: _, ...withoutAccount } = AP_ORDER;
    // @ts-expect-error 18: the account is required
    apex.call('SendOrder', { body: withoutAccount });
    // @ts-expect-error 19: ids are numbers
    apex.call('GetOpenOrders', { body: { OMSId: '1', AccountId: 7 } });
  });

  it('answers', async () => {
    const sent = await apex.call('SendOrder', { body: AP_ORDER });
    if (sent.drift) return;
    // @ts-expect-error 20: the field is `status`, lower case, as the docs print it
    if (sent.data.Status === 'Accepted') return;
    const positions = await apex.call('GetAccountPositions', { body: { OMSId: 1, AccountId: 7 } });
    // @ts-expect-error 21: a misspelt field of a position
    positions.data[0]?.ProductSymbl;
    expectTypeOf(sent.data.OrderId).toEqualTypeOf<number>();
  });
});
