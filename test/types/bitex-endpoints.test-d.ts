import { describe, expectTypeOf, it } from 'vitest';
import { bitex, createClient } from '../../src/index.js';

const client = createClient(bitex({ apiKey: 'k', baseURL: 'https://bitex.types.test/api' }));

const bid = {
  data: { type: 'bids', attributes: { orderbook_code: 'bch_usd', amount: 3, price: 150 } },
} as const;
const coinWithdrawal = {
  data: {
    type: 'coin_withdrawals' as const,
    attributes: {
      to_addresses: 'mk2jCye9XhXxVwfp9FyVMRwYDzQxscB5ev',
      label: 'api-test',
      amount: 0.001,
      coin_code: 'btc',
    },
  },
} as const;

describe('Bitex request bodies are typed from their schemas', () => {
  it('bids.create takes the documented order, built ahead or inline, and nothing else', () => {
    client.call('bids.create', { body: bid });
    client.call('bids.create', {
      body: {
        data: { type: 'bids', attributes: { orderbook_code: 'btc_usd', amount: '0.5', price: '30000' } },
      },
    });
    client.call('bids.create', {
      // @ts-expect-error `quantity` is not a field of an order (Bitex calls it `amount`)
      body: { data: { type: 'bids', attributes: { orderbook_code: 'btc_usd', quantity: 3, price: 150 } } },
    });
    client.call('bids.create', {
      body: {
        data: {
          type: 'bids',
          // @ts-expect-error an order needs its price
          attributes: { orderbook_code: 'btc_usd', amount: 3 },
        },
      },
    });
  });

  it('coinWithdrawals.create takes the SDK body: coin_code, not currency', () => {
    client.call('coinWithdrawals.create', { body: coinWithdrawal, otp: '123456' });
    client.call('coinWithdrawals.create', {
      otp: '123456',
      body: {
        data: {
          type: 'coin_withdrawals' as const,
          attributes: {
            to_addresses: 'mk2jCye9XhXxVwfp9FyVMRwYDzQxscB5ev',
            label: 'x',
            amount: 1,
            // @ts-expect-error `currency` is not a field of a coin withdrawal (Bitex calls it `coin_code`)
            currency: 'btc',
          },
        },
      },
    });
    client.call('coinWithdrawals.create', {
      otp: '123456',
      body: {
        data: {
          type: 'coin_withdrawals' as const,
          // @ts-expect-error Bitex documents btc and bch only
          attributes: { ...coinWithdrawal.data.attributes, coin_code: 'eth' },
        },
      },
    });
  });

  it('withdrawal instructions take one of the three payment methods', () => {
    const thirdParty = {
      payment_method: 'third_party',
      name: 'Rick Sanchez',
      city: 'Dimension C-132',
      phone: '1122334455',
      further_instructions: '-',
      country: 'PY',
      currency: 'USD',
    } as const;
    const type = 'withdrawal_instructions';
    client.call('withdrawalInstructions.create', {
      body: { data: { type, attributes: { label: 'l', body: thirdParty } } },
    });
    client.call('withdrawalInstructions.create', {
      // @ts-expect-error a third-party payment has no CBU
      body: { data: { type, attributes: { label: 'l', body: { ...thirdParty, cbu: '1' } } } },
    });
  });
});

describe('Bitex answers are typed from their schemas', () => {
  it('bids.create answers the placed bid with its documented field types', async () => {
    const placed = await client.call('bids.create', { body: bid });
    // @ts-expect-error an executed bid's answer is typed only once drift has been tested
    placed.data.data.id;
    if (placed.drift) return;
    const { data } = placed;
    expectTypeOf(data.data.id).toEqualTypeOf<string>();
    expectTypeOf(data.data.type).toEqualTypeOf<'bids'>();
    expectTypeOf(data.data.attributes.amount).toEqualTypeOf<number>();
    expectTypeOf(data.data.attributes.remaining_amount).toEqualTypeOf<number>();
    expectTypeOf(data.data.attributes.price).toEqualTypeOf<number>();
    expectTypeOf(data.data.attributes.orderbook_code).toEqualTypeOf<string>();
    // Absent from every bid Bitex answered on record (test/fixtures/wire/bitex).
    expectTypeOf(data.data.attributes.created_at).toEqualTypeOf<string | undefined>();
    expectTypeOf(data.data.attributes.status).toEqualTypeOf<
      'pending' | 'executing' | 'completed' | 'to_cancel' | 'cancelled'
    >();
  });

  it('the balance reads: coin and cash wallets, and the account', async () => {
    const coins = await client.call('coinWallets.list');
    const coin = coins.data.data[0];
    expectTypeOf(coins.data.data).toBeArray();
    expectTypeOf(coin?.attributes.balance).toEqualTypeOf<number | undefined>();
    expectTypeOf(coin?.attributes.available).toEqualTypeOf<number | undefined>();
    expectTypeOf(coin?.attributes.currency).toEqualTypeOf<string | undefined>();
    expectTypeOf(coin?.attributes.address).toEqualTypeOf<string | undefined>();

    const cash = (await client.call('cashWallets.list')).data.data[0];
    expectTypeOf(cash?.attributes.balance).toEqualTypeOf<number | undefined>();
    expectTypeOf(cash?.attributes.available).toEqualTypeOf<number | undefined>();

    const account = (await client.call('accounts.list')).data.data[0];
    const btc = account?.attributes.balances.btc;
    expectTypeOf(btc?.total).toEqualTypeOf<number | undefined>();
    expectTypeOf(btc?.available).toEqualTypeOf<number | undefined>();
  });

  it('a cancel answers nothing (204)', async () => {
    const { data } = await client.call('bids.cancel', { params: { id: 7 } });
    expectTypeOf(data).toEqualTypeOf<undefined>();
  });
});
