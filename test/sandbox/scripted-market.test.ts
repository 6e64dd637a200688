import { describe, expect, it } from 'vitest';
import { bitex, createClient, kiiex } from '../../src/index.js';
import { startAlphaPointSandbox, startBitexSandbox } from '../../src/testing/index.js';
import { bench, ORDER } from '../bitexbit/support.js';
import { checked } from '../support/checked.js';
import { TestClock } from '../support/clock.js';

describe('scripted market behaviour a bot reacts to', () => {
  it('bitexbit: a partial fill, the rest filled 30 s later on the sandbox clock, a balance change', async () => {
    const { sandbox, client, clock, available } = await bench();
    const bot = client(sandbox.credentials.trade);
    // 0.001 BTC at 30000 rests below the market maker's ask (30090): 30 USD reserved.
    const { order } = checked(await bot.call('orders.create', { body: ORDER })).data;
    const mine = async () => {
      const { data } = await bot.call('orders.list', {});
      return (data as Array<Record<string, unknown>>).find((listed) => listed.id === order.id);
    };

    sandbox.market.fill(order.id, { amount: '0.0004' });
    expect(await mine()).toMatchObject({
      state: 'submitted',
      amount_filled: '0.0004',
      amount_unfilled: '0.0006',
    });
    // Bought 0.0004 BTC for 12 USD of the reserve, the 0.2% fee taken from the BTC.
    expect(available('BTC')).toBe('2.0003992');
    expect(sandbox.balances().find((holding) => holding.symbol === 'USD')).toEqual({
      symbol: 'USD',
      available: '99970',
      reserved: '18',
    });

    sandbox.market.fill(order.id, { afterMs: 30_000 });
    await clock.advance(29_999);
    expect(await mine()).toMatchObject({ state: 'submitted', amount_filled: '0.0004' });
    await clock.advance(1);
    expect(await mine()).toMatchObject({ state: 'filled', amount_filled: '0.001', amount_unfilled: '0' });
    expect(sandbox.balances().find((holding) => holding.symbol === 'USD')).toMatchObject({ reserved: '0' });
    expect(available('BTC')).toBe('2.000998');

    sandbox.market.changeBalance('USD', '-1000');
    const { data: usd } = await bot.call('balance.get', { query: { symbols: 'USD' } });
    expect(usd).toEqual([{ symbol: 'USD', available: '98970', reserved: '0' }]);
  });

  it('Kiiex: a partial fill, then the rest 10 s later, seen through GetOrderStatus and the balances', async () => {
    const clock = new TestClock();
    const sandbox = await startAlphaPointSandbox({ clock });
    try {
      const credentials = sandbox.addAccount({});
      const bot = createClient(kiiex({ ...credentials, baseURL: sandbox.baseURL }), {
        rateLimit: false,
        clock,
      });
      const ids = sandbox.accountIds(credentials.apiKey);
      const sent = await bot.call('SendOrder', {
        body: { ...ids, InstrumentId: 1, Side: 0, OrderType: 2, Quantity: 0.01, LimitPrice: 30_000 },
      });
      const OrderId = (sent.data as { OrderId: number }).OrderId;
      const status = async () => {
        const { data } = await bot.call('GetOrderStatus', { body: { ...ids, OrderId } });
        return (Array.isArray(data) ? data[0] : data) as Record<string, unknown>;
      };

      sandbox.market.fill(OrderId, { amount: '0.004' });
      expect(await status()).toMatchObject({
        OrderState: 'Working',
        QuantityExecuted: 0.004,
        Quantity: 0.006,
      });
      expect(sandbox.balances(credentials.apiKey)).toMatchObject({ BTC: '2.004', USD: '99880' });

      sandbox.market.fill(OrderId, { afterMs: 10_000 });
      expect(await status()).toMatchObject({ OrderState: 'Working' });
      await clock.advance(10_000);
      expect(await status()).toMatchObject({ OrderState: 'FullyExecuted', QuantityExecuted: 0.01 });
      expect(sandbox.balances(credentials.apiKey)).toMatchObject({ BTC: '2.01', USD: '99700' });

      sandbox.market.changeBalance(credentials.apiKey, 'BTC', '0.5', { afterMs: 1_000 });
      expect(sandbox.balances(credentials.apiKey).BTC).toBe('2.01');
      sandbox.shiftClock(1_000);
      expect(sandbox.balances(credentials.apiKey).BTC).toBe('2.51');
      await bot.close();
    } finally {
      await sandbox.close();
    }
  });

  it('Bitex: the market maker takes part of a resting bid, the rest 10 s later, and a withdrawal elsewhere', async () => {
    const clock = new TestClock();
    const sandbox = await startBitexSandbox({ clock });
    try {
      const bot = createClient(bitex({ ...sandbox.credentials.user, baseURL: sandbox.baseURL }), {
        rateLimit: false,
        clock,
      });
      const user = sandbox.users.user;
      // 100 USD for BTC at 1000: far below the book, so it rests.
      const created = await bot.call('bids.create', {
        body: { data: { type: 'bids', attributes: { orderbook_code: 'btc_usd', amount: 100, price: 1000 } } },
      });
      const id = Number((created.data as { data: { id: string } }).data.id);
      const bid = async () => {
        const { data } = await bot.call('bids.list', {});
        return (data as { data: Array<{ id: string; attributes: Record<string, unknown> }> }).data.find(
          (listed) => Number(listed.id) === id,
        )?.attributes;
      };

      sandbox.market.fill(id, { amount: '0.04' });
      expect(await bid()).toMatchObject({ status: 'executing', remaining_amount: 60 });
      expect(sandbox.balances(user)).toMatchObject({ btc: { available: '2.04' }, usd: { reserved: '60' } });

      sandbox.market.fill(id, { afterMs: 10_000 });
      await clock.advance(9_999);
      expect(await bid()).toMatchObject({ status: 'executing' });
      await clock.advance(1);
      expect(await bid()).toMatchObject({ status: 'completed', remaining_amount: 0 });
      expect(sandbox.balances(user)).toMatchObject({
        btc: { available: '2.1' },
        usd: { available: '9900', reserved: '0' },
      });

      sandbox.market.changeBalance(user, 'usd', '-500');
      expect(sandbox.balances(user).usd?.available).toBe('9400');
      await bot.close();
    } finally {
      await sandbox.close();
    }
  });
});
