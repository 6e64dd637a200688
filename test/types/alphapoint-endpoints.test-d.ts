import { describe, expectTypeOf, it } from 'vitest';
import { alphapoint, createClient, kiiex } from '../../src/index.js';

const base = { apiKey: 'k', apiSecret: 's', userId: 1, baseURL: 'https://x.test/ap' };
const client = createClient(kiiex({ ...base }));

describe('AlphaPoint endpoint types', () => {
  it('SendOrder takes the documented body: a wrong field is a compile error', () => {
    client.call('SendOrder', {
      body: {
        OMSId: 1,
        AccountId: 7,
        InstrumentId: 1,
        Side: 0,
        OrderType: 2,
        Quantity: 0.01,
        LimitPrice: 100,
      },
    });
    client.call('SendOrder', {
      body: {
        OMSId: 1,
        AccountId: 7,
        InstrumentId: 1,
        Side: 1,
        OrderType: 1,
        Quantity: 0.5,
        TimeInForce: 3,
        ClientOrderId: 42,
        PostOnly: false,
      },
    });
    client.call('SendOrder', {
      // @ts-expect-error `Qty` is not a field of SendOrder (it is `Quantity`)
      body: { OMSId: 1, AccountId: 7, InstrumentId: 1, Side: 0, OrderType: 2, Qty: 0.01 },
    });
    client.call('SendOrder', {
      // @ts-expect-error `quantity` in the docs' camelCase: the body is sent in the wire's PascalCase
      body: { OMSId: 1, AccountId: 7, InstrumentId: 1, Side: 0, OrderType: 2, Quantity: 1, quantity: 1 },
    });
    client.call('SendOrder', {
      // @ts-expect-error Quantity is a JSON number in the docs, not a decimal string
      body: { OMSId: 1, AccountId: 7, InstrumentId: 1, Side: 0, OrderType: 2, Quantity: '0.01' },
    });
    client.call('SendOrder', {
      // @ts-expect-error Side is 0 Buy, 1 Sell, 2 Short or 3 Unknown
      body: { OMSId: 1, AccountId: 7, InstrumentId: 1, Side: 4, OrderType: 2, Quantity: 0.01 },
    });
    client.call('SendOrder', {
      // @ts-expect-error AccountId is required
      body: { OMSId: 1, InstrumentId: 1, Side: 0, OrderType: 2, Quantity: 0.01 },
    });
  });

  it('SendOrder answers {status, errormsg, OrderId} as documented', async () => {
    const sent = await client.call('SendOrder', {
      body: {
        OMSId: 1,
        AccountId: 7,
        InstrumentId: 1,
        Side: 0,
        OrderType: 2,
        Quantity: 0.01,
        LimitPrice: 100,
      },
    });
    if (sent.drift) return;
    const { data } = sent;
    expectTypeOf(data.status).toEqualTypeOf<string>();
    expectTypeOf(data.errormsg).toEqualTypeOf<string>();
    expectTypeOf(data.OrderId).toEqualTypeOf<number>();
  });

  it('GetAccountPositions answers an array of positions with the documented field types', async () => {
    const { data } = await client.call('GetAccountPositions', { body: { OMSId: 1, AccountId: 7 } });
    expectTypeOf(data).toBeArray();
    type Position = (typeof data)[number];
    expectTypeOf<Position['OMSId']>().toEqualTypeOf<number>();
    expectTypeOf<Position['AccountId']>().toEqualTypeOf<number>();
    expectTypeOf<Position['ProductSymbol']>().toEqualTypeOf<string>();
    expectTypeOf<Position['ProductId']>().toEqualTypeOf<number>();
    expectTypeOf<Position['Amount']>().toEqualTypeOf<number>();
    expectTypeOf<Position['Hold']>().toEqualTypeOf<number>();
    expectTypeOf<Position['PendingDeposits']>().toEqualTypeOf<number>();
    expectTypeOf<Position['TotalYearWithdrawNotional']>().toEqualTypeOf<number>();
    // Added in APEX 3.5.0: absent on earlier deployments.
    expectTypeOf<Position['NotionalRate']>().toEqualTypeOf<number | undefined>();
    // @ts-expect-error the body is {OMSId, AccountId}
    client.call('GetAccountPositions', { body: { OMSId: 1, AccountID: 7 } });
  });

  it('the other calls take their documented bodies too', () => {
    client.call('CancelOrder', { body: { OMSId: 1, OrderId: 5 } });
    client.call('CreateWithdrawTicket', {
      body: { OMSId: 1, AccountId: 7, ProductId: 3, Amount: 1, TemplateType: 'Standard', TemplateForm: {} },
    });
    client.call('CreateWithdrawTicket', {
      // @ts-expect-error ProductSymbol is not a documented field of CreateWithdrawTicket (it takes ProductId)
      body: { OMSId: 1, AccountId: 7, ProductSymbol: 'USDT', Amount: 1 },
    });
    client.call('Ping');
    // @ts-expect-error Ping takes no payload
    client.call('Ping', { body: { Hello: 1 } });
  });

  it('permissions: a Deposit-only key reads, a Trading key trades, only a Withdraw key moves funds out', () => {
    const reader = createClient(alphapoint({ ...base, permissions: ['Deposit'] }));
    reader.call('GetDepositInfo', { body: { OMSId: 1, AccountId: 7, ProductId: 1, GenerateNewKey: false } });
    reader.call('GetOrderHistory', { body: { OMSId: 1, AccountId: 7 } });
    // @ts-expect-error needs Trading
    reader.call('CancelAllOrders', { body: { OMSId: 1, AccountId: 7 } });

    const trader = createClient(alphapoint({ ...base, permissions: ['Trading'] }));
    trader.call('ModifyOrder', { body: { OMSId: 1, OrderId: 5, InstrumentId: 1, Quantity: 0.5 } });
    // @ts-expect-error sending funds to another user needs Withdraw
    trader.call('TransferFunds', {
      body: { OMSId: 1, SenderAccountId: 7, ProductId: 1, Amount: 1, ReceiverUserName: 'someone' },
    });
    // @ts-expect-error cancelling a withdrawal needs Withdraw
    trader.call('CancelWithdraw', { body: { OMSId: 1, UserId: 1, AccountId: 7, RequestCode: 'guid' } });
  });
});
