import { describe, expectTypeOf, it } from 'vitest';
import { type BitexCatalog, bitex, type Client, createClient } from '../../src/index.js';

const baseURL = 'https://bitex.types.test/api';
// Documented bodies: a permission error below is the only error on its line, so each expectation can fail.
const BID = {
  data: { type: 'bids', attributes: { orderbook_code: 'btc_usd', amount: 1, price: 100 } },
} as const;
const COIN_WITHDRAWAL = {
  data: {
    type: 'coin_withdrawals' as const,
    attributes: {
      to_addresses: 'mszEUK9E6E7n4SNcrjYH8Fr7ZTGP9n3dRb',
      label: 'cold',
      amount: 0.01,
      coin_code: 'btc',
    },
  },
} as const;
const CASH_WITHDRAWAL = {
  data: {
    type: 'cash_withdrawals',
    attributes: { amount: 100, fiat_code: 'ars' },
    relationships: { withdrawal_instruction: { data: { id: '1', type: 'withdrawal_instructions' } } },
  },
};

describe('Bitex client types', () => {
  it('a user-role client has no onBehalfOf', () => {
    const user = createClient(bitex({ apiKey: 'k', baseURL }));
    expectTypeOf(user).not.toHaveProperty('onBehalfOf');
    // @ts-expect-error onBehalfOf exists only on master clients
    user.onBehalfOf(600);
  });

  it('a master client has onBehalfOf, whose client cannot manage users', () => {
    const master = createClient(bitex({ apiKey: 'k', role: 'master', baseURL }));
    expectTypeOf(master.permissions).toEqualTypeOf<
      readonly ('read' | 'trade' | 'withdraw' | 'manage-users')[]
    >();
    const delegated = master.onBehalfOf(600);
    expectTypeOf(delegated).toEqualTypeOf<Client<'read' | 'trade' | 'withdraw', BitexCatalog>>();
    master.call('users.create', { body: { data: { type: 'users' } } });
    // @ts-expect-error a delegated client acts as a user, which cannot create users
    delegated.call('users.create', { body: { data: { type: 'users' } } });
  });

  it('a client without withdraw cannot call a withdrawal endpoint', () => {
    const trader = createClient(bitex({ apiKey: 'k', permissions: ['read', 'trade'], baseURL }));
    expectTypeOf(trader.permissions).toEqualTypeOf<readonly ('read' | 'trade')[]>();
    trader.call('bids.create', { body: BID });
    trader.call('coinWallets.list');
    // @ts-expect-error needs withdraw
    trader.call('coinWithdrawals.create', { body: COIN_WITHDRAWAL, otp: '123456' });
    // @ts-expect-error needs withdraw
    trader.call('cashWithdrawals.create', { body: CASH_WITHDRAWAL, otp: '123456' });
  });

  it('a read-only client cannot trade', () => {
    const reader = createClient(bitex({ apiKey: 'k', permissions: ['read'], baseURL }));
    reader.call('coinWallets.list');
    reader.call('tickers.list');
    // @ts-expect-error listing orders needs the trading flag
    reader.call('orders.list');
    // @ts-expect-error needs trade
    reader.call('bids.create', { body: BID });
  });

  it('path parameters are required and named', () => {
    const trader = createClient(bitex({ apiKey: 'k', baseURL }));
    trader.call('bids.cancel', { params: { id: 7 } });
    // @ts-expect-error params.id is required
    trader.call('bids.cancel');
    // @ts-expect-error the parameter is named id
    trader.call('bids.cancel', { params: { orderId: 7 } });
    // @ts-expect-error not a catalog name
    trader.call('bids.explode');
  });

  it('users.me answers with its schema output', () => {
    const user = createClient(bitex({ apiKey: 'k', baseURL }));
    expectTypeOf(user.call('users.me')).resolves.toHaveProperty('data').toHaveProperty('data');
  });
});
