import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { TransportError } from '../../../src/index.js';
import { TestClock } from '../../support/clock.js';
import { apPosition } from '../../support/documented.js';
import { clientFor, settings, transportFields, withSignal } from '../support/clients.js';
import { answeredLogin, closeServers, json, startHttp } from '../support/servers.js';
import { turns, until, watch } from '../support/turns.js';

afterEach(closeServers);

const LOGIN = '/ap/AuthenticateUser';
const CALL = '/ap/GetAccountPositions';

/**
 * A loopback AlphaPoint server: logins are answered at once; calls are held until `release()`, after which
 * every held and later call is answered a turn after it arrives (so calls keep overlapping). The server counts
 * how many requests it has open at once (`peak`).
 */
async function alphaPoint() {
  const held: ServerResponse[] = [];
  let released = false;
  const answer = (res: ServerResponse) => json(res, 200, [apPosition('BTC', 1, 1)]);
  const server = await startHttp((arrival, res) => {
    if (answeredLogin(arrival, res)) return;
    if (released) setImmediate(() => answer(res));
    else held.push(res);
  });
  return {
    server,
    held,
    release: () => {
      released = true;
      for (const res of held.splice(0)) answer(res);
    },
    /** The `tag` of each call that reached the server, in order. */
    tags: () =>
      server.arrivals
        .filter((arrival) => arrival.path === CALL)
        .map((arrival) => (JSON.parse(arrival.body) as { tag?: number }).tag),
  };
}

/** A fresh Kiiex client of the server, and a call that carries `tag` in its body. */
function kiiexOf(origin: string, maxInFlight?: number) {
  const { client } = clientFor(
    'kiiex',
    origin,
    settings({ clock: new TestClock(), ...(maxInFlight ? { maxInFlight } : {}) }),
  );
  return (tag: number, signal?: AbortSignal) =>
    client.request({
      method: 'POST',
      path: '/GetAccountPositions',
      // `tag` is the test's own marker, not an APEX field: sent unchecked.
      body: { OMSId: 1, AccountId: 7, tag },
      unchecked: true,
      ...withSignal(signal),
    });
}

/**
 * Fires `count` calls at once, lets the first `limit` pile up at the server, gives any excess plenty of turns to
 * arrive too, then lets everything through. Returns what the server saw and how the calls ended.
 */
async function burst(count: number, limit: number | undefined) {
  const exchange = await alphaPoint();
  const call = kiiexOf(exchange.server.origin, limit);
  const calls = Array.from({ length: count }, (_, tag) => watch(call(tag)));
  const expected = limit ?? 64;
  await until(() => exchange.held.length >= expected, `${expected} calls pile up at the server`, 200_000);
  await turns(1_000);
  const heldAtOnce = exchange.held.length;
  exchange.release();
  const results = await Promise.allSettled(calls.map((entry) => entry.promise));
  const rejected = results.filter((result) => result.status === 'rejected');
  return {
    heldAtOnce,
    peak: exchange.server.peak,
    logins: exchange.server.count(LOGIN),
    reached: exchange.server.count(CALL),
    failures: rejected.length,
    unknown: rejected.filter((result) => transportFields(result.reason)?.outcome === 'unknown').length,
  };
}

describe('a burst of 2,000 concurrent requests on one fresh Kiiex client', () => {
  it('exactly 1 login, 0 failures, 0 unknown outcomes; 2000 of 2000 reached the server; never more than 64 (the default maxInFlight) at once', async () => {
    const seen = await burst(2_000, undefined);
    expect(seen.logins).toBe(1);
    expect(seen.failures).toBe(0);
    expect(seen.unknown).toBe(0);
    expect(seen.reached).toBe(2_000);
    const overLimit = Math.max(0, seen.peak - 64);
    expect(overLimit).toBe(0);
    // The bound was reached, not merely respected by a slow burst: 64 were held at the server at once.
    expect(seen.heldAtOnce).toBe(64);
  }, 60_000);

  it('with maxInFlight 8: 1 login, 0 failures, 500 of 500 reached the server, never more than 8 at once', async () => {
    const seen = await burst(500, 8);
    expect(seen.logins).toBe(1);
    expect(seen.failures).toBe(0);
    expect(seen.unknown).toBe(0);
    expect(seen.reached).toBe(500);
    const overLimit = Math.max(0, seen.peak - 8);
    expect(overLimit).toBe(0);
    expect(seen.heldAtOnce).toBe(8);
  }, 60_000);
});

describe('aborting a request that waits for an in-flight slot', () => {
  it("3 of 3 aborted waiters reject TransportError 'not-sent' ERR_CANCELED, and 0 of them reach the server; the other waiters go on", async () => {
    const exchange = await alphaPoint();
    const call = kiiexOf(exchange.server.origin, 1);
    const first = watch(call(0));
    await until(() => exchange.held.length === 1, 'the first call holds the only slot');
    // Five more wait for the slot (after the login, nothing else is in their way).
    const controllers = [1, 2, 3, 4, 5].map(() => new AbortController());
    const waiting = controllers.map((controller, index) => watch(call(index + 1, controller.signal)));
    await turns(200);
    expect(exchange.tags()).toEqual([0]);

    const aborted = [0, 2, 4];
    for (const index of aborted) controllers[index]?.abort();
    await until(() => aborted.every((index) => waiting[index]?.settled), 'the aborted waiters end');
    const notSent = aborted.filter((index) => {
      const error = waiting[index]?.error;
      const got = transportFields(error);
      return (
        error instanceof TransportError && got?.outcome === 'not-sent' && got.networkCode === 'ERR_CANCELED'
      );
    }).length;
    expect(notSent).toBe(3);

    exchange.release();
    await first.promise;
    await waiting[1]?.promise;
    await waiting[3]?.promise;
    await turns(200);
    // Tags 2 and 4 went through, in order, after the first; tags 1, 3 and 5 (aborted) never arrived.
    expect(exchange.tags()).toEqual([0, 2, 4]);
    const abortedTags = aborted.map((index) => index + 1);
    const abortedThatArrived = exchange.tags().filter((tag) => abortedTags.includes(tag as number)).length;
    expect(abortedThatArrived).toBe(0);
  });
});
