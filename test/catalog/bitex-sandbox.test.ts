import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bitex, createClient } from '../../src/index.js';
import { type Sandbox, startSandbox } from '../../src/testing/index.js';
import { checked } from '../support/checked.js';

// Every endpoint the Bitex sandbox serves, called through the client with the documented request shapes: the
// client parses each answer with the endpoint's documented schema, so a call that returns has an answer that
// matches it. Lists are filled first, so that their items are parsed too. The sandbox serves the market data,
// the account, orders and trades, coin and cash withdrawals and the master's users; the other catalog endpoints
// (deposits, withdrawal instructions, bots, merchants, compliance, single resources by id) it does not serve.

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

const settings = { rateLimit: false } as const;
const user = () =>
  createClient(bitex({ ...sandbox.bitex.credentials.user, baseURL: sandbox.bitex.baseURL }), settings);
const master = () =>
  createClient(bitex({ ...sandbox.bitex.credentials.master, baseURL: sandbox.bitex.baseURL }), settings);

const order = <const T extends 'bids' | 'asks'>(
  type: T,
  amount: number | string,
  price: number | string,
) => ({
  data: { type, attributes: { orderbook_code: 'btc_usd', amount, price } },
});

describe('the Bitex sandbox answers its public market data in the documented shapes', () => {
  it('tickers.list and tickers.get', async () => {
    const all = await user().call('tickers.list');
    expect(all.data.data.length).toBeGreaterThan(0);
    const one = await user().call('tickers.get', { params: { orderbook: 'btc_usd' } });
    expect(one.data.data.id).toBe('btc_usd');
  });

  it('orderbooks.list', async () => {
    const { data } = await user().call('orderbooks.list');
    expect(data.data.map((book) => book.attributes.code)).toContain('btc_usd');
  });

  it('markets.get, with every relationship and with the sides asked for', async () => {
    const full = await user().call('markets.get', { params: { orderbook: 'btc_usd' } });
    expect(full.data.included?.length).toBeGreaterThan(0);
    const sides = await user().call('markets.get', {
      params: { orderbook: 'btc_usd' },
      query: { include: 'asks,bids' },
    });
    expect(sides.data.data.relationships.bids.data.length).toBeGreaterThan(0);
  });

  it('transactions.list, all and for one orderbook', async () => {
    const all = await user().call('transactions.list');
    expect(all.data.data.length).toBeGreaterThan(0);
    const one = await user().call('transactions.list', { query: { 'filter[orderbook_code]': 'btc_usd' } });
    expect(new Set(one.data.data.map((trade) => trade.attributes.orderbook_code))).toEqual(
      new Set(['btc_usd']),
    );
  });

  it('candles.list', async () => {
    const { data } = await user().call('candles.list', { query: { 'filter[orderbook_code]': 'btc_usd' } });
    expect(data.data.length).toBeGreaterThan(0);
  });
});

describe('the Bitex sandbox answers account reads in the documented shapes', () => {
  it('users.me', async () => {
    const { data } = await user().call('users.me');
    expect(data.data.id).toBe(String(sandbox.bitex.users.user));
  });

  it('accounts.list, coinWallets.list, cashWallets.list (the balances)', async () => {
    const client = user();
    const accounts = await client.call('accounts.list');
    expect(Object.keys(accounts.data.data[0]?.attributes.balances ?? {})).toContain('btc');
    const coins = await client.call('coinWallets.list');
    expect(coins.data.data.map((wallet) => wallet.attributes.currency)).toContain('btc');
    const cash = await client.call('cashWallets.list');
    expect(cash.data.data.map((wallet) => wallet.attributes.currency)).toContain('usd');
  });

  it('movements.list and apiKeys.list', async () => {
    const client = user();
    expect((await client.call('movements.list')).data.data.length).toBeGreaterThan(0);
    expect((await client.call('apiKeys.list')).data.data.length).toBeGreaterThan(0);
  });
});

