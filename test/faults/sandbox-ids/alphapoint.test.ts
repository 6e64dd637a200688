import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, ExchangeError, kiiex } from '../../../src/index.js';
import {
  type AlphaPointCredentials,
  type AlphaPointSandbox,
  startAlphaPointSandbox,
} from '../../../src/testing/index.js';
import { send, signedBy } from '../../alphapoint/wire.js';
import { thrown } from '../../support/leaks.js';

// A bot that names an id it may not use must fail against the sandbox as it would against APEX: another user's
// account, an account or OMS that does not exist, its UserId sent as its AccountId, an instrument, product or
// user that is not there or not its own. Each is refused with errorcode 100 (src/testing/alphapoint/ids.ts cites
// the sources), which the client reads as an ExchangeError: no new login, not sent again, nothing executed
// (counted at the exchange: executions, orders, withdraw tickets, balances). The same calls with the key's own
// ids succeed.

let sandbox: AlphaPointSandbox;
/** The bot's key, and another user's. */
let mine: AlphaPointCredentials;
let theirs: AlphaPointCredentials;
/** An order of each account. */
let myOrder: number;
let theirOrder: number;

// biome-ignore lint/suspicious/noExplicitAny: each call is made by a name from the table below.
type Untyped = any;
const clientOf = (credentials: AlphaPointCredentials): Untyped =>
  createClient(kiiex({ ...credentials, baseURL: sandbox.baseURL }), { rateLimit: false });
let bot: Untyped;

type Ids = { OMSId: number; AccountId: number };
const orderBody = (ids: Ids) => ({
  ...ids,
  InstrumentId: 1,
  Side: 0,
  OrderType: 2,
  Quantity: 0.001,
  LimitPrice: 100,
});
const ticketBody = (ids: Ids) => ({
  ...ids,
  ProductId: 3,
  Amount: 1,
  TemplateType: 'ToExternalAddress',
  TemplateForm: { TemplateType: 'ToExternalAddress', Comment: '', ExternalAddress: 'TXYZ' },
});

/** The seven calls of the sandbox that name an account, with `ids` and (where it names one) `orderId`. */
const accountCalls = (ids: Ids, orderId: number): [string, object][] => [
  ['GetAccountPositions', ids],
  ['SendOrder', orderBody(ids)],
  ['CancelOrder', { ...ids, OrderId: orderId }],
  ['GetOpenOrders', ids],
  ['GetOrderStatus', { ...ids, OrderId: orderId }],
  ['CreateWithdrawTicket', ticketBody(ids)],
  ['GetWithdrawTickets', ids],
];

/** What the exchange holds and counted: any change means something ran. */
const holdings = () => ({
  executions: sandbox.stats().executions,
  orders: sandbox.orders().map((order) => `${order.orderId} ${order.accountId} ${order.state}`),
  withdrawals: sandbox.withdrawals().length,
  balances: [mine, theirs].map((credentials) => sandbox.balances(credentials.apiKey)),
  logins: sandbox.stats().logins,
});

/**
 * Makes each call with the bot's client and expects it refused: an ExchangeError with errorcode 100 whose message
 * or details say `why`, sent once, with no new login and nothing executed.
 */
async function expectRefused(
  calls: readonly [string, object][],
  why: (body: Record<string, unknown>) => { message?: string; details?: string },
): Promise<void> {
  const before = holdings();
  const logged = sandbox.log.length;
  for (const [name, body] of calls) {
    const error = await thrown(() => bot.call(name, { body }));
    expect(error, name).toBeInstanceOf(ExchangeError);
    expect((error as ExchangeError).exchangeCode, name).toBe(100);
    const { message, details } = why(body as Record<string, unknown>);
    if (message !== undefined) expect((error as ExchangeError).message, name).toContain(message);
    if (details !== undefined) expect((error as ExchangeError).details, name).toBe(details);
  }
  expect(holdings()).toEqual(before);
  const arrived = sandbox.log.slice(logged).map((entry) => entry.path);
  expect(arrived).toEqual(calls.map(([name]) => `/ap/${name}`));
}

beforeAll(async () => {
  sandbox = await startAlphaPointSandbox();
  mine = sandbox.addAccount({});
  theirs = sandbox.addAccount({});
  bot = clientOf(mine);
  await bot.authenticate();
  const placed = async (credentials: AlphaPointCredentials) => {
    const ids = sandbox.accountIds(credentials.apiKey);
    const answer = await clientOf(credentials).call('SendOrder', { body: orderBody(ids) });
    return Number(answer.data.OrderId);
  };
  myOrder = await placed(mine);
  theirOrder = await placed(theirs);
});
afterAll(() => sandbox?.close());

