import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { fixture } from '../../fixtures/shape.js';
import { TestClock } from '../../support/clock.js';
import { CALL_PATH, clientFor, settings, transportFields } from '../support/clients.js';
import { closeServers, json, startHttp } from '../support/servers.js';
import { turns, unsettledAfter, until, watch } from '../support/turns.js';

afterEach(closeServers);

/** bitexbit's documented answer to "Create Order", carrying the server's count as the order id. */
function placedOrder(id: number) {
  const answer = fixture('bitexbit/order-create.json') as { order: { id: number } };
  answer.order.id = id;
  return answer;
}

const timedOut = (error: unknown) => {
  const got = transportFields(error);
  return got?.networkCode === 'ETIMEDOUT' && got.outcome === 'unknown';
};

describe("bitexbit's per-key queue", () => {
  it('a stuck order holds the queue only until its deadline: 1 of 3 orders reached the exchange before it, 3 of 3 right after', async () => {
    let orders = 0;
    // The first order is read and never answered; the ones after it are answered at once.
    const server = await startHttp((_arrival, res) => {
      orders += 1;
      if (orders > 1) json(res, 200, placedOrder(orders));
    });
    const clock = new TestClock({ auto: false });
    const { call } = clientFor('bitexbit', server.origin, settings({ clock, timeout: 1_000 }));
    const path = CALL_PATH.bitexbit;

    const stuck = watch(call());
    await until(() => server.count(path) === 1, 'the first order arrives');
    const next = [watch(call()), watch(call())];
    await turns(200);
    const arrivedBeforeDeadline = server.count(path);
    expect(arrivedBeforeDeadline).toBe(1);
    expect(next.filter((order) => order.settled).length).toBe(0);

    await clock.advance(1_000);
    // The queued orders go out right after the stuck one's deadline, without any more time passing.
    await until(() => server.count(path) === 3, 'the queued orders arrive');
    const outlived = await unsettledAfter([stuck, ...next]);
    expect(outlived).toBe(0);
    expect(timedOut(stuck.error)).toBe(true);
    const answered = next.filter((order) => order.value?.status === 200).length;
    expect(answered).toBe(2);
    // In the order they were queued (the answer carries the server's count).
    expect(
      next.map((order) => (order.value?.data as { order: { id: number } } | undefined)?.order.id),
    ).toEqual([2, 3]);
  });
});

describe('time spent waiting for an in-flight slot is not part of the deadline', () => {
  /** A server that holds every request until the test answers it (`answer(i)`) or forever. */
  async function holdingServer() {
    const held: ServerResponse[] = [];
    const server = await startHttp((_arrival, res) => {
      held.push(res);
    });
    return {
      server,
      held,
      answer: (index: number) => held[index] && json(held[index], 200, fixture('bitex/users-me.json')),
    };
  }

  it('with maxInFlight 1, a request queued behind a slow one that succeeds still gets its full 1000 ms: 0 end early, 0 outlive it', async () => {
    const { server, held, answer } = await holdingServer();
    const clock = new TestClock({ auto: false });
    const { call } = clientFor('bitex', server.origin, settings({ clock, timeout: 1_000, maxInFlight: 1 }));

    const first = watch(call());
    await until(() => held.length === 1, 'the first request arrives');
    const second = watch(call());
    await turns(200);
    expect(server.arrivals.length).toBe(1);

    // 900 ms in the queue, then the first request is answered and the slot frees.
    await clock.advance(900);
    answer(0);
    await until(() => first.settled, 'the first request is answered');
    expect(first.value?.status).toBe(200);
    await until(() => held.length === 2, 'the second request arrives');

    // Its deadline counts from when it was sent: 999 ms later it is still waiting.
    await clock.advance(999);
    await turns(200);
    const endedEarly = second.settled ? 1 : 0;
    expect(endedEarly).toBe(0);

    await clock.advance(1);
    const outlivedDeadline = await unsettledAfter([second]);
    expect(outlivedDeadline).toBe(0);
    expect(timedOut(second.error)).toBe(true);
  });

  it('with maxInFlight 1, a request queued behind one that times out still gets its full 1000 ms: 0 end early, 0 outlive it', async () => {
    const { server, held } = await holdingServer();
    const clock = new TestClock({ auto: false });
    const { call } = clientFor('bitex', server.origin, settings({ clock, timeout: 1_000, maxInFlight: 1 }));

    const first = watch(call());
    await until(() => held.length === 1, 'the first request arrives');
    const second = watch(call());
    await turns(200);
    expect(server.arrivals.length).toBe(1);

    // The first request's deadline frees the slot after 1000 ms of queueing for the second.
    await clock.advance(1_000);
    await until(() => first.settled, 'the first request times out');
    expect(timedOut(first.error)).toBe(true);
    await until(() => held.length === 2, 'the second request arrives');

    await clock.advance(999);
    await turns(200);
    const endedEarly = second.settled ? 1 : 0;
    expect(endedEarly).toBe(0);

    await clock.advance(1);
    const outlivedDeadline = await unsettledAfter([second]);
    expect(outlivedDeadline).toBe(0);
    expect(timedOut(second.error)).toBe(true);
  });
});
