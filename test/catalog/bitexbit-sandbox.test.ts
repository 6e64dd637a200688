import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type EndpointDefinition } from '../../src/index.js';
import { bitexbitCatalog } from '../../src/providers/bitexbit/catalog.js';
import { bitexbit } from '../../src/providers/bitexbit/index.js';
import { ROUTES } from '../../src/testing/bitexbit/dispatch.js';
import { type Sandbox, startSandbox } from '../../src/testing/index.js';
import { findRoute } from '../../src/testing/route-table.js';

// Every catalog endpoint the bitexbit sandbox serves, called through the client: the client parses each answer
// with the endpoint's documented schema (a mismatch throws ResponseValidationError), and the test parses it again.
// Where the sandbox answers another shape than the documented one, the test fails: the sandbox is to follow the
// docs; the schema is not loosened for it.

type Name = keyof typeof bitexbitCatalog;

/** A valid input for each endpoint the sandbox serves, within what the sandbox knows (pairs, networks). */
const INPUT: Partial<Record<Name, { query?: object; body?: object }>> = {
  'public.ohlcv': { query: { symbol: 'BTC_USD', timeframe: '60' } },
  'public.depth': { query: { symbol: 'BTC_USD' } },
  'public.trades': { query: { symbol: 'BTC_USD' } },
  'balance.get': { query: { symbols: 'BTC,USD' } },
  'orders.create': { body: { symbol: 'BTC_USD', price: '100', amount: '0.001', type: 'buy-limit' } },
  'withdrawals.create': {
    body: { ticker: 'USDT', network: 'tron', address: 'TXYZ', amount: 1, client_order_id: 'catalog-1' },
  },
};

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox?.close());

// biome-ignore lint/suspicious/noExplicitAny: each call below is made by a name taken from the catalog's keys.
type Untyped = any;

/** A client of the sandbox's withdraw key (which may call everything), without a client-side rate limit. */
const client = (): Untyped =>
  createClient(bitexbit({ ...sandbox.bitexbit.credentials.withdraw, baseURL: sandbox.bitexbit.baseURL }), {
    rateLimit: false,
  });

/** Whether the sandbox has a route for the endpoint (path parameters filled with `1`). */
function served(name: Name): boolean {
  const { method, path } = bitexbitCatalog[name];
  return findRoute(ROUTES, method, path.replace(/:[a-z]+/gi, '1')) !== undefined;
}

const names = (Object.keys(bitexbitCatalog) as Name[]).filter(served);

/** Calls one endpoint with its input; an order to cancel is placed first. */
async function callEndpoint(name: Name) {
  if (name !== 'orders.cancel') return client().call(name, INPUT[name] ?? {});
  const placed = await client().call('orders.create', INPUT['orders.create']);
  return client().call(name, { params: { id: placed.data.order.id } });
}

describe('the bitexbit sandbox answers each endpoint it serves as documented', () => {
  it('serves at least the endpoints it served before the catalog grew', () => {
    expect(names).toEqual(
      expect.arrayContaining(['balance.get', 'orders.create', 'orders.cancel', 'withdrawals.create']),
    );
  });

  for (const name of names) {
    it(`${name}: the answer parses with the documented schema`, async () => {
      const response = await callEndpoint(name);
      expect(response.status).toBe(200);
      const schema = (bitexbitCatalog[name] as EndpointDefinition).response;
      if (schema) expect(schema.safeParse(response.data).error?.issues ?? []).toEqual([]);
    });
  }
});
