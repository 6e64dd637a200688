import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type AuthStrategy,
  bitex,
  createClient,
  ExchangeError,
  type Logger,
  RateLimitError,
  TransportError,
} from '../src/index.js';
import { thrown } from './support/leaks.js';

const ORIGIN = 'https://bitex.retry.test';
const KEY = 'retryKey_5d1c0b8e';
const fast = { retries: 2, minDelayMs: 5, maxDelayMs: 50, maxElapsedMs: 5_000 };

/** The Bitex provider with its strategy wrapped to count authorisations. */
function countingBitex() {
  const provider = bitex({ apiKey: KEY, baseURL: `${ORIGIN}/api`, otp: () => '123456' });
  const counter = { authorizations: 0 };
  const strategy: AuthStrategy = {
    ...provider.strategy,
    authorize(request, context) {
      counter.authorizations += 1;
      return provider.strategy.authorize(request, context);
    },
  };
  return { provider: { ...provider, strategy }, counter };
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('retries happen only where a repeat cannot move money twice', () => {
  it('a GET that meets 503 twice is retried, and authorised afresh each time', async () => {
    const { provider, counter } = countingBitex();
    const seen: string[] = [];
    nock(ORIGIN)
      .get('/api/coin_wallets')
      .times(2)
      .reply((request) => {
        seen.push(String(request.headers.get('authorization')));
        return [503, { error: 'busy' }];
      })
      .get('/api/coin_wallets')
      .reply(200, { data: [] });
    const client = createClient(provider, { retry: fast, rateLimit: false });
    const response = await client.call('coinWallets.list');
    expect(response.data).toEqual({ data: [] });
    expect(counter.authorizations).toBe(3);
    expect(seen).toEqual([KEY, KEY]);
  });

  it('gives up after the configured number of retries', async () => {
    const scope = nock(ORIGIN).get('/api/orders').times(3).reply(502, { error: 'bad gateway' });
    const client = createClient(bitex({ apiKey: KEY, baseURL: `${ORIGIN}/api` }), {
      retry: fast,
      rateLimit: false,
    });
    const error = await thrown(() => client.call('orders.list'));
    expect(error).toBeInstanceOf(ExchangeError);
    expect((error as ExchangeError).status).toBe(502);
    expect(scope.isDone()).toBe(true);
  });

  it('a POST that meets 503 is not repeated', async () => {
    let calls = 0;
    nock(ORIGIN)
      .post('/api/coin_withdrawals')
      .times(3)
      .reply(() => {
        calls += 1;
        return [503, { error: 'busy' }];
      });
    const client = createClient(countingBitex().provider, { retry: fast, rateLimit: false });
    const error = await thrown(() => client.call('coinWithdrawals.create', { body: { amount: 1 } }));
    expect(error).toBeInstanceOf(ExchangeError);
    expect(calls).toBe(1);
  });

  it('a POST that meets 429 is not repeated, a GET waits Retry-After and is', async () => {
    let posts = 0;
    nock(ORIGIN)
      .post('/api/bids')
      .reply(() => {
        posts += 1;
        return [429, { error: 'Too many requests' }, { 'Retry-After': '0' }];
      });
    const client = createClient(bitex({ apiKey: KEY, baseURL: `${ORIGIN}/api` }), {
      retry: { ...fast, maxDelayMs: 1_000 },
      rateLimit: false,
    });
    expect(await thrown(() => client.call('bids.create', { body: {} }))).toBeInstanceOf(RateLimitError);
    expect(posts).toBe(1);

    const times: number[] = [];
    nock(ORIGIN)
      .get('/api/bids')
      .reply(() => {
        times.push(Date.now());
        return [429, { error: 'Too many requests' }, { 'Retry-After': '0.2' }];
      })
      .get('/api/bids')
      .reply(() => {
        times.push(Date.now());
        return [200, { data: [] }];
      });
    expect((await client.call('bids.list')).status).toBe(200);
    expect(times).toHaveLength(2);
    // The second attempt started no earlier than Retry-After allowed (200 ms, with 20 ms of timer slack).
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(180);
  });

  it('a request that could not be sent is not-sent and may be repeated, even a POST', async () => {
    let attempts = 0;
    nock(ORIGIN)
      .post('/api/bids')
      .replyWithError(
        Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) as unknown as Record<
          string,
          unknown
        >,
      )
      .post('/api/bids')
      .reply(() => {
        attempts += 1;
        return [201, { data: { id: '1', type: 'bids' } }];
      });
    const client = createClient(bitex({ apiKey: KEY, baseURL: `${ORIGIN}/api` }), {
      retry: fast,
      rateLimit: false,
    });
    expect((await client.call('bids.create', { body: {} })).status).toBe(201);
    expect(attempts).toBe(1);
  });

  it('a POST whose connection resets after sending fails with outcome unknown, once', async () => {
    let attempts = 0;
    nock(ORIGIN)
      .post('/api/bids')
      .times(3)
      .replyWithError(
        Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) as unknown as Record<
          string,
          unknown
        >,
      );
    nock.emitter.on('no match', () => {
      attempts += 1;
    });
    const client = createClient(bitex({ apiKey: KEY, baseURL: `${ORIGIN}/api` }), {
      retry: fast,
      rateLimit: false,
    });
    const error = await thrown(() => client.call('bids.create', { body: {} }));
    nock.emitter.removeAllListeners('no match');
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).outcome).toBe('unknown');
    expect((error as TransportError).networkCode).toBe('ECONNRESET');
    expect(nock.pendingMocks()).toHaveLength(1);
    expect(attempts).toBe(0);
  });

  it('retry: false sends once', async () => {
    const scope = nock(ORIGIN).get('/api/orders').reply(503, {});
    const client = createClient(bitex({ apiKey: KEY, baseURL: `${ORIGIN}/api` }), {
      retry: false,
      rateLimit: false,
    });
    expect(await thrown(() => client.call('orders.list'))).toBeInstanceOf(ExchangeError);
    expect(scope.isDone()).toBe(true);
  });

  it('a Retry-After longer than maxDelayMs ends the retries rather than sending early', async () => {
    let calls = 0;
    nock(ORIGIN)
      .get('/api/orders')
      .times(3)
      .reply(() => {
        calls += 1;
        return [429, {}, { 'Retry-After': '60' }];
      });
    const client = createClient(bitex({ apiKey: KEY, baseURL: `${ORIGIN}/api` }), {
      retry: fast,
      rateLimit: false,
    });
    const error = await thrown(() => client.call('orders.list'));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(60_000);
    expect(calls).toBe(1);
  });

  it('no retry starts after maxElapsedMs', async () => {
    let calls = 0;
    nock(ORIGIN)
      .get('/api/orders')
      .times(3)
      .reply(() => {
        calls += 1;
        return [429, {}, { 'Retry-After': '1' }];
      });
    const client = createClient(bitex({ apiKey: KEY, baseURL: `${ORIGIN}/api` }), {
      retry: { retries: 2, minDelayMs: 5, maxDelayMs: 5_000, maxElapsedMs: 500 },
      rateLimit: false,
    });
    expect(await thrown(() => client.call('orders.list'))).toBeInstanceOf(RateLimitError);
    expect(calls).toBe(1);
  });
});

