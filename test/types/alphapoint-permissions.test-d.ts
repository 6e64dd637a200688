import { describe, expectTypeOf, it } from 'vitest';
import { type AlphaPointCatalog, alphapoint, type Client, createClient, kiiex } from '../../src/index.js';

const base = { apiKey: 'k', apiSecret: 's', userId: 1, baseURL: 'https://x.test/ap' };

describe('AlphaPoint client types', () => {
  it('no declared permissions: read, trade and withdraw, and authenticate()', () => {
    const client = createClient(kiiex({ ...base }));
    expectTypeOf(client.permissions).toEqualTypeOf<readonly ('read' | 'trade' | 'withdraw')[]>();
    client.call('CreateWithdrawTicket', { body: {} });
    expectTypeOf(client.authenticate).returns.resolves.toHaveProperty('accountId');
  });

  it('Trading only: can trade, cannot withdraw', () => {
    const client = createClient(alphapoint({ ...base, permissions: ['Trading'] }));
    expectTypeOf(client).toMatchTypeOf<Client<'read' | 'trade', AlphaPointCatalog>>();
    client.call('SendOrder', { body: {} });
    // @ts-expect-error needs the Withdraw key permission
    client.call('CreateWithdrawTicket', { body: {} });
  });

  it('Deposit only: read', () => {
    const client = createClient(alphapoint({ ...base, permissions: ['Deposit'] }));
    expectTypeOf(client.permissions).toEqualTypeOf<readonly 'read'[]>();
    client.call('GetAccountPositions', { body: {} });
    // @ts-expect-error needs Trading
    client.call('SendOrder', { body: {} });
  });
});
