import { expectTypeOf, test } from 'vitest';
import { createClient, kiiex } from '../../src/index.js';

const credentials = { apiKey: 'key_abcdef123', apiSecret: 'secret_abcdef123', userId: 1 } as const;

test('socket calls are typed from the catalog and gated by the key permissions', () => {
  const readOnly = createClient(kiiex({ ...credentials, environment: 'staging', permissions: [] }));
  const socket = readOnly.websocket();
  // @ts-expect-error SendOrder needs the 'trade' permission this key lacks
  void socket.call('SendOrder', {
    OMSId: 1,
    AccountId: 1,
    InstrumentId: 1,
    Side: 0,
    OrderType: 2,
    Quantity: 1,
  });
  // @ts-expect-error a field GetUserInfo does not take
  void socket.call('GetUserInfo', { OMSId: 1, Nope: 1 });

  const trader = createClient(kiiex({ ...credentials, environment: 'staging', permissions: ['Trading'] }));
  const placed = trader
    .websocket()
    .call('SendOrder', { OMSId: 1, AccountId: 1, InstrumentId: 1, Side: 0, OrderType: 2, Quantity: 1 });
  type Placed = Awaited<typeof placed>;
  // A money-moving call resolves typed only once `drift` is ruled out.
  expectTypeOf<Extract<Placed, { drift?: undefined }>['data']>().toHaveProperty('OrderId');
  expectTypeOf<Extract<Placed, { drift: object }>['data']>().toBeUnknown();
});

test('events are typed by name', () => {
  const socket = createClient(kiiex({ ...credentials, environment: 'staging' })).websocket();
  const reader = socket.events();
  void (async () => {
    for await (const event of reader) {
      if (event.name === 'OrderStateEvent' && !event.drift) expectTypeOf(event.data.OrderId).toBeNumber();
    }
  })();
});
