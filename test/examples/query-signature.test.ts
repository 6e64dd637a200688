import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main as queryExchangeExample } from '../../examples/query-signature/main.js';
import { queryExchange } from '../../examples/query-signature/provider.js';
import {
  type QueryExchangeSandbox,
  startQueryExchangeSandbox,
} from '../../examples/query-signature/sandbox.js';
import { AuthenticationError, createClient, PermissionDeniedError } from '../../src/index.js';
import { everythingPrintable, thrown } from '../support/leaks.js';

let sandbox: QueryExchangeSandbox;
beforeAll(async () => {
  sandbox = await startQueryExchangeSandbox();
});
afterAll(() => sandbox.close());
afterEach(() => sandbox.setSkew(0));

const settings = { rateLimit: false, retry: false } as const;
const order = { symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', quantity: '0.01', price: '100' };
const client = (extra: Partial<Parameters<typeof queryExchange>[0]> = {}) =>
  createClient(
    queryExchange({ ...sandbox.credentials, baseURL: sandbox.baseURL, recvWindowMs: 1_000, ...extra }),
    settings,
  );

describe('the example provider, against a server that checks its signatures', () => {
  it('imports only the public API', () => {
    for (const file of readdirSync('examples/query-signature').filter((name) => name.endsWith('.ts'))) {
      const text = readFileSync(`examples/query-signature/${file}`, 'utf8');
      expect(text).not.toMatch(/from '\.\.\/\.\.\/src/);
      for (const [, from] of text.matchAll(/from '([^']+)'/g)) {
        expect(
          [
            'exchange-auth',
            'exchange-auth/testing',
            'zod',
            './strategy.js',
            './provider.js',
            './sandbox.js',
          ].includes(from ?? '') || from?.startsWith('node:'),
        ).toBe(true);
      }
    }
  });

  it('signs the query string: the server accepts it, key in X-MBX-APIKEY, signature last', async () => {
    const response = await client().call('account');
    expect(response.data).toEqual({ balances: [{ asset: 'BTC', free: '1' }] });
    const seen = sandbox.server.log.at(-1);
    expect(seen?.headers['x-mbx-apikey']).toBe(sandbox.credentials.apiKey);
    expect(seen?.url).toMatch(/\?timestamp=\d+&recvWindow=1000&signature=[0-9a-f]{64}$/);
  });

  it('a wrong secret is refused: AuthenticationError', async () => {
    const error = await thrown(() => client({ apiSecret: 'wrongSecret0123456789' }).call('account'));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(everythingPrintable(error)).not.toContain('wrongSecret0123456789');
  });

  for (const skew of [5_000, -5_000]) {
    it(`a server clock ${skew > 0 ? 'ahead' : 'behind'} by 5 s: one time lookup, one extra attempt, the order placed once`, async () => {
      sandbox.setSkew(skew);
      const lookups = sandbox.timeLookups();
      const placed = sandbox.executions['POST /api/v3/order'] ?? 0;
      const before = sandbox.server.log.length;
      const trader = client();
      const response = await trader.call('order.create', { query: order });
      expect(response.status).toBe(200);
      expect(sandbox.timeLookups()).toBe(lookups + 1);
      expect((sandbox.executions['POST /api/v3/order'] ?? 0) - placed).toBe(1);
      const orders = sandbox.server.log.slice(before).filter((entry) => entry.path === '/api/v3/order');
      expect(orders).toHaveLength(2);
      // The learnt offset stays: the next call goes through at the first attempt.
      await trader.call('order.create', { query: order });
      expect(sandbox.timeLookups()).toBe(lookups + 1);
    });
  }

  it('a skew that cannot be fixed fails with AuthenticationError, no loop', async () => {
    // The exchange's clock is a minute ahead, but its time endpoint reports this machine's time.
    sandbox.setSkew(60_000);
    sandbox.lieAboutTime(-60_000);
    try {
      const before = sandbox.server.log.length;
      const lookups = sandbox.timeLookups();
      const error = await thrown(() => client().call('account'));
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(sandbox.server.log.slice(before).map((entry) => entry.path)).toEqual([
        '/api/v3/account',
        '/api/v3/time',
        '/api/v3/account',
      ]);
      expect(sandbox.timeLookups() - lookups).toBe(1);
    } finally {
      sandbox.lieAboutTime(0);
    }
  });

  it('the runnable example (main.ts) goes through every step on its own exchange', async () => {
    const lines = await queryExchangeExample();
    expect(lines).toContain('exchange clock 5 s ahead: 1 time lookup, 2 attempts, order 2 placed');
    expect(lines.at(-1)).toMatch(/^wrong secret: AuthenticationError: /);
  });

  it('permissions are enforced locally before any I/O', async () => {
    const reader = client({ permissions: ['read'] });
    const before = sandbox.server.log.length;
    const error = await thrown(() =>
      (reader as unknown as { call: (name: string, options: unknown) => Promise<unknown> }).call(
        'order.create',
        { query: order },
      ),
    );
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect((error as PermissionDeniedError).source).toBe('local');
    expect(sandbox.server.log.length).toBe(before);
  });

  it('the secret and signatures never appear in a thrown error', async () => {
    sandbox.server.failNext(1, {
      status: 500,
      body: { code: -1000, msg: `boom ${sandbox.credentials.apiSecret}` },
    });
    const error = await thrown(() => client().call('account'));
    const signature = /signature=([0-9a-f]{64})/.exec(sandbox.server.log.at(-1)?.url ?? '')?.[1] ?? 'none';
    const printable = everythingPrintable(error);
    expect(printable).not.toContain(sandbox.credentials.apiSecret);
    expect(printable).not.toContain(signature);
  });
});
