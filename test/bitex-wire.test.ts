import axios from 'axios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthStrategy, bitex, createClient, TransportError } from '../src/index.js';
import { type BitexSandbox, startBitexSandbox } from '../src/testing/bitex/index.js';
import { thrown } from './support/leaks.js';

let sandbox: BitexSandbox;
beforeAll(async () => {
  sandbox = await startBitexSandbox();
});
afterAll(() => sandbox.close());

const settings = { rateLimit: false } as const;
const last = () => sandbox.log.at(-1);

describe('the exact headers Bitex receives', () => {
  it('a user call: the bare key, Version 2.1, JSON:API accept', async () => {
    const client = createClient(bitex({ ...sandbox.credentials.user, baseURL: sandbox.baseURL }), settings);
    const response = await client.request({ method: 'GET', path: '/users/me' });
    expect(response.status).toBe(200);
    expect((response.data as { data: { id: string } }).data.id).toBe(String(sandbox.users.user));
    const seen = last();
    expect(seen?.path).toBe('/api/users/me');
    expect(seen?.headers.authorization).toBe(sandbox.credentials.user.apiKey);
    expect(seen?.headers.version).toBe('2.1');
    expect(seen?.headers.accept).toBe('application/vnd.api+json');
    expect(seen?.headers['content-type']).toBeUndefined();
    expect(seen?.headers['one-time-password']).toBeUndefined();
  });

  it('a master acting for a managed user: "<key>; user=<id>", answered as that user', async () => {
    const master = createClient(bitex({ ...sandbox.credentials.master, baseURL: sandbox.baseURL }), settings);
    const response = await master.onBehalfOf(sandbox.users.managed).call('users.me');
    expect(response.data.data.id).toBe(String(sandbox.users.managed));
    expect(last()?.headers.authorization).toBe(
      `${sandbox.credentials.master.apiKey}; user=${sandbox.users.managed}`,
    );
    expect(last()?.headers.version).toBe('2.1');
  });

  it('a public call carries no credentials at all', async () => {
    const client = createClient(bitex({ ...sandbox.credentials.user, baseURL: sandbox.baseURL }), settings);
    await client.request({ method: 'GET', path: '/tickers', permission: 'public' });
    await client.call('markets.get', { params: { orderbook: 'btc_usd' }, query: { include: 'asks,bids' } });
    const seen = last();
    expect(seen?.url).toBe('/api/markets/btc_usd?include=asks%2Cbids');
    expect(seen?.headers.authorization).toBeUndefined();
    expect(Object.keys(seen?.headers ?? {}).filter((name) => /key|auth|sign|token/i.test(name))).toEqual([]);
  });

  it('a body is sent as JSON with its content type, exactly as serialised', async () => {
    const client = createClient(bitex({ ...sandbox.credentials.user, baseURL: sandbox.baseURL }), settings);
    const body = {
      data: { type: 'bids', attributes: { orderbook_code: 'btc_usd', amount: 30, price: 100 } },
    };
    const response = await client.call('bids.create', { body });
    expect(response.status).toBe(201);
    expect(last()?.body).toBe(JSON.stringify(body));
    expect(last()?.headers['content-type']).toBe('application/json');
  });

  it('a withdrawal carries the One-Time-Password from the otp callback', async () => {
    const client = createClient(bitex({ ...sandbox.credentials.user, baseURL: sandbox.baseURL }), settings);
    const before = sandbox.balances(sandbox.users.user);
    await client.call('coinWithdrawals.create', {
      body: {
        data: {
          type: 'coin_withdrawals',
          attributes: { currency: 'btc', amount: '0.1', to_addresses: 'mszEUK9E6E7n4SNcrjYH8Fr7ZTGP9n3dRb' },
        },
      },
    });
    expect(last()?.headers['one-time-password']).toMatch(/^[0-9]{6}$/);
    expect(sandbox.balances(sandbox.users.user)).not.toEqual(before);
  });
});

