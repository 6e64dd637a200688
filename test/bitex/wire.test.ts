import axios from 'axios';
import { describe, expect, it, onTestFinished } from 'vitest';
import {
  type AuthStrategy,
  bitex,
  type ClientOptions,
  createClient,
  TransportError,
} from '../../src/index.js';
import { type BitexSandbox, startBitexSandbox } from '../../src/testing/bitex/index.js';
import { WatchedClock } from '../sandbox/watched-clock.js';
import { TestClock } from '../support/clock.js';
import { thrown } from '../support/leaks.js';

/** A fresh Bitex sandbox for the running test, on a driven clock (closed when the test finishes). */
async function exchange(clock: TestClock = new TestClock()): Promise<BitexSandbox> {
  const sandbox = await startBitexSandbox({ clock });
  onTestFinished(() => sandbox.close());
  return sandbox;
}

/** Client options: no client-side rate limit, and a clock of the test's own (no real waiting). */
const settings = (extra: ClientOptions = {}): ClientOptions => ({
  rateLimit: false,
  clock: new TestClock(),
  ...extra,
});

const bid = {
  data: { type: 'bids', attributes: { orderbook_code: 'btc_usd', amount: 30, price: 100 } },
} as const;
/** A coin withdrawal as bitex-sdk-ruby sends it (spec/fixtures/coin_withdrawals/create.yml). */
const coinWithdrawal = (amount: string) => ({
  data: {
    type: 'coin_withdrawals' as const,
    attributes: {
      to_addresses: 'mszEUK9E6E7n4SNcrjYH8Fr7ZTGP9n3dRb',
      label: 'cold',
      amount,
      coin_code: 'btc' as const,
    },
  },
});

describe('the exact headers Bitex receives', () => {
  it('a user call: the bare key, Version: 2.1, JSON:API accept', async () => {
    const sandbox = await exchange();
    const client = createClient(bitex({ ...sandbox.credentials.user, baseURL: sandbox.baseURL }), settings());
    const response = await client.request({ method: 'GET', path: '/users/me' });
    expect(response.status).toBe(200);
    expect((response.data as { data: { id: string } }).data.id).toBe(String(sandbox.users.user));
    const [seen] = sandbox.log;
    expect(seen?.path).toBe('/api/users/me');
    expect(seen?.headers.authorization).toBe(sandbox.credentials.user.apiKey);
    expect(seen?.headers.version).toBe('2.1');
    expect(seen?.headers.accept).toBe('application/vnd.api+json');
    expect(seen?.headers['content-type']).toBeUndefined();
    expect(seen?.headers['one-time-password']).toBeUndefined();
  });

  it('Version: 2.1 is on every request: public, private, bodies and delegated ones', async () => {
    const sandbox = await exchange();
    const master = createClient(
      bitex({ ...sandbox.credentials.master, baseURL: sandbox.baseURL }),
      settings(),
    );
    await master.request({ method: 'GET', path: '/tickers', permission: 'public' });
    await master.call('users.me');
    await master.call('bids.create', { body: bid });
    await master.onBehalfOf(sandbox.users.managed).call('coinWallets.list');
    expect(sandbox.log.map((request) => request.headers.version)).toEqual(['2.1', '2.1', '2.1', '2.1']);
  });

  it('a master acting for a managed user sends exactly "<key>; user=<id>" and is answered as that user', async () => {
    const sandbox = await exchange();
    const { master } = sandbox.credentials;
    const client = createClient(bitex({ ...master, baseURL: sandbox.baseURL }), settings());
    const response = await client.onBehalfOf(sandbox.users.managed).call('users.me');
    expect(response.data.data.id).toBe(String(sandbox.users.managed));
    const [seen] = sandbox.log;
    expect(seen?.headers.authorization).toBe(`${master.apiKey}; user=${sandbox.users.managed}`);
    // The reference's own example of the shape: `your_magic_api_key; user=600`.
    expect(seen?.headers.authorization?.replace(master.apiKey, 'your_magic_api_key')).toBe(
      `your_magic_api_key; user=${sandbox.users.managed}`,
    );
    expect(seen?.headers.version).toBe('2.1');
  });

  it('the master itself still sends the bare key', async () => {
    const sandbox = await exchange();
    const { master } = sandbox.credentials;
    const client = createClient(bitex({ ...master, baseURL: sandbox.baseURL }), settings());
    await client.onBehalfOf(sandbox.users.managed).call('users.me');
    const own = await client.call('users.me');
    expect(own.data.data.id).toBe(String(sandbox.users.master));
    expect(sandbox.log.map((request) => request.headers.authorization)).toEqual([
      `${master.apiKey}; user=${sandbox.users.managed}`,
      master.apiKey,
    ]);
  });

  it('a public call carries no credentials at all', async () => {
    const sandbox = await exchange();
    const client = createClient(bitex({ ...sandbox.credentials.user, baseURL: sandbox.baseURL }), settings());
    await client.request({ method: 'GET', path: '/tickers', permission: 'public' });
    await client.call('markets.get', { params: { orderbook: 'btc_usd' }, query: { include: 'asks,bids' } });
    const seen = sandbox.log[1];
    expect(seen?.url).toBe('/api/markets/btc_usd?include=asks%2Cbids');
    for (const request of sandbox.log) {
      expect(request.headers.authorization).toBeUndefined();
      expect(Object.keys(request.headers).filter((name) => /key|auth|sign|token/i.test(name))).toEqual([]);
    }
  });

  it('a body is sent as JSON with its content type, exactly as serialised', async () => {
    const sandbox = await exchange();
    const client = createClient(bitex({ ...sandbox.credentials.user, baseURL: sandbox.baseURL }), settings());
    const response = await client.call('bids.create', { body: bid });
    expect(response.status).toBe(201);
    expect(sandbox.log[0]?.body).toBe(JSON.stringify(bid));
    expect(sandbox.log[0]?.headers['content-type']).toBe('application/json');
  });

  it('a withdrawal carries the One-Time-Password from the otp callback, and moves the balance once', async () => {
    const sandbox = await exchange();
    const client = createClient(bitex({ ...sandbox.credentials.user, baseURL: sandbox.baseURL }), settings());
    const response = await client.call('coinWithdrawals.create', { body: coinWithdrawal('0.1') });
    expect(response.status).toBe(201);
    expect(sandbox.log[0]?.headers['one-time-password']).toBe(sandbox.otp(sandbox.users.user));
    expect(sandbox.balances(sandbox.users.user).btc?.available).toBe('1.9');
    expect(sandbox.stats().executions['POST /api/coin_withdrawals']).toBe(1);
  });
});

