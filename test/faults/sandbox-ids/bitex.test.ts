import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bitex, createClient, ExchangeError, PermissionDeniedError } from '../../../src/index.js';
import { type BitexSandbox, startBitexSandbox } from '../../../src/testing/index.js';
import { checked } from '../../support/checked.js';
import { thrown } from '../../support/leaks.js';

// A bot that names an id it may not use must fail against the sandbox as it would against Bitex: another user's
// order cancelled by id, another user's withdrawal instruction paying a cash withdrawal, a master acting for a
// user it does not manage; and the same with ids that name nothing. Refused as reference/bitex.md records Bitex's
// answers: 404 `{"errors":[{"code":null,"detail":null}]}` for an order that is not found, 422 JSON:API `errors`
// for an instruction that is not the user's, 401 `{"error":"Not enough permissions"}` for `user=<id>` of a user
// not managed. Nothing executed (the sandbox's counted executions, and balances: a cancel or a withdrawal moves
// them); the same requests with the user's own ids succeed.

let sandbox: BitexSandbox;
const settings = { rateLimit: false } as const;
const user = () => createClient(bitex({ ...sandbox.credentials.user, baseURL: sandbox.baseURL }), settings);
const master = () =>
  createClient(bitex({ ...sandbox.credentials.master, baseURL: sandbox.baseURL }), settings);

const bid = {
  data: { type: 'bids', attributes: { orderbook_code: 'btc_usd', amount: 10, price: 1 } },
} as const;
const ask = {
  data: { type: 'asks', attributes: { orderbook_code: 'btc_usd', amount: 0.001, price: 1_000_000 } },
} as const;
const cashWithdrawal = (instruction: string) =>
  ({
    data: {
      type: 'cash_withdrawals',
      attributes: { amount: 1, fiat_code: 'usd' },
      relationships: {
        withdrawal_instruction: { data: { type: 'withdrawal_instructions', id: instruction } },
      },
    },
  }) as const;

/** The withdrawal instruction the sandbox pays a user's cash withdrawals with: made by one that names none. */
async function instructionOf(credentials: { apiKey: string; otp: () => Promise<string> }): Promise<string> {
  const answer = await fetch(`${sandbox.baseURL}/cash_withdrawals`, {
    method: 'POST',
    headers: {
      Version: '2.1',
      Authorization: credentials.apiKey,
      'Content-Type': 'application/json',
      'One-Time-Password': await credentials.otp(),
    },
    body: JSON.stringify({ data: { type: 'cash_withdrawals', attributes: { amount: 1, fiat_code: 'usd' } } }),
  });
  return ((await answer.json()) as { included: { id: string }[] }).included[0]?.id ?? '';
}

/** The ids the requests name. */
let theirs: { bid: string; ask: string; instruction: string; user: number };
let mine: { bid: string; ask: string; instruction: string; user: number };

/** What the exchange holds and counted: any change means something ran. */
const holdings = () => ({
  executions: sandbox.stats().executions,
  balances: [sandbox.users.user, sandbox.users.master, sandbox.users.managed].map((id) =>
    sandbox.balances(id),
  ),
});

/** The four requests, each naming the ids of `ids`. */
const requests = (ids: typeof mine) =>
  [
    ['bids.cancel', () => user().call('bids.cancel', { params: { id: ids.bid }, body: {} })],
    ['asks.cancel', () => user().call('asks.cancel', { params: { id: ids.ask }, body: {} })],
    [
      'cashWithdrawals.create',
      () => user().call('cashWithdrawals.create', { body: cashWithdrawal(ids.instruction) }),
    ],
    ['bids.create on behalf', () => master().onBehalfOf(ids.user).call('bids.create', { body: bid })],
  ] as const;

/** Each request refused as documented, and nothing executed. */
async function expectRefused(ids: typeof mine): Promise<void> {
  const before = holdings();
  const logged = sandbox.log.length;
  // One at a time: a request that succeeds fails the test before the next is sent.
  const errors: unknown[] = [];
  for (const [, request] of requests(ids)) errors.push(await thrown(request));
  const [cancelBid, cancelAsk, withdraw, onBehalf] = errors;
  for (const error of [cancelBid, cancelAsk]) {
    expect(error).toBeInstanceOf(ExchangeError);
    expect(error).toMatchObject({ status: 404, details: [{ code: null, detail: null }] });
  }
  expect(withdraw).toBeInstanceOf(ExchangeError);
  expect(withdraw).toMatchObject({ status: 422, details: [{ code: 'invalid_withdrawal_instruction' }] });
  expect(onBehalf).toBeInstanceOf(PermissionDeniedError);
  expect(onBehalf).toMatchObject({ status: 401, source: 'exchange' });
  expect((onBehalf as Error).message).toContain('Not enough permissions');
  expect(holdings()).toEqual(before);
  expect(sandbox.log.length - logged).toBe(4);
}

beforeAll(async () => {
  sandbox = await startBitexSandbox();
  const market = await user().call('markets.get', {
    params: { orderbook: 'btc_usd' },
    query: { include: 'asks,bids' },
  });
  const makerAsk = market.data.data.relationships.asks.data[0]?.id ?? '';
  const masterBid = checked(await master().call('bids.create', { body: bid })).data.data.id;
  theirs = {
    bid: masterBid,
    ask: makerAsk,
    instruction: await instructionOf(sandbox.credentials.master),
    user: sandbox.users.user,
  };
  mine = {
    bid: checked(await user().call('bids.create', { body: bid })).data.data.id,
    ask: checked(await user().call('asks.create', { body: ask })).data.data.id,
    instruction: await instructionOf(sandbox.credentials.user),
    user: sandbox.users.managed,
  };
});
afterAll(() => sandbox?.close());

describe('the Bitex sandbox refuses every id a request may not name', () => {
  it("Bitex: 4 requests naming another user's ids (a master's bid, the market maker's ask, the master's withdrawal instruction, a user the master does not manage) are refused, 0 executed", async () => {
    await expectRefused(theirs);
  });

  it('Bitex: 4 requests naming ids that do not exist (bid, ask, withdrawal instruction, user 987654321) are refused, 0 executed', async () => {
    const nothing = '987654321';
    await expectRefused({ bid: nothing, ask: nothing, instruction: nothing, user: Number(nothing) });
  });

  it("Bitex: the same 4 requests naming the user's own ids succeed, each executed once", async () => {
    const before = sandbox.stats().executions;
    for (const [name, request] of requests(mine)) {
      const answer = await request();
      expect(answer.status, name).toBeLessThan(300);
    }
    const after = sandbox.stats().executions;
    for (const route of [
      'POST /api/bids/:id/cancel',
      'POST /api/asks/:id/cancel',
      'POST /api/cash_withdrawals',
      'POST /api/bids',
    ])
      expect((after[route] ?? 0) - (before[route] ?? 0), route).toBe(1);
  });
});
