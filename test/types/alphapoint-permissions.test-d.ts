import { describe, expectTypeOf, it } from 'vitest';
import { type AlphaPointCatalog, alphapoint, type Client, createClient, kiiex } from '../../src/index.js';

const base = { apiKey: 'k', apiSecret: 's', userId: 1, baseURL: 'https://x.test/ap' };
// Documented bodies: a permission error below is the only error on its line, so each expectation can fail.
const order = { OMSId: 1, AccountId: 7, InstrumentId: 1, Side: 0, Quantity: 0.01, OrderType: 2 } as const;
const ticket = {
  OMSId: 1,
  AccountId: 7,
  ProductId: 3,
  Amount: 5,
  TemplateType: 'ToExternalAddress',
} as const;
const account = { OMSId: 1, AccountId: 7 } as const;

describe('AlphaPoint client types', () => {
  it('no declared permissions: read, trade and withdraw, and authenticate()', () => {
    const client = createClient(kiiex({ ...base }));
    expectTypeOf(client.permissions).toEqualTypeOf<readonly ('read' | 'trade' | 'withdraw')[]>();
    client.call('CreateWithdrawTicket', { body: ticket });
    expectTypeOf(client.authenticate).returns.resolves.toHaveProperty('accountId');
  });

  it('Trading only: can trade, cannot withdraw', () => {
    const client = createClient(alphapoint({ ...base, permissions: ['Trading'] }));
    expectTypeOf(client).toMatchTypeOf<Client<'read' | 'trade', AlphaPointCatalog>>();
    client.call('SendOrder', { body: order });
    // @ts-expect-error needs the Withdraw key permission
    client.call('CreateWithdrawTicket', { body: ticket });
  });

  it('Deposit only: read', () => {
    const client = createClient(alphapoint({ ...base, permissions: ['Deposit'] }));
    expectTypeOf(client.permissions).toEqualTypeOf<readonly 'read'[]>();
    client.call('GetAccountPositions', { body: account });
    // @ts-expect-error needs Trading
    client.call('SendOrder', { body: order });
  });
});
