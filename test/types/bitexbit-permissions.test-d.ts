import { describe, expectTypeOf, it } from 'vitest';
import { type Client, createClient } from '../../src/index.js';
import type { BitexbitCatalog } from '../../src/providers/bitexbit/catalog.js';
import { bitexbit } from '../../src/providers/bitexbit/index.js';
import type { BitexbitAccess } from '../../src/providers/bitexbit/options.js';

const keys = { accessKey: 'ak', privateKey: 'sk' };
const order = { body: { symbol: 'BTC_USD', type: 'buy-limit', price: '1', amount: '1' } } as const;

describe('bitexbit access types become the client type', () => {
  it('read: public and read endpoints only', () => {
    const reader = createClient(bitexbit({ ...keys, access: 'read' }));
    expectTypeOf(reader).toExtend<Client<'read', BitexbitCatalog>>();
    expectTypeOf(reader.permissions).toEqualTypeOf<readonly 'read'[]>();
    reader.call('public.tickers');
    reader.call('balance.get', { query: { symbols: 'BTC' } });
    reader.call('orders.list');
    reader.call('withdrawals.list');
    // @ts-expect-error orders.create needs trade
    reader.call('orders.create', order);
    // @ts-expect-error orders.cancel needs trade
    reader.call('orders.cancel', { params: { id: 1 } });
    // @ts-expect-error withdrawals.create needs withdraw
    reader.call('withdrawals.create', {
      body: { ticker: 'USDT', network: 'tron', address: 'TXYZ', amount: 22 },
    });
  });

  it('trade: adds order create and cancel, not withdrawals', () => {
    const trader = createClient(bitexbit({ ...keys, access: 'trade' }));
    expectTypeOf(trader.permissions).toEqualTypeOf<readonly ('read' | 'trade')[]>();
    trader.call('balance.get');
    trader.call('orders.create', order);
    trader.call('orders.cancel', { params: { id: 'abc' } });
    // @ts-expect-error withdrawals.create needs withdraw
    trader.call('withdrawals.create', {
      body: { ticker: 'USDT', network: 'tron', address: 'TXYZ', amount: 22 },
    });
  });

  it('withdraw: everything', () => {
    const full = createClient(bitexbit({ ...keys, access: 'withdraw' }));
    expectTypeOf(full.permissions).toEqualTypeOf<readonly ('read' | 'trade' | 'withdraw')[]>();
    full.call('orders.create', order);
    full.call('withdrawals.create', { body: { ticker: 'USDT', network: 'tron', address: 'T', amount: 1 } });
  });

  it('an access type known only at run time grants what every access type grants', () => {
    const access = 'trade' as BitexbitAccess;
    const client = createClient(bitexbit({ ...keys, access }));
    expectTypeOf(client.permissions).toEqualTypeOf<readonly 'read'[]>();
    // @ts-expect-error might be a read-only key
    client.call('orders.create', order);
  });

  it('path parameters and names are checked', () => {
    const trader = createClient(bitexbit({ ...keys, access: 'trade' }));
    // @ts-expect-error params.id is required
    trader.call('orders.cancel');
    // @ts-expect-error not a catalog name
    trader.call('orders.explode');
  });

  it('balance answers with its schema output', () => {
    const reader = createClient(bitexbit({ ...keys, access: 'read' }));
    expectTypeOf(reader.call('balance.get'))
      .resolves.toHaveProperty('data')
      .items.toHaveProperty('available')
      .toEqualTypeOf<string>();
  });

  it('options are checked at compile time', () => {
    // @ts-expect-error unknown access type
    bitexbit({ ...keys, access: 'admin' });
    // @ts-expect-error access is required
    bitexbit({ ...keys });
    // @ts-expect-error there is only production
    bitexbit({ ...keys, access: 'read', environment: 'sandbox' });
  });
});
