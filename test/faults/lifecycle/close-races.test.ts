import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigurationError, createClient, kiiex } from '../../../src/index.js';
import { type AlphaPointSandbox, startAlphaPointSandbox } from '../../../src/testing/index.js';
import { TestClock } from '../../support/clock.js';
import { AP_ORDER } from '../../support/documented.js';
import { rejection, turns, turnsUntil, watch } from '../shared/waits.js';

// KNOWN BUG (src/, reported, not fixed here): these tests fail on the current source. A login can start after
// close() has checked for one: close() waits only for a login already under way, and the pipeline checks
// isOpen() before the rate-limit wait, not after it. Each case below ends with a session the exchange keeps
// alive that nobody will ever log out.

let sandbox: AlphaPointSandbox;
beforeEach(async () => {
  sandbox = await startAlphaPointSandbox();
});
afterEach(() => sandbox.close());

/** SendOrder for the trader's own account: the sandbox refuses any other. */
const orderBody = () => ({ ...AP_ORDER, ...sandbox.accountIds(sandbox.credentials.trader.apiKey) });

describe('no login may start after close()', () => {
  it('authenticate() then close() in the same tick: 0 logins after close() resolved, 0 sessions left open', async () => {
    const client = createClient(kiiex({ ...sandbox.credentials.trader, baseURL: sandbox.baseURL }), {
      rateLimit: false,
    });
    const identity = watch(client.authenticate());
    await client.close();
    const atClose = sandbox.stats().loginAttempts;
    await identity.promise.catch(() => undefined);
    await turns(20);

    expect(sandbox.stats().loginAttempts - atClose).toBe(0);
    expect(sandbox.stats().liveSessions).toBe(0);
  });

  it('a call waiting for the rate limit when close() runs: ConfigurationError, 0 new logins, 0 sessions left open', async () => {
    const clock = new TestClock({ auto: false, start: Date.now() });
    const client = createClient(kiiex({ ...sandbox.credentials.trader, baseURL: sandbox.baseURL }), {
      rateLimit: 1,
      retry: false,
      clock,
    });
    await client.authenticate();
    await client.call('GetUserInfo', { body: { OMSId: 1 } });
    const order = watch(client.call('SendOrder', { body: orderBody() }));
    await turnsUntil(() => clock.waiting === 1);

    await client.close();
    expect(sandbox.stats()).toMatchObject({ logins: 1, logouts: 1, liveSessions: 0 });
    await clock.advance(1_000);

    expect(await rejection(order.promise)).toBeInstanceOf(ConfigurationError);
    expect(sandbox.stats().loginAttempts).toBe(1);
    expect(sandbox.log.filter((entry) => entry.path === '/ap/SendOrder')).toHaveLength(0);
    expect(sandbox.stats().liveSessions).toBe(0);
  });
});
