import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bitex, ConfigurationError, createClient, kiiex } from '../../../src/index.js';
import {
  type AlphaPointSandbox,
  type BitexSandbox,
  startAlphaPointSandbox,
  startBitexSandbox,
} from '../../../src/testing/index.js';
import { AP_ORDER, AP_TICKET } from '../../support/documented.js';
import { type Front, startFront } from '../shared/front.js';
import { rejection, turns, watch } from '../shared/waits.js';

// Logins, logouts and calls are counted where they happen: at the exchange.
let sandbox: AlphaPointSandbox;
let front: Front;
beforeEach(async () => {
  sandbox = await startAlphaPointSandbox();
  front = await startFront(sandbox.baseURL);
});
afterEach(async () => {
  await front.close();
  await sandbox.close();
});

/** `{OMSId, AccountId}` of the trader's own account: the sandbox refuses any other, whatever the session. */
const ids = () => sandbox.accountIds(sandbox.credentials.trader.apiKey);
const orderBody = () => ({ ...AP_ORDER, ...ids() });
const positions = () => ({ method: 'POST', path: '/GetAccountPositions', body: ids() }) as const;
const trader = () =>
  createClient(kiiex({ ...sandbox.credentials.trader, baseURL: front.baseURL }), {
    rateLimit: false,
    retry: { retries: 3, minDelayMs: 1, maxDelayMs: 10, maxElapsedMs: 60_000 },
  });
const attempts = () => sandbox.stats().loginAttempts;
const arrivals = (name: string) => sandbox.log.filter((entry) => entry.path === `/ap/${name}`);

/** Login attempts the exchange saw after each scenario closed its client: the category's zero. */
const loginsAfterClose: { scenario: string; logins: number }[] = [];
const record = (scenario: string, atClose: number) =>
  loginsAfterClose.push({ scenario, logins: attempts() - atClose });

/** Every way a closed client is used: each must be a ConfigurationError and reach nothing. */
async function expectRefusesEverything(client: ReturnType<typeof trader>): Promise<void> {
  const before = sandbox.log.length;
  const atFront = front.log.length;
  for (const use of [
    () => client.authenticate(),
    () => client.request(positions()),
    () => client.call('SendOrder', { body: orderBody() }),
    () => client.call('CreateWithdrawTicket', { body: { ...AP_TICKET, ...ids(), Amount: 1 } }),
  ]) {
    expect(await rejection(use())).toBeInstanceOf(ConfigurationError);
  }
  await client.close();
  expect(sandbox.log.length).toBe(before);
  expect(front.log.length).toBe(atFront);
}

describe('close() while a login is in flight', () => {
  it('the login finishes, exactly 1 LogOut follows it, and 0 logins happen afterwards', async () => {
    const client = trader();
    const login = front.hold('/AuthenticateUser');
    const identity = watch(client.authenticate());
    await login.arrived(1);

    const closing = watch(client.close());
    await turns(50);
    // close() waits for the login the exchange has not answered yet.
    expect(closing.settled).toBe(false);
    expect(attempts()).toBe(0);

    login.release();
    await closing.promise;
    expect(await identity.promise).toMatchObject({ userId: Number(sandbox.credentials.trader.userId) });
    expect(sandbox.stats()).toMatchObject({ logins: 1, logouts: 1, liveSessions: 0 });
    expect(sandbox.log.map((entry) => entry.path)).toEqual(['/ap/AuthenticateUser', '/ap/LogOut']);

    await expectRefusesEverything(client);
    record('close() during a login', 1);
    expect(attempts()).toBe(1);
    expect(arrivals('LogOut')).toHaveLength(1);
  });

  it('close() twice while the login is held: still exactly 1 login and 1 LogOut', async () => {
    const client = trader();
    const login = front.hold('/AuthenticateUser');
    const identity = watch(client.authenticate());
    await login.arrived(1);
    const closings = [client.close(), client.close()];
    login.release();
    await Promise.all([...closings, identity.promise]);
    expect(sandbox.stats()).toMatchObject({ logins: 1, logouts: 1, liveSessions: 0 });
    await expectRefusesEverything(client);
    record('close() twice during a login', 1);
  });
});