describe('the AlphaPoint sandbox refuses every id a request may not name', () => {
  it("AlphaPoint: 7 calls naming another user's AccountId are refused, 0 executed, 0 resent, 0 new logins", async () => {
    const ids = sandbox.accountIds(theirs.apiKey);
    await expectRefused(accountCalls(ids, theirOrder), () => ({
      message: `Invalid AccountId: ${ids.AccountId}`,
    }));
    expect(sandbox.orders().find((order) => order.orderId === theirOrder)?.state).toBe('Working');
  });

  it('AlphaPoint: 7 calls naming an AccountId that does not exist (987654321 on OMS 1) are refused, 0 executed', async () => {
    await expectRefused(accountCalls({ OMSId: 1, AccountId: 987_654_321 }, myOrder), () => ({
      message: 'Invalid AccountId: 987654321',
    }));
  });

  it('AlphaPoint: 7 calls on an OMS that does not exist (987654321 on OMS 42, and its own account on OMS 42) are refused as Invalid OMSId, 0 executed', async () => {
    const own = sandbox.accountIds(mine.apiKey).AccountId;
    await expectRefused(
      [
        ...accountCalls({ OMSId: 42, AccountId: 987_654_321 }, myOrder).slice(0, 4),
        ...accountCalls({ OMSId: 42, AccountId: own }, myOrder).slice(4),
      ],
      () => ({ message: 'Invalid Request', details: 'Invalid OMSId' }),
    );
  });

  it('AlphaPoint: 7 calls sending the UserId as the AccountId are refused, 0 executed', async () => {
    const ids = { OMSId: 1, AccountId: Number(mine.userId) };
    await expectRefused(accountCalls(ids, myOrder), () => ({ message: `Invalid AccountId: ${mine.userId}` }));
  });

  it('AlphaPoint: 2 calls naming an instrument that does not exist (10000) are refused, 0 executed', async () => {
    const ids = sandbox.accountIds(mine.apiKey);
    await expectRefused(
      [
        ['SendOrder', { ...orderBody(ids), InstrumentId: 10_000 }],
        ['GetLevel1', { OMSId: 1, InstrumentId: 10_000 }],
      ],
      () => ({ message: 'Invalid InstrumentId: 10000' }),
    );
  });

  it('AlphaPoint: 1 withdraw ticket naming a product that does not exist (99) is refused, 0 executed', async () => {
    const ids = sandbox.accountIds(mine.apiKey);
    await expectRefused([['CreateWithdrawTicket', { ...ticketBody(ids), ProductId: 99 }]], () => ({
      message: 'Invalid ProductId: 99',
    }));
  });

  it('AlphaPoint: 2 GetUserInfo naming another user (by UserId, by UserName) are refused, 0 executed', async () => {
    await expectRefused(
      [
        ['GetUserInfo', { OMSId: 1, UserId: Number(theirs.userId) }],
        ['GetUserInfo', { OMSId: 1, UserName: `user${theirs.userId}` }],
      ],
      (body) => ({
        message: body.UserName
          ? `Invalid UserName: user${theirs.userId}`
          : `Invalid UserId: ${theirs.userId}`,
      }),
    );
  });

  it("AlphaPoint: 3 requests on the wire naming another user's account (lower-case accountId as slate prints it, inside NDAX's Payload, in a GET query) are refused with the exact answer, 0 executed", async () => {
    // By hand: the library's request schemas refuse these shapes before sending, a bot of its own may not.
    const login = await send(sandbox.baseURL, 'AuthenticateUser', { headers: signedBy(mine) });
    const headers = { aptoken: String(login.body.SessionToken) };
    const ids = sandbox.accountIds(theirs.apiKey);
    const before = holdings();
    const answers = [
      await send(sandbox.baseURL, 'GetAccountPositions', {
        headers,
        body: { omsId: ids.OMSId, accountId: ids.AccountId },
      }),
      await send(sandbox.baseURL, 'CreateWithdrawTicket', {
        headers,
        body: { TfaType: 'Google', TFaCode: '123456', Payload: JSON.stringify(ticketBody(ids)) },
      }),
      await send(sandbox.baseURL, 'GetOpenOrders', {
        method: 'GET',
        headers,
        query: `OMSId=${ids.OMSId}&AccountId=${ids.AccountId}`,
      }),
    ];
    for (const answer of answers) {
      expect(answer).toEqual({
        status: 200,
        body: {
          result: false,
          errormsg: `Invalid AccountId: ${ids.AccountId}`,
          errorcode: 100,
          detail: null,
        },
      });
    }
    expect(holdings()).toEqual(before);
    const oms = await send(sandbox.baseURL, 'GetAccountPositions', {
      headers,
      body: { OMSId: 42, AccountId: 987_654_321 },
    });
    expect(oms.body).toEqual({
      result: false,
      errormsg: 'Invalid Request',
      errorcode: 100,
      detail: 'Invalid OMSId',
    });
  });

  it("AlphaPoint: the same 7 calls naming the key's own ids succeed, each executed once", async () => {
    const before = sandbox.stats().executions;
    const ids = sandbox.accountIds(mine.apiKey);
    for (const [name, body] of accountCalls(ids, myOrder)) {
      const answer = await bot.call(name, { body });
      expect(answer.status, name).toBe(200);
    }
    const after = sandbox.stats().executions;
    for (const [name] of accountCalls(ids, myOrder))
      expect((after[name] ?? 0) - (before[name] ?? 0), name).toBe(1);
    expect(sandbox.orders().find((order) => order.orderId === myOrder)?.state).toBe('Canceled');
    expect((await bot.call('GetUserInfo', { body: { OMSId: 1, UserId: Number(mine.userId) } })).status).toBe(
      200,
    );
    expect((await bot.call('GetLevel1', { body: { OMSId: 1, InstrumentId: 1 } })).status).toBe(200);
  });
});
