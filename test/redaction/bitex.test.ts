import fc from 'fast-check';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bitex, createClient, ExchangeAuthError } from '../../src/index.js';
import { BITEX_WITHDRAWAL, bitexOrder } from '../support/documented.js';
import { everythingPrintable, thrown } from '../support/leaks.js';
import { seeded } from '../support/property.js';

const ORIGIN = 'https://bitex.redaction.test';

/** Keys as Bitex could issue them: printable ASCII without space or `;`, long enough to be a real key. */
const apiKeys = fc.string({
  unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~+/=!$%&*'),
  minLength: 16,
  maxLength: 64,
});

type Path = { name: string; run: (key: string) => Promise<unknown> };

// nock intercepts Node's http module, which the axios transport sends through (undici does not).
const settings = { transport: 'axios', retry: false, rateLimit: false } as const;

function client(key: string) {
  return createClient(bitex({ apiKey: key, baseURL: `${ORIGIN}/api` }), settings);
}

function master(key: string) {
  return createClient(bitex({ apiKey: key, role: 'master', baseURL: `${ORIGIN}/api` }), settings);
}

/** Every way a request can fail; the exchange answers echo the key wherever they can, to test the masking. */
const paths: Path[] = [
  {
    name: '401 invalid key, echoed',
    run: (key) => {
      nock(ORIGIN)
        .get('/api/users/me')
        .reply(401, { error: `Invalid Api Key ${key}` });
      return client(key).request({ method: 'GET', path: '/users/me' });
    },
  },
  {
    name: '401 not enough permissions',
    run: (key) => {
      nock(ORIGIN).get('/api/coin_wallets').reply(401, { error: 'Not enough permissions', key });
      return client(key).call('coinWallets.list');
    },
  },
  {
    name: '422 with the key in the details',
    run: (key) => {
      nock(ORIGIN)
        .post('/api/bids')
        .reply(422, { errors: [{ status: 422, title: `bad ${key}`, detail: { key }, code: key }] });
      return client(key).call('bids.create', { body: bitexOrder() });
    },
  },
  {
    name: '404',
    run: (key) => {
      nock(ORIGIN)
        .get('/api/orders')
        .reply(404, { errors: [{ code: null, detail: key }] });
      return client(key).call('orders.list');
    },
  },
  {
    name: '429',
    run: (key) => {
      nock(ORIGIN).get('/api/orders').reply(429, { error: key }, { 'Retry-After': '1' });
      return client(key).call('orders.list');
    },
  },
  {
    name: 'HTML page',
    run: (key) => {
      nock(ORIGIN).get('/api/orders').reply(503, `<html>${key}</html>`, { 'Content-Type': 'text/html' });
      return client(key).call('orders.list');
    },
  },
  {
    name: 'truncated JSON',
    run: (key) => {
      nock(ORIGIN).get('/api/orders').reply(200, `{"key":"${key}`);
      return client(key).call('orders.list');
    },
  },
  {
    name: 'schema mismatch',
    run: (key) => {
      nock(ORIGIN).get('/api/users/me').reply(200, { data: key });
      return client(key).call('users.me');
    },
  },
  {
    name: 'connection reset',
    run: (key) => {
      nock(ORIGIN)
        .post('/api/bids')
        .replyWithError(Object.assign(new Error(`socket hang up ${key}`), { code: 'ECONNRESET' }) as never);
      return client(key).call('bids.create', { body: bitexOrder() });
    },
  },
  {
    name: 'local permission gate',
    run: (key) =>
      createClient(bitex({ apiKey: key, permissions: ['read'], baseURL: `${ORIGIN}/api` })).call(
        'bids.create' as never,
        { body: bitexOrder() } as never,
      ),
  },
  { name: 'bad delegated user id', run: async (key) => master(key).onBehalfOf(`1; user=${key}`) },
  {
    name: 'delegated request refused',
    run: (key) => {
      nock(ORIGIN).get('/api/coin_wallets').reply(401, { error: 'Not enough permissions' });
      return master(key).onBehalfOf(600).call('coinWallets.list');
    },
  },
  {
    name: 'missing one-time password',
    run: (key) => client(key).call('coinWithdrawals.create', { body: BITEX_WITHDRAWAL }),
  },
  {
    name: 'key with a space',
    run: async (key) => bitex({ apiKey: `${key} ${key}`, baseURL: `${ORIGIN}/api` }),
  },
];

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('no error a Bitex client throws reveals the key', () => {
  for (const path of paths) {
    it(path.name, async () => {
      await fc.assert(
        fc.asyncProperty(apiKeys, async (key) => {
          nock.cleanAll();
          const error = await thrown(() => path.run(key));
          expect(error).toBeInstanceOf(ExchangeAuthError);
          const printable = everythingPrintable(error);
          expect(printable).not.toContain(key);
        }),
        seeded({ numRuns: 40 }),
      );
    });
  }
});