describe('a withdrawal never goes twice', () => {
  it('a POST withdrawal whose connection drops after it was read fails with outcome unknown, sent once', async () => {
    const client = createClient(bitex({ ...sandbox.credentials.user, baseURL: sandbox.baseURL }), settings);
    const route = 'POST /api/coin_withdrawals';
    const executedBefore = sandbox.stats().executions[route] ?? 0;
    const seenBefore = sandbox.log.filter((entry) => entry.path === '/api/coin_withdrawals').length;
    sandbox.dropNext({ execute: true });
    const error = await thrown(() =>
      client.call('coinWithdrawals.create', {
        body: {
          data: {
            type: 'coin_withdrawals',
            attributes: {
              currency: 'btc',
              amount: '0.01',
              to_addresses: 'mszEUK9E6E7n4SNcrjYH8Fr7ZTGP9n3dRb',
            },
          },
        },
      }),
    );
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).outcome).toBe('unknown');
    expect(sandbox.log.filter((entry) => entry.path === '/api/coin_withdrawals').length).toBe(seenBefore + 1);
    expect(sandbox.stats().executions[route]).toBe(executedBefore + 1);
  });

  it('a GET that meets the same fault is retried, and each attempt is authorised again', async () => {
    const provider = bitex({ ...sandbox.credentials.user, baseURL: sandbox.baseURL });
    let authorizations = 0;
    const strategy: AuthStrategy = {
      ...provider.strategy,
      authorize(request, context) {
        authorizations += 1;
        return provider.strategy.authorize(request, context);
      },
    };
    const client = createClient({ ...provider, strategy }, { ...settings, retry: { minDelayMs: 5 } });
    const seenBefore = sandbox.log.filter((entry) => entry.path === '/api/coin_wallets').length;
    sandbox.dropNext();
    const response = await client.call('coinWallets.list');
    expect(response.status).toBe(200);
    expect(authorizations).toBe(2);
    const attempts = sandbox.log.filter((entry) => entry.path === '/api/coin_wallets').slice(seenBefore);
    expect(attempts).toHaveLength(2);
    expect(attempts.every((entry) => entry.headers.authorization === sandbox.credentials.user.apiKey)).toBe(
      true,
    );
  });
});

describe('refusals from the exchange', () => {
  it('a master acting for a user it does not manage is refused by the exchange', async () => {
    const master = createClient(bitex({ ...sandbox.credentials.master, baseURL: sandbox.baseURL }), settings);
    const error = await thrown(() => master.onBehalfOf(sandbox.users.user).call('coinWallets.list'));
    expect(error).toMatchObject({ name: 'PermissionDeniedError', source: 'exchange', status: 401 });
  });

  it('a wrong key is an AuthenticationError', async () => {
    const client = createClient(bitex({ apiKey: 'not-a-real-key-123', baseURL: sandbox.baseURL }), settings);
    const error = await thrown(() => client.call('users.me'));
    expect(error).toMatchObject({ name: 'AuthenticationError', status: 401 });
  });

  it('a key without the trading flag is refused by the exchange when the client was not told', async () => {
    const client = createClient(
      bitex({ apiKey: sandbox.credentials.readOnly.apiKey, baseURL: sandbox.baseURL }),
      settings,
    );
    const error = await thrown(() => client.call('bids.create', { body: {} }));
    expect(error).toMatchObject({ name: 'PermissionDeniedError', source: 'exchange', required: 'trade' });
  });

  it('and refused locally, with nothing sent, when it was', async () => {
    const client = createClient(
      bitex({ ...sandbox.credentials.readOnly, baseURL: sandbox.baseURL }),
      settings,
    );
    const before = sandbox.log.length;
    const error = await thrown(() =>
      (client as unknown as { call: (n: string, o: unknown) => unknown }).call('coinWithdrawals.create', {
        body: {},
        otp: '123456',
      }),
    );
    expect(error).toMatchObject({
      name: 'PermissionDeniedError',
      source: 'local',
      required: 'withdraw',
      granted: ['read'],
    });
    expect(sandbox.log.length).toBe(before);
  });

  it('a 422 validation error carries the JSON:API errors', async () => {
    const client = createClient(bitex({ ...sandbox.credentials.user, baseURL: sandbox.baseURL }), settings);
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
    const instance = axios.create({ adapter: 'http' });
    const intercepted: string[] = [];
    instance.interceptors.request.use((config) => {
      intercepted.push(String(config.url));
      config.headers.set('X-Bot', 'demo-bot');
      return config;
    });
    const client = createClient(bitex({ ...sandbox.credentials.user, baseURL: sandbox.baseURL }), {
      ...settings,
      axios: instance,
    });
    await client.call('users.me');
    expect(intercepted).toEqual([`${sandbox.baseURL}/users/me`]);
    expect(last()?.headers['x-bot']).toBe('demo-bot');
    expect(last()?.headers.authorization).toBe(sandbox.credentials.user.apiKey);
  });

  it('timeout bounds each attempt; a POST that timed out is not repeated', async () => {
    const client = createClient(bitex({ ...sandbox.credentials.user, baseURL: sandbox.baseURL }), {
      ...settings,
      timeout: 50,
      retry: { minDelayMs: 5 },
    });
    const seen = () => sandbox.log.filter((entry) => entry.path === '/api/bids').length;
    const before = seen();
    sandbox.addLatency(300);
    try {
      const error = await thrown(() => client.call('bids.create', { body: { data: { type: 'bids' } } }));
      expect(error).toMatchObject({ name: 'TransportError', outcome: 'unknown' });
      expect(seen()).toBe(before + 1);
    } finally {
      sandbox.clearFaults();
    }
  });
});