describe('a withdrawal never goes twice', () => {
  it('a POST withdrawal whose connection drops after it was read fails with outcome unknown, sent once', async () => {
    const sandbox = await exchange();
    const client = createClient(bitex({ ...sandbox.credentials.user, baseURL: sandbox.baseURL }), settings());
    sandbox.dropNext({ execute: true });
    const error = await thrown(() => client.call('coinWithdrawals.create', { body: coinWithdrawal('0.01') }));
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).outcome).toBe('unknown');
    expect(sandbox.log).toHaveLength(1);
    expect(sandbox.stats().executions['POST /api/coin_withdrawals']).toBe(1);
  });

  it('a GET that meets the same fault is retried, and each attempt is authorised again', async () => {
    const sandbox = await exchange();
    const provider = bitex({ ...sandbox.credentials.user, baseURL: sandbox.baseURL });
    let authorizations = 0;
    const strategy: AuthStrategy = {
      ...provider.strategy,
      authorize(request, context) {
        authorizations += 1;
        return provider.strategy.authorize(request, context);
      },
    };
    const clock = new TestClock();
    const client = createClient({ ...provider, strategy }, settings({ clock, retry: { minDelayMs: 5 } }));
    sandbox.dropNext();
    const response = await client.call('coinWallets.list');
    expect(response.status).toBe(200);
    expect(authorizations).toBe(2);
    expect(clock.sleeps).toHaveLength(1);
    expect(sandbox.log).toHaveLength(2);
    expect(
      sandbox.log.every((entry) => entry.headers.authorization === sandbox.credentials.user.apiKey),
    ).toBe(true);
  });
});