describe('the client-side rate limit', () => {
  it('lets a burst up to the limit go at once and holds the rest for the next second', async () => {
    const starts: number[] = [];
    nock(ORIGIN)
      .get('/api/tickers')
      .times(7)
      .reply(() => {
        starts.push(Date.now());
        return [200, { data: [] }];
      });
    const client = createClient(bitex({ apiKey: KEY, baseURL: `${ORIGIN}/api` }), { retry: false });
    const began = Date.now();
    await Promise.all(Array.from({ length: 7 }, () => client.call('tickers.list')));
    const inFirstSecond = starts.filter((at) => at - began < 900).length;
    expect(inFirstSecond).toBe(5);
    expect(starts).toHaveLength(7);
  });
});

describe('the logger', () => {
  it('receives every line with the key masked', async () => {
    const lines: string[] = [];
    const record = (message: string, fields?: Record<string, unknown>) =>
      lines.push(`${message} ${JSON.stringify(fields ?? {})}`);
    const logger: Logger = { debug: record, info: record, warn: record, error: record };
    nock(ORIGIN).get('/api/orders').reply(503, {}).get('/api/orders').reply(200, { data: [] });
    const client = createClient(bitex({ apiKey: KEY, baseURL: `${ORIGIN}/api` }), {
      retry: fast,
      rateLimit: false,
      logger,
    });
    await client.call('orders.list');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.some((line) => line.includes('retry 1'))).toBe(true);
    expect(lines.join('\n')).not.toContain(KEY);
  });
});
