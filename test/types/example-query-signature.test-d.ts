import { describe, expectTypeOf, it } from 'vitest';
import { queryExchange, type queryExchangeCatalog } from '../../examples/query-signature/provider.js';
import { type Client, createClient } from '../../src/index.js';

const options = { apiKey: 'k', apiSecret: 's', baseURL: 'https://x.test' };

describe('a provider defined outside gets the same compile-time checks as the built-in ones', () => {
  it('a read-only client cannot compile a trade or a withdrawal', () => {
    const reader = createClient(queryExchange({ ...options, permissions: ['read'] }));
    expectTypeOf(reader).toMatchTypeOf<Client<'read', typeof queryExchangeCatalog>>();
    expectTypeOf(reader.permissions).toEqualTypeOf<readonly 'read'[]>();
    reader.call('account');
    reader.call('ticker.price', { query: { symbol: 'BTCUSDT' } });
    // @ts-expect-error order.create needs trade
    reader.call('order.create', { query: {} });
    // @ts-expect-error withdraw.apply needs withdraw
    reader.call('withdraw.apply', { query: {} });
  });

  it('a trading client can trade but not withdraw', () => {
    const trader = createClient(queryExchange({ ...options, permissions: ['read', 'trade'] }));
    trader.call('order.create', { query: {} });
    trader.call('order.cancel', { query: {} });
    // @ts-expect-error needs withdraw
    trader.call('withdraw.apply', { query: {} });
    // @ts-expect-error not in the catalog
    trader.call('order.explode');
  });
});
