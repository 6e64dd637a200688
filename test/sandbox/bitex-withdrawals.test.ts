import { describe, expect, it } from 'vitest';
import type { BitexSandbox } from '../../src/testing/bitex/index.js';
import { TestClock } from '../support/clock.js';
import { call, coinWithdrawal, sandbox } from './bitex-support.js';

const WINDOW_MS = 30_000;

/** The codes the exchange accepts at `atMs`: the code of that 30 s window and of one window either side. */
function acceptedAt(exchange: BitexSandbox, userId: number, atMs: number): string[] {
  return [-WINDOW_MS, 0, WINDOW_MS].map((shift) => exchange.otp(userId, atMs + shift));
}

/** A well-formed code that is none of `accepted`: wrong by construction, whatever the secret. */
function wrongCode(accepted: readonly string[]): string {
  const code = ['000000', '111111', '222222', '333333'].find((candidate) => !accepted.includes(candidate));
  if (code === undefined) throw new Error('unreachable: three accepted codes cannot cover four candidates');
  return code;
}

describe('Bitex sandbox: withdrawals behind a one-time password', () => {
  it('refuses a missing or wrong code and lowers the balance exactly once with the right one', async () => {
    const clock = new TestClock();
    const exchange = await sandbox({}, clock);
    const { apiKey, otp } = exchange.credentials.user;
    const missing = await call(exchange, 'POST', '/coin_withdrawals', {
      key: apiKey,
      body: coinWithdrawal('0.5'),
    });
    expect(missing.status).toBe(401);
    expect(missing.text).toBe('{"error":"Invalid One-Time-Password"}');
    const code = await otp();
    // The exchange verifies at the clock's now, which stands still: a code outside these three is wrong.
    const accepted = acceptedAt(exchange, exchange.users.user, clock.now());
    expect(accepted).toContain(code);
    const bad = wrongCode(accepted);
    const wrong = await call(exchange, 'POST', '/coin_withdrawals', {
      key: apiKey,
      body: coinWithdrawal('0.5'),
      headers: { 'One-Time-Password': bad },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.text).toBe('{"error":"Invalid One-Time-Password"}');
    expect(exchange.balances(exchange.users.user).btc?.available).toBe('2');

    const done = await call(exchange, 'POST', '/coin_withdrawals', {
      key: apiKey,
      body: coinWithdrawal('0.5'),
      headers: { 'One-Time-Password': code },
    });
    expect(done.status).toBe(201);
    expect(done.json.data).toMatchObject({
      type: 'coin_withdrawals',
      attributes: { amount: 0.5, coin_code: 'btc', status: 'received' },
    });
    expect(exchange.balances(exchange.users.user).btc).toEqual({
      available: '1.5',
      reserved: '0',
      total: '1.5',
    });
    expect(exchange.stats().executions['POST /api/coin_withdrawals']).toBe(1);

    const listed = await call(exchange, 'GET', '/coin_withdrawals', { key: apiKey });
    expect(listed.json.data).toHaveLength(1);
  });

  it("accepts the previous window's code and refuses a code from a skewed clock", async () => {
    const clock = new TestClock();
    const exchange = await sandbox({}, clock);
    const { apiKey } = exchange.credentials.user;
    const headers = { 'One-Time-Password': exchange.otp(exchange.users.user, clock.now() - WINDOW_MS) };
    const cash = { data: { type: 'cash_withdrawals', attributes: { amount: 100, currency: 'usd' } } };
    expect(
      (await call(exchange, 'POST', '/cash_withdrawals', { key: apiKey, body: cash, headers })).status,
    ).toBe(201);

    // The exchange's clock runs 10 minutes (or a few windows more) ahead of the phone's: a shift where the
    // phone's code is none of the codes the exchange accepts then, so the refusal is certain.
    const phoneCode = await exchange.credentials.user.otp();
    let shift = 10 * 60_000;
    while (acceptedAt(exchange, exchange.users.user, clock.now() + shift).includes(phoneCode))
      shift += WINDOW_MS;
    exchange.shiftClock(shift);
    const skewed = { 'One-Time-Password': phoneCode };
    const refused = await call(exchange, 'POST', '/cash_withdrawals', {
      key: apiKey,
      body: cash,
      headers: skewed,
    });
    expect(refused.status).toBe(401);
    expect(exchange.balances(exchange.users.user).usd?.available).toBe('9900');
  });

  it("takes the master's own code when it withdraws for a managed user", async () => {
    const exchange = await sandbox();
    const { master } = exchange.credentials;
    const answer = await call(exchange, 'POST', '/coin_withdrawals', {
      key: `${master.apiKey}; user=${exchange.users.managed}`,
      body: coinWithdrawal('0.2'),
      headers: { 'One-Time-Password': await master.otp() },
    });
    expect(answer.status).toBe(201);
    expect(exchange.balances(exchange.users.managed).btc?.available).toBe('0.3');
    expect(exchange.balances(exchange.users.master).btc?.available).toBe('1');
  });

  it('refuses more than the balance with a 422 and moves nothing', async () => {
    const exchange = await sandbox();
    const { apiKey, otp } = exchange.credentials.user;
    const answer = await call(exchange, 'POST', '/coin_withdrawals', {
      key: apiKey,
      body: coinWithdrawal('2.00000001'),
      headers: { 'One-Time-Password': await otp() },
    });
    expect(answer.status).toBe(422);
    expect(answer.json.errors[0]).toMatchObject({ status: 422, code: 'insufficient_funds' });
    expect(exchange.balances(exchange.users.user).btc?.available).toBe('2');
    expect(exchange.stats().executions).toEqual({});
  });
});
