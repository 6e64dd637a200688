import { describe, expect, it } from 'vitest';
import { createClient, kiiex, TransportError } from '../../src/index.js';
import { startAlphaPointSandbox } from '../../src/testing/index.js';
import { bench, ORDER } from '../bitexbit/support.js';
import { TestClock } from '../support/clock.js';

// A market maker's loop, as a bot suite would test it: read the depth, then place an order, `rounds` times. It
// reconciles nothing: an order whose outcome is unknown is left for the test to look at.
async function marketMaker(
  round: () => Promise<unknown>,
  rounds: number,
): Promise<Array<{ ok: true } | { ok: false; error: unknown }>> {
  const outcomes: Array<{ ok: true } | { ok: false; error: unknown }> = [];
  for (let i = 0; i < rounds; i += 1) {
    try {
      await round();
      outcomes.push({ ok: true });
    } catch (error) {
      outcomes.push({ ok: false, error });
    }
  }
  return outcomes;
}

describe('faults aimed at one endpoint and one count', () => {
  it('bitexbit: the third orders.create executes, its answer is dropped; depth reads and other orders pass', async () => {
    const { sandbox, client } = await bench();
    const bot = client(sandbox.credentials.trade);
    const fault = sandbox.inject({ endpoint: 'orders.create', nth: 3, fault: 'execute-then-drop' });
    const thirdOrder = sandbox.next({ endpoint: 'orders.create', fault: 'execute-then-drop' });

    const outcomes = await marketMaker(async () => {
      await bot.call('public.depth', { query: { symbol: 'BTC_USD' } });
      await bot.call('orders.create', { body: ORDER });
    }, 3);

    expect(outcomes.slice(0, 2)).toEqual([{ ok: true }, { ok: true }]);
    const third = outcomes[2];
    expect(third?.ok).toBe(false);
    expect((third as { error: unknown }).error).toBeInstanceOf(TransportError);
    expect((third as { error: TransportError }).error.outcome).toBe('unknown');

    const orders = sandbox.log.filter((entry) => entry.endpoint === 'orders.create');
    // Exactly three orders.create on the wire: the one whose outcome is unknown was not sent again.
    expect(orders.map((entry) => [entry.status, entry.executed, entry.fault])).toEqual([
      [200, true, undefined],
      [200, true, undefined],
      [undefined, true, 'execute-then-drop'],
    ]);
    const depth = sandbox.log.filter((entry) => entry.endpoint === 'public.depth');
    expect(depth.map((entry) => entry.status)).toEqual([200, 200, 200]);
    const stats = sandbox.stats();
    expect(stats.executionsByEndpoint).toEqual({ 'public.depth': 3, 'orders.create': 3 });
    expect(stats.refused).toBe(0);
    expect(stats.refusals).toEqual({});
    expect(stats.faults).toEqual({ 'execute-then-drop': 1 });
    expect(fault.hits).toBe(1);
    // The server's own event for the faulted request (awaited last: had the fault missed, the checks above fail
    // first): executed, no answer sent.
    expect(await thirdOrder).toMatchObject({ executed: true, status: undefined, refusal: undefined });
    expect(sandbox.exchange.orders()).toHaveLength(3);
  });

  it('Kiiex: the third SendOrder executes, its answer is dropped; logins and reads pass', async () => {
    const sandbox = await startAlphaPointSandbox({ clock: new TestClock() });
    try {
      const credentials = sandbox.addAccount({});
      const bot = createClient(kiiex({ ...credentials, baseURL: sandbox.baseURL }), {
        rateLimit: false,
        clock: new TestClock(),
      });
      const ids = sandbox.accountIds(credentials.apiKey);
      sandbox.inject({ endpoint: 'SendOrder', nth: 3, fault: 'execute-then-drop' });
      const thirdOrder = sandbox.next({ endpoint: 'SendOrder', fault: 'execute-then-drop' });
      const order = {
        ...ids,
        InstrumentId: 1,
        Side: 0,
        OrderType: 2,
        Quantity: 0.01,
        LimitPrice: 100,
      } as const;

      const outcomes = await marketMaker(async () => {
        await bot.call('GetLevel1', { body: { OMSId: ids.OMSId, InstrumentId: 1 } });
        await bot.call('SendOrder', { body: order });
      }, 3);

      expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, true, false]);
      const error = (outcomes[2] as { error: unknown }).error;
      expect(error).toBeInstanceOf(TransportError);
      expect((error as TransportError).outcome).toBe('unknown');

      const sent = sandbox.log.filter((entry) => entry.endpoint === 'SendOrder');
      expect(sent.map((entry) => [entry.status, entry.executed, entry.fault])).toEqual([
        [200, true, undefined],
        [200, true, undefined],
        [undefined, true, 'execute-then-drop'],
      ]);
      const stats = sandbox.stats();
      expect(stats.executionsByEndpoint).toEqual({ AuthenticateUser: 1, GetLevel1: 3, SendOrder: 3 });
      expect(stats.refused).toBe(0);
      expect(stats.faults).toEqual({ 'execute-then-drop': 1 });
      expect(sandbox.orders()).toHaveLength(3);
      expect(await thirdOrder).toMatchObject({ executed: true, status: undefined });
      await bot.close();
    } finally {
      await sandbox.close();
    }
  });
});
