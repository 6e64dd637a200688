import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type EndpointDefinition, kiiex } from '../../src/index.js';
import { alphapointCatalog } from '../../src/providers/alphapoint/catalog.js';
import { PRIVATE_CALLS, PUBLIC_CALLS } from '../../src/testing/alphapoint/calls.js';
import { type Sandbox, startSandbox } from '../../src/testing/index.js';

// Every catalog call the Kiiex sandbox serves, made through the client with a documented request: the client
// checks the body against the request schema, then parses the answer with the documented answer schema (a mismatch
// throws ResponseValidationError), and the test parses it once more. Where the sandbox answers another shape than
// the documented one, the test fails: the sandbox is to follow the docs; the schema is not loosened for it.

type Name = keyof typeof alphapointCatalog;

const catalog: Readonly<Record<Name, EndpointDefinition>> = alphapointCatalog;

/** The calls the sandbox answers. */
const names = (Object.keys(catalog) as Name[]).filter(
  (name) => Object.hasOwn(PUBLIC_CALLS, name) || Object.hasOwn(PRIVATE_CALLS, name),
);

let sandbox: Sandbox;
let identity: { omsId: number; accountId: number; userId: number };

// biome-ignore lint/suspicious/noExplicitAny: each call below is made by a name taken from the catalog's keys.
type Untyped = any;

/** A client of the sandbox's trader key (Trading, Withdraw, Deposit), without a client-side rate limit. */
const client = (): Untyped =>
  createClient(kiiex({ ...sandbox.kiiex.credentials.trader, baseURL: sandbox.kiiex.baseURL }), {
    rateLimit: false,
  });

beforeAll(async () => {
  sandbox = await startSandbox();
  const who = await client().authenticate();
  identity = { omsId: Number(who.omsId), accountId: Number(who.accountId), userId: Number(who.userId) };
});
afterAll(() => sandbox?.close());

/** A documented request for each call, within what the sandbox holds (instrument 1 BTCUSD, products 1 BTC, 3 USDT). */
function body(name: Name, orderId: number): object {
  const { omsId: OMSId, accountId: AccountId, userId: UserId } = identity;
  const order = {
    OMSId,
    AccountId,
    InstrumentId: 1,
    Side: 0,
    OrderType: 2,
    Quantity: 0.001,
    LimitPrice: 100,
  };
  const bodies: Partial<Record<Name, object>> = {
    GetInstruments: { OMSId },
    GetInstrument: { OMSId, InstrumentId: 1 },
    GetProducts: { OMSId },
    GetProduct: { OMSId, ProductId: 1 },
    GetLevel1: { OMSId, InstrumentId: 1 },
    Ping: {},
    GetL2Snapshot: { OMSId, InstrumentId: 1, Depth: 10 },
    GetUserInfo: { OMSId, UserId },
    GetUserPermissions: { UserId },
    GetValidate2FARequiredEndpoints: {},
    GetAccountInfo: { OMSId, AccountId },
    GetAccountPositions: { OMSId, AccountId },
    SendOrder: order,
    CancelOrder: { OMSId, AccountId, OrderId: orderId },
    GetOpenOrders: { OMSId, AccountId },
    GetOrderStatus: { OMSId, AccountId, OrderId: orderId },
    GetOrderHistory: { OMSId, AccountId },
    GetTradesHistory: { OMSId, AccountId },
    CreateWithdrawTicket: {
      OMSId,
      AccountId,
      ProductId: 3,
      Amount: 1,
      TemplateType: 'Standard',
      TemplateForm: { TemplateType: 'Standard', Comment: '', ExternalAddress: 'TXYZ' },
    },
    GetWithdrawTickets: { OMSId, AccountId },
    GetDepositTickets: { OMSId, OperatorId: 1, AccountId },
  };
  const given = bodies[name];
  if (!given) throw new Error(`no documented request for ${name} in this test; add one`);
  return given;
}

/** The calls that need an order of the account first. */
const ORDER_FIRST = new Set<Name>(['CancelOrder', 'GetOrderStatus', 'GetOpenOrders']);

/** Places an order to look at or cancel. */
async function placeOrder(): Promise<number> {
  const placed = await client().call('SendOrder', { body: body('SendOrder', 0) });
  return placed.data.OrderId;
}

describe('the Kiiex sandbox answers each catalog call it serves as documented', () => {
  it('serves at least the calls it served before the catalog grew', () => {
    expect(names).toEqual(
      expect.arrayContaining([
        'GetInstruments',
        'GetLevel1',
        'GetUserInfo',
        'GetAccountPositions',
        'SendOrder',
        'CancelOrder',
        'GetOpenOrders',
        'GetOrderStatus',
        'CreateWithdrawTicket',
        'GetWithdrawTickets',
      ]),
    );
  });

  for (const name of names) {
    it(`${name}: the answer parses with the documented schema`, async () => {
      const orderId = ORDER_FIRST.has(name) ? await placeOrder() : 0;
      if (name === 'GetWithdrawTickets') {
        await client().call('CreateWithdrawTicket', { body: body('CreateWithdrawTicket', 0) });
      }
      const response = await client().call(name, { body: body(name, orderId) });
      expect(response.status).toBe(200);
      const schema = catalog[name].response;
      if (schema) expect(schema.safeParse(response.data).error?.issues ?? []).toEqual([]);
      // A list the test has just put something in is not checked empty.
      if (name === 'GetOpenOrders' || name === 'GetWithdrawTickets')
        expect(response.data.length).toBeGreaterThan(0);
    });
  }
});