describe('the Bitex sandbox answers trading calls in the documented shapes', () => {
  it('bids: create, list, cancel', async () => {
    const client = user();
    const placed = checked(await client.call('bids.create', { body: order('bids', 10, 1) }));
    expect(placed.data.data.attributes.status).toBe('executing');
    const listed = await client.call('bids.list', { query: { 'filter[orderbook_code]': 'btc_usd' } });
    expect(listed.data.data.map((bid) => bid.id)).toContain(placed.data.data.id);
    const cancelled = await client.call('bids.cancel', { params: { id: placed.data.data.id }, body: {} });
    expect(cancelled.status).toBe(204);
  });

  it('asks: create with decimal strings, list, cancel', async () => {
    const client = user();
    const placed = checked(await client.call('asks.create', { body: order('asks', '0.01', '900000') }));
    const listed = await client.call('asks.list');
    expect(listed.data.data.map((ask) => ask.id)).toContain(placed.data.data.id);
    expect((await client.call('asks.cancel', { params: { id: placed.data.data.id } })).status).toBe(204);
  });

  it('orders.list and orders.cancelAll with the body the SDK sends ({})', async () => {
    const client = user();
    await client.call('bids.create', { body: order('bids', 10, 1) });
    expect((await client.call('orders.list')).data.data.length).toBeGreaterThan(0);
    expect((await client.call('orders.cancelAll', { body: {} })).status).toBe(204);
    expect((await client.call('orders.list')).data.data).toEqual([]);
  });

  it('trades.list after a bid that matches the resting asks', async () => {
    const client = user();
    await client.call('bids.create', { body: order('bids', 100, 40000) });
    const { data } = await client.call('trades.list');
    expect(data.data.map((trade) => trade.type)).toContain('buys');
  });
});

describe('the Bitex sandbox answers withdrawals in the documented shapes', () => {
  it('coinWithdrawals.create with the SDK body, then coinWithdrawals.list', async () => {
    const client = user();
    const body = {
      data: {
        type: 'coin_withdrawals',
        attributes: {
          to_addresses: 'mk2jCye9XhXxVwfp9FyVMRwYDzQxscB5ev',
          label: 'api-test',
          amount: 0.001,
          coin_code: 'btc',
        },
      },
    } as const;
    const created = checked(await client.call('coinWithdrawals.create', { body }));
    expect(created.data.data.attributes.coin_code).toBe('btc');
    const listed = await client.call('coinWithdrawals.list');
    expect(listed.data.data.map((withdrawal) => withdrawal.id)).toContain(created.data.data.id);
  });

  it('cashWithdrawals.create naming withdrawal instructions, then cashWithdrawals.list', async () => {
    // The sandbox serves no /withdrawal_instructions: the id of the user's instructions comes from a first cash
    // withdrawal that names none (which the sandbox pays with the user's default instructions).
    const { bitex: exchange } = sandbox;
    const first = await fetch(`${exchange.baseURL}/cash_withdrawals`, {
      method: 'POST',
      headers: {
        Version: '2.1',
        Authorization: exchange.credentials.user.apiKey,
        'Content-Type': 'application/json',
        'One-Time-Password': await exchange.credentials.user.otp(),
      },
      body: JSON.stringify({
        data: { type: 'cash_withdrawals', attributes: { amount: 1, fiat_code: 'usd' } },
      }),
    });
    const instructions = ((await first.json()) as { included: { id: string }[] }).included[0]?.id ?? '';
    const client = user();
    const created = checked(
      await client.call('cashWithdrawals.create', {
        body: {
          data: {
            type: 'cash_withdrawals',
            attributes: { amount: 150, fiat_code: 'ars' },
            relationships: {
              withdrawal_instruction: { data: { type: 'withdrawal_instructions', id: instructions } },
            },
          },
        },
      }),
    );
    expect(created.data.data.relationships?.withdrawal_instruction.data?.id).toBe(instructions);
    const listed = await client.call('cashWithdrawals.list');
    expect(listed.data.data.length).toBe(2);
  });
});

describe("the Bitex sandbox answers a master's user calls in the documented shapes", () => {
  it('users.list, and users.create bare (the guide) and with email and password (the SDK)', async () => {
    const client = master();
    expect((await client.call('users.list')).data.data.length).toBeGreaterThan(0);
    const bare = await client.call('users.create', { body: { data: { type: 'users' } } });
    expect(bare.status).toBe(201);
    const attributes = { email: 'user+test123@sample.com', password: 'password' };
    const full = checked(
      await client.call('users.create', { body: { data: { type: 'users', attributes } } }),
    );
    expect(full.data.data.attributes.email).toBe(attributes.email);
  });
});