describe('an in-flight call refused with errorcode 20 after close() does not log in again', () => {
  for (const status of [200, 400, 401] as const) {
    it(`SendOrder sent before close(), refused at HTTP ${status} after the LogOut: ConfigurationError, 0 new logins, 0 executions`, async () => {
      sandbox.setStyle({ notAuthorizedStatus: status });
      const client = trader();
      await client.authenticate();
      const held = front.hold('/SendOrder');
      const order = watch(client.call('SendOrder', { body: orderBody() }));
      await held.arrived(1);

      await client.close();
      expect(sandbox.stats()).toMatchObject({ logins: 1, logouts: 1, liveSessions: 0 });
      // The exchange now refuses the old session: the client renews only while it is open.
      held.release();
      expect(await rejection(order.promise)).toBeInstanceOf(ConfigurationError);

      record(`errorcode 20 at ${status} after close()`, 1);
      expect(attempts()).toBe(1);
      expect(arrivals('SendOrder')).toHaveLength(1);
      expect(sandbox.stats().executions.SendOrder ?? 0).toBe(0);
      expect(sandbox.stats().liveSessions).toBe(0);
    });
  }

  it('an idempotent call refused after close() is not resent either (it would need a new login)', async () => {
    const client = trader();
    await client.authenticate();
    const held = front.hold('/GetAccountPositions');
    const reading = watch(client.request(positions()));
    await held.arrived(1);
    await client.close();
    held.release();
    expect(await rejection(reading.promise)).toBeInstanceOf(ConfigurationError);
    record('idempotent call refused after close()', 1);
    expect(arrivals('GetAccountPositions')).toHaveLength(1);
  });
});

describe('authenticate() after close()', () => {
  it('a client that never logged in: ConfigurationError, 0 login attempts', async () => {
    const client = trader();
    await client.close();
    expect(await rejection(client.authenticate())).toBeInstanceOf(ConfigurationError);
    record('authenticate() on a closed fresh client', 0);
    expect(attempts()).toBe(0);
    expect(sandbox.log).toHaveLength(0);
  });

  it('a client that had a session: ConfigurationError, no second login, the LogOut already done', async () => {
    const client = trader();
    await client.authenticate();
    await client.close();
    expect(await rejection(client.authenticate())).toBeInstanceOf(ConfigurationError);
    record('authenticate() after a session was logged out', 1);
    expect(sandbox.stats()).toMatchObject({ loginAttempts: 1, logins: 1, logouts: 1, liveSessions: 0 });
  });
});

describe('onBehalfOf clients of a closed master', () => {
  let exchange: BitexSandbox;
  beforeEach(async () => {
    exchange = await startBitexSandbox();
  });
  afterEach(() => exchange.close());

  it('0 requests sent by 2 onBehalfOf clients (3 kinds of call each) after the master closed', async () => {
    const master = createClient(bitex({ ...exchange.credentials.master, baseURL: exchange.baseURL }), {
      rateLimit: false,
    });
    const children = [
      master.onBehalfOf(exchange.users.managed),
      master.onBehalfOf(String(exchange.users.master)),
    ];
    for (const child of children) expect((await child.call('coinWallets.list')).status).toBe(200);
    const before = exchange.log.length;

    await master.close();
    const refusals: unknown[] = [];
    for (const child of children) {
      refusals.push(await rejection(child.call('coinWallets.list')));
      refusals.push(await rejection(child.request({ method: 'GET', path: '/users/me' })));
      refusals.push(
        await rejection(
          child.call('bids.create', {
            body: { data: { type: 'bids', attributes: { orderbook_code: 'btc_usd', amount: 1, price: 1 } } },
          }),
        ),
      );
    }
    expect(refusals).toHaveLength(6);
    for (const refusal of refusals) expect(refusal).toBeInstanceOf(ConfigurationError);
    expect(() => master.onBehalfOf(exchange.users.managed)).toThrow(ConfigurationError);
    expect(await rejection(master.call('coinWallets.list'))).toBeInstanceOf(ConfigurationError);
    await Promise.all(children.map((child) => child.close()));
    expect(exchange.log.length - before).toBe(0);
    expect(exchange.stats().executions['POST /api/bids'] ?? 0).toBe(0);
  });
});

describe('two clients of one provider share its session strategy', () => {
  it("closing one stops the strategy's logins: the other client's 2 calls are ConfigurationErrors, 0 logins", async () => {
    const provider = kiiex({ ...sandbox.credentials.trader, baseURL: front.baseURL });
    const first = createClient(provider, { rateLimit: false });
    const second = createClient(provider, { rateLimit: false });
    await first.close();
    expect(await rejection(second.request(positions()))).toBeInstanceOf(ConfigurationError);
    expect(await rejection(second.call('SendOrder', { body: orderBody() }))).toBeInstanceOf(
      ConfigurationError,
    );
    expect(attempts()).toBe(0);
    expect(sandbox.log).toHaveLength(0);
  });
});

describe('the tally', () => {
  it('0 logins after close() over 8 scenarios', () => {
    expect(loginsAfterClose).toHaveLength(8);
    expect(loginsAfterClose.filter((entry) => entry.logins !== 0)).toEqual([]);
  });
});