describe('refusals', () => {
  it('a master acting for a user it does not manage is refused by the exchange', async () => {
    const sandbox = await exchange();
    const master = createClient(
      bitex({ ...sandbox.credentials.master, baseURL: sandbox.baseURL }),
      settings(),
    );
    const error = await thrown(() => master.onBehalfOf(sandbox.users.user).call('coinWallets.list'));
    expect(error).toMatchObject({ name: 'PermissionDeniedError', source: 'exchange', status: 401 });
  });

  it('a wrong key is an AuthenticationError', async () => {
    const sandbox = await exchange();
    const client = createClient(
      bitex({ apiKey: 'not-a-real-key-123', baseURL: sandbox.baseURL }),
      settings(),
    );
    const error = await thrown(() => client.call('users.me'));
    expect(error).toMatchObject({ name: 'AuthenticationError', status: 401 });
  });

  it('a key without the trading flag is refused by the exchange when the client was not told', async () => {
    const sandbox = await exchange();
    const { apiKey } = sandbox.credentials.readOnly;
    const client = createClient(bitex({ apiKey, baseURL: sandbox.baseURL }), settings());
    const error = await thrown(() => client.call('bids.create', { body: bid }));
    expect(error).toMatchObject({ name: 'PermissionDeniedError', source: 'exchange', required: 'trade' });
    expect(sandbox.log).toHaveLength(1);
  });

  // biome-ignore lint/suspicious/noExplicitAny: calls the types refuse, made from JavaScript.
  type Untyped = any;
  const refusedLocally: Array<[name: string, options: unknown, required: string]> = [
    ['bids.create', { body: bid }, 'trade'],
    ['coinWithdrawals.create', { body: coinWithdrawal('0.1'), otp: '123456' }, 'withdraw'],
  ];
  for (const [name, options, required] of refusedLocally) {
    it(`and a read-only client's ${name} is refused locally, with nothing sent, when it was told`, async () => {
      const sandbox = await exchange();
      const client: Untyped = createClient(
        bitex({ ...sandbox.credentials.readOnly, baseURL: sandbox.baseURL }),
        settings(),
      );
      const error = await thrown(() => client.call(name, options));
      expect(error).toMatchObject({
        name: 'PermissionDeniedError',
        source: 'local',
        required,
        granted: ['read'],
      });
      expect(sandbox.log).toEqual([]);
      expect(sandbox.stats()).toMatchObject({ requests: 0, executions: {}, refused: 0, faults: {} });
    });
  }

  it('the same local refusal for a POST /bids through client.request', async () => {
    const sandbox = await exchange();
    const client = createClient(
      bitex({ ...sandbox.credentials.readOnly, baseURL: sandbox.baseURL }),
      settings(),
    );
    const error = await thrown(() => client.request({ method: 'POST', path: '/bids', body: bid }));
    expect(error).toMatchObject({ name: 'PermissionDeniedError', source: 'local', required: 'trade' });
    expect(sandbox.log).toEqual([]);
  });

  it('a 422 validation error carries the JSON:API errors', async () => {
    const sandbox = await exchange();
    const client = createClient(bitex({ ...sandbox.credentials.user, baseURL: sandbox.baseURL }), settings());
    const error = await thrown(() =>
      client.call('bids.create', {
        body: { data: { type: 'bids', attributes: { orderbook_code: 'btc_usd', amount: -1, price: 100 } } },
      }),
    );
    expect(error).toMatchObject({ name: 'ExchangeError', status: 422 });
    expect((error as { details: unknown[] }).details[0]).toMatchObject({ status: 422 });
  });
});

describe('client options reach the wire', () => {
  it("the user's own axios instance carries every request, interceptors included", async () => {
    const sandbox = await exchange();
    const instance = axios.create({ adapter: 'http' });
    const intercepted: string[] = [];
    instance.interceptors.request.use((config) => {
      intercepted.push(String(config.url));
      config.headers.set('X-Bot', 'demo-bot');
      return config;
    });
    const client = createClient(
      bitex({ ...sandbox.credentials.user, baseURL: sandbox.baseURL }),
      settings({ axios: instance }),
    );
    await client.call('users.me');
    expect(intercepted).toEqual([`${sandbox.baseURL}/users/me`]);
    expect(sandbox.log[0]?.headers['x-bot']).toBe('demo-bot');
    expect(sandbox.log[0]?.headers.authorization).toBe(sandbox.credentials.user.apiKey);
  });

  it('timeout bounds each attempt; a POST that timed out is not repeated', async () => {
    // One clock stands still for both sides: the exchange's latency fault holds the answer until it moves.
    const clock = new WatchedClock({ auto: false });
    const sandbox = await exchange(clock);
    const client = createClient(
      bitex({ ...sandbox.credentials.user, baseURL: sandbox.baseURL }),
      settings({ clock, timeout: 200, retry: { minDelayMs: 5 } }),
    );
    sandbox.addLatency(300);
    const outcome = thrown(() => client.call('bids.create', { body: bid }));
    // The request reached the exchange, which now waits 300 ms on the clock before answering.
    await clock.sleepsAsked(1);
    expect(sandbox.log).toHaveLength(1);
    await clock.advance(200);
    expect(await outcome).toMatchObject({ name: 'TransportError', outcome: 'unknown' });
    await clock.advance(100);
    expect(clock.sleeps).toEqual([300]);
    expect(sandbox.log).toHaveLength(1);
  });
});
