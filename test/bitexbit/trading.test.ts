import { describe, expect, it } from 'vitest';
import { ExchangeError, TransportError } from '../../src/index.js';
import { checked } from '../support/checked.js';
import { thrown } from '../support/leaks.js';
import { bench, ORDER, ROUTES, WITHDRAWAL } from './support.js';

describe('balances, orders and withdrawals', () => {
  it('reads the balance', async () => {
    const { sandbox, client } = await bench();
    const { data } = await client(sandbox.credentials.read).call('balance.get', {
      query: { symbols: 'BTC' },
    });
    expect(data).toEqual([{ symbol: 'BTC', available: '2', reserved: '0' }]);
  });

  it('creates and cancels an order, reserving and releasing the funds', async () => {
    const { sandbox, client, available } = await bench();
    const trader = client(sandbox.credentials.trade);
    const created = checked(await trader.call('orders.create', { body: ORDER }));
    expect(created.data.order).toMatchObject({ ...ORDER, state: 'submitted', amount_unfilled: '0.001' });
    expect(created.data.trades).toEqual([]);
    const usd = { symbol: 'USD', available: '99970', reserved: '30' };
    expect(created.data.funds).toEqual([usd]);
    expect(sandbox.balances().find((h) => h.symbol === 'USD')).toEqual(usd);
    const id = created.data.order.id;
    const cancelled = checked(await trader.call('orders.cancel', { params: { id } }));
    expect(cancelled.data.order).toMatchObject({ id, state: 'canceled', amount_cancelled: '0.001' });
    expect(cancelled.data.funds).toEqual([{ symbol: 'USD', available: '100000', reserved: '0' }]);
    expect(available('USD')).toBe('100000');
    expect(sandbox.executions(ROUTES.create)).toBe(1);
    expect(sandbox.executions(ROUTES.cancel)).toBe(1);

    const again = await thrown(() => trader.call('orders.cancel', { params: { id } }));
    expect(again).toBeInstanceOf(ExchangeError);
    expect((again as ExchangeError).status).toBe(400);
    expect((again as ExchangeError).message).toContain('order is not open');
  });

  it("an order that crosses the market maker's best ask fills at that price, fee taken from what is bought", async () => {
    const { sandbox, client, available } = await bench();
    const trader = client(sandbox.credentials.trade);
    // The sandbox's best BTC_USD ask is 30090 (0.3% above 30000); a buy at 31000 crosses it.
    const created = checked(
      await trader.call('orders.create', { body: { ...ORDER, price: '31000', amount: '0.01' } }),
    );
    expect(created.data.order).toMatchObject({ state: 'filled', amount_filled: '0.01', price_avg: '30090' });
    expect(created.data.trades).toMatchObject([{ price: '30090', amount: '0.01' }]);
    expect(available('USD')).toBe('99699.1');
    expect(available('BTC')).toBe('2.00998');
    const trades = await client(sandbox.credentials.read).call('trades.list');
    expect(trades.data).toMatchObject([
      { type: 'buy', price: '30090', fee_amount: '0.00002', fee_symbol: 'BTC' },
    ]);
  });

  it('400 carries the body details', async () => {
    const { sandbox, client, available } = await bench();
    const error = await thrown(() =>
      client(sandbox.credentials.trade).request({
        method: 'POST',
        path: '/api/v2/private/order/create',
        body: { ...ORDER, price: '-1' },
        unchecked: true,
      }),
    );
    expect(error).toBeInstanceOf(ExchangeError);
    expect((error as ExchangeError).status).toBe(400);
    expect((error as ExchangeError).details).toEqual({
      message: 'invalid request',
      errors: { price: 'must be a positive decimal string' },
    });
    expect(available('USD')).toBe('100000');
    expect(sandbox.log).toHaveLength(1);
  });

  it('a gateway withdrawal lowers the balance once and is listed in the history', async () => {
    const { sandbox, client, available } = await bench();
    const { withdraw } = sandbox.credentials;
    const response = checked(
      await client(withdraw).call('withdrawals.create', { body: { ...WITHDRAWAL, client_order_id: 'w-1' } }),
    );
    expect(response.data).toMatchObject({ ticker: 'USDT', amount: '22', status: 10, client_order_id: 'w-1' });
    expect(available('USDT')).toBe('49978');
    expect(sandbox.executions(ROUTES.withdraw)).toBe(1);

    const history = await client(withdraw).call('withdrawals.list');
    expect(history.data).toMatchObject({ count: 1, next: null, previous: null });
    expect(history.data.results).toMatchObject([
      { id: response.data.id, amount: 22, client_order_id: 'w-1' },
    ]);
    expect(sandbox.executions(ROUTES.withdraw)).toBe(1);
  });

  it('a withdrawal whose answer is lost is not repeated: executed exactly once, outcome unknown', async () => {
    const { sandbox, client, available } = await bench();
    sandbox.dropNext({ execute: true });
    const error = await thrown(() =>
      client(sandbox.credentials.withdraw).call('withdrawals.create', {
        body: { ...WITHDRAWAL, client_order_id: 'w-lost' },
      }),
    );
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).outcome).toBe('unknown');
    expect(sandbox.log).toHaveLength(1);
    expect(sandbox.executions(ROUTES.withdraw)).toBe(1);
    expect(available('USDT')).toBe('49978');
  });

  it('a withdrawal that meets a 503 is not repeated', async () => {
    const { sandbox, client, available, clock } = await bench();
    sandbox.failNext(1, { status: 503 });
    const error = await thrown(() =>
      client(sandbox.credentials.withdraw).call('withdrawals.create', { body: WITHDRAWAL }),
    );
    expect(error).toBeInstanceOf(ExchangeError);
    expect((error as ExchangeError).status).toBe(503);
    expect(sandbox.log).toHaveLength(1);
    expect(sandbox.executions(ROUTES.withdraw)).toBe(0);
    expect(available('USDT')).toBe('50000');
    expect(clock.sleeps).toEqual([]);
  });

  it('a balance read that meets a 503 is retried after a backoff on the clock, and succeeds', async () => {
    const { sandbox, client, clock } = await bench();
    sandbox.failNext(1, { status: 503 });
    const response = await client(sandbox.credentials.read).call('balance.get');
    expect(response.status).toBe(200);
    expect(sandbox.log).toHaveLength(2);
    expect(sandbox.executions(ROUTES.balance)).toBe(1);
    expect(clock.sleeps).toHaveLength(1);
  });
});
