import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bitexbit, createClient, ExchangeError, PermissionDeniedError } from '../../../src/index.js';
import { type BitexbitSandbox, startBitexbitSandbox } from '../../../src/testing/index.js';
import { checked } from '../../support/checked.js';
import { thrown } from '../../support/leaks.js';

// A bot that cancels an order by an id it may not use must fail against the sandbox as it would against
// bitexbit. The sandbox holds one account; the other user is its market maker, whose resting orders the account
// sees as the `side_order` of its fills. api-docs-v2 ("Errors"): 403 "You do not have access to do the
// operation. For example when you try to cancel orders that was created by other user"; 400 for input the
// client must change (an id that names no order). The client reads the 403 as a PermissionDeniedError from the
// exchange, the 400 as an ExchangeError; nothing moves (balances, the account's orders), and a cancel of the
// account's own order still succeeds.

let sandbox: BitexbitSandbox;
// biome-ignore lint/suspicious/noExplicitAny: the catalog's answer types are not the subject here.
let client: any;
/** The market maker's orders the account's fills name, and a resting order of the account. */
let makerOrders: number[];
let myOrder: number;

/** What the exchange holds for the account: any change means a cancel ran. */
const holdings = async () => ({
  balances: sandbox.balances(),
  orders: (checked(await client.call('orders.list')).data as { id: number; state: string }[]).map(
    (order) => `${order.id} ${order.state}`,
  ),
});

beforeAll(async () => {
  sandbox = await startBitexbitSandbox();
  client = createClient(bitexbit({ ...sandbox.credentials.trade, baseURL: sandbox.baseURL }), {
    rateLimit: false,
  });
  // Two orders that cross the market maker's best ask, on two pairs: each fill names the maker's order.
  makerOrders = [];
  for (const [symbol, price] of [
    ['BTC_USD', '40000'],
    ['ETH_USD', '3000'],
  ] as const) {
    const placed = await client.call('orders.create', {
      body: { symbol, type: 'buy-limit', price, amount: '0.001' },
    });
    makerOrders.push(Number(placed.data.trades[0].side_order));
  }
  const resting = await client.call('orders.create', {
    body: { symbol: 'BTC_USD', type: 'buy-limit', price: '100', amount: '0.001' },
  });
  myOrder = Number(resting.data.order.id);
});
afterAll(() => sandbox?.close());

describe('the bitexbit sandbox refuses every order id a cancel may not name', () => {
  it("bitexbit: 2 cancels of another user's orders (the market maker's, named by the account's fills) are refused with 403, 0 executed", async () => {
    expect(makerOrders).toHaveLength(2);
    const before = await holdings();
    for (const id of makerOrders) {
      const error = await thrown(() => client.call('orders.cancel', { params: { id } }));
      expect(error).toBeInstanceOf(PermissionDeniedError);
      expect(error).toMatchObject({ status: 403, source: 'exchange' });
      expect((error as Error).message).toContain('the order was created by another user');
    }
    expect(await holdings()).toEqual(before);
  });

  it('bitexbit: 2 cancels of ids that name no order (987654321, 0) are refused with 400, 0 executed', async () => {
    const before = await holdings();
    for (const id of [987_654_321, 0]) {
      const error = await thrown(() => client.call('orders.cancel', { params: { id } }));
      expect(error).toBeInstanceOf(ExchangeError);
      expect(error).toMatchObject({ status: 400 });
      expect((error as Error).message).toContain('order not found');
    }
    expect(await holdings()).toEqual(before);
  });

  it("bitexbit: 1 cancel of the account's own resting order succeeds", async () => {
    const answer = await client.call('orders.cancel', { params: { id: myOrder } });
    expect(answer.status).toBe(200);
    expect(answer.data.order).toMatchObject({ id: myOrder, state: 'canceled' });
  });
});
