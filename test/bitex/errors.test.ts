import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  bitex,
  createClient,
  ExchangeAuthError,
  ExchangeError,
  PermissionDeniedError,
  RateLimitError,
  ResponseValidationError,
} from '../../src/index.js';
import { everythingPrintable, thrown } from '../support/leaks.js';

const ORIGIN = 'https://bitex.errors.test';
const KEY = 'errKey_7f3a9c1e5b';

function client() {
  // nock intercepts Node's http module, which the axios transport sends through (undici does not).
  return createClient(bitex({ apiKey: KEY, baseURL: `${ORIGIN}/api` }), {
    transport: 'axios',
    retry: false,
    rateLimit: false,
  });
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.isDone()).toBe(true);
  nock.cleanAll();
});

async function failure(reply: (scope: nock.Interceptor) => nock.Scope, path = '/users/me') {
  reply(nock(ORIGIN).get(`/api${path}`));
  const error = await thrown(() => client().request({ method: 'GET', path }));
  expect(error).toBeInstanceOf(ExchangeAuthError);
  expect(everythingPrintable(error)).not.toContain(KEY);
  return error as ExchangeAuthError;
}

describe('Bitex answers are classified as the reference describes', () => {
  it('401 "Invalid Api Key" is an AuthenticationError', async () => {
    const error = await failure((i) => i.reply(401, { error: 'Invalid Api Key' }));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.status).toBe(401);
    expect(error.message).toContain('Invalid Api Key');
  });

  it('401 "Not enough permissions" is a PermissionDeniedError from the exchange', async () => {
    const error = await failure((i) => i.reply(401, { error: 'Not enough permissions' }), '/coin_wallets');
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect((error as PermissionDeniedError).source).toBe('exchange');
    expect((error as PermissionDeniedError).required).toBe('read');
    expect((error as PermissionDeniedError).granted).toEqual(['read', 'trade', 'withdraw']);
  });

  it('422 is an ExchangeError carrying the JSON:API errors', async () => {
    const errors = [
      {
        status: 422,
        title: 'Invalid amount',
        detail: 'amount must be positive',
        code: 'invalid',
        source: { pointer: '/data/attributes/amount' },
      },
    ];
    nock(ORIGIN).post('/api/bids').reply(422, { errors });
    const error = await thrown(() =>
      client().call('bids.create', {
        body: { data: { type: 'bids', attributes: { orderbook_code: 'btc_usd', amount: -3, price: 150 } } },
      }),
    );
    expect(error).toBeInstanceOf(ExchangeError);
    expect((error as ExchangeError).status).toBe(422);
    expect((error as ExchangeError).details).toEqual(errors);
    expect((error as ExchangeError).message).toContain('Invalid amount');
  });

  it('404 is an ExchangeError with status 404', async () => {
    const error = await failure((i) => i.reply(404, { errors: [{ code: null, detail: null }] }), '/bids');
    expect(error).toBeInstanceOf(ExchangeError);
    expect(error.status).toBe(404);
  });

  it('429 is a RateLimitError with Retry-After in milliseconds', async () => {
    const error = await failure((i) => i.reply(429, { error: 'Too many requests' }, { 'Retry-After': '3' }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(3000);
  });

  it('an HTML challenge page on an error status says what came back', async () => {
    const html =
      '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>challenge</body></html>';
    const error = await failure((i) => i.reply(403, html, { 'Content-Type': 'text/html' }));
    expect(error).toBeInstanceOf(ExchangeError);
    expect(error.message).toMatch(/HTML page/);
    expect(error.status).toBe(403);
  });

  it('an HTML page with status 200 is a ResponseValidationError, not a crash', async () => {
    const error = await failure((i) =>
      i.reply(200, '<html><body>please wait</body></html>', { 'Content-Type': 'text/html' }),
    );
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.message).toMatch(/HTML page/);
  });

  it('truncated JSON is a ResponseValidationError that says so', async () => {
    const error = await failure((i) =>
      i.reply(200, '{"data":{"id":"1","type":"users","attri', { 'Content-Type': 'application/vnd.api+json' }),
    );
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.message).toMatch(/truncated or malformed JSON/);
  });

  it('an answer that does not match the endpoint schema is a ResponseValidationError', async () => {
    nock(ORIGIN).get('/api/users/me').reply(200, { data: [] });
    const error = await thrown(() => client().call('users.me'));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues.length).toBeGreaterThan(0);
  });

  it('an exchange message that echoes the key is masked', async () => {
    const error = await failure((i) => i.reply(401, { error: `Invalid Api Key ${KEY}` }));
    expect(error.message).toContain('[redacted]');
  });

  it('a 500 is an ExchangeError with its status', async () => {
    const error = await failure((i) => i.reply(500, 'oops'));
    expect(error).toBeInstanceOf(ExchangeError);
    expect(error.status).toBe(500);
  });
});
