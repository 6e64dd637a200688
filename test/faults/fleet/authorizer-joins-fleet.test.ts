import { describe, expect, it } from 'vitest';
import { bitexbit, createAuthorizer, createClient, kiiex } from '../../../src/index.js';
import { redisCoordination } from '../../../src/redis/index.js';
import { useSandboxes } from '../../redis/sandboxes.js';
import { dump, uniquePrefix, useRedis } from '../../redis/support.js';

// createAuthorizer had no `coordination` option, so requests signed for a user's own HTTP client could not join a
// fleet. Each member here has its own Redis connection and coordination, as a process of a fleet does; the
// requests are sent with fetch, as a user's own client would. Counted at the sandboxes.

const redis = useRedis();
const ORDER = { symbol: 'BTC_USD', type: 'buy-limit', price: '100', amount: '0.01' } as const;
const CREATE = 'POST /api/v2/private/order/create';

const sandboxes = useSandboxes();

const viaFetch = async ({ url, ...init }: { url: string } & RequestInit) => {
  const answer = await fetch(url, init);
  return { status: answer.status, headers: Object.fromEntries(answer.headers), text: await answer.text() };
};

describe('createAuthorizer(provider, { coordination })', () => {
  it('bitexbit: a client and an authorizer of one key in a fleet, 10 orders each: refusals 0, the nonce sequence is the fleet’s', async () => {
    const prefix = uniquePrefix();
    const key = sandboxes.bitexbit.addKey({ access: 'trade' });
    const provider = () => bitexbit({ ...key, baseURL: sandboxes.bitexbit.baseURL });
    const client = createClient(provider(), {
      rateLimit: false,
      coordination: redisCoordination(redis.connect(), { prefix }),
    });
    const authorizer = createAuthorizer(provider(), {
      coordination: redisCoordination(redis.connect(), { prefix }),
    });
    const own = async () => {
      const request = await authorizer.authorize({
        method: 'POST',
        path: '/api/v2/private/order/create',
        body: ORDER,
      });
      try {
        await viaFetch(request);
      } finally {
        request.done();
      }
    };
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? own() : client.call('orders.create', { body: ORDER }))),
    );
    expect(sandboxes.bitexbit.executions(CREATE)).toBe(20);
    const seen = sandboxes.bitexbit.log.map((entry) => Number(entry.headers['x-nonce']));
    expect(seen.every((nonce, i) => i === 0 || nonce > (seen[i - 1] ?? 0))).toBe(true);
    const stored = [...(await dump(redis.connect(), prefix)).entries()].find(([name]) =>
      name.endsWith(':nonce'),
    );
    expect(Number(stored?.[1])).toBe(Math.max(...seen));
  });

  it('Kiiex: a member logs in, an authorizer in another member signs with the fleet’s session: logins 1', async () => {
    const prefix = uniquePrefix();
    const credentials = sandboxes.alphapoint.addAccount({});
    const provider = () => kiiex({ ...credentials, baseURL: sandboxes.alphapoint.baseURL });
    const client = createClient(provider(), {
      rateLimit: false,
      coordination: redisCoordination(redis.connect(), { prefix }),
    });
    const ids = sandboxes.alphapoint.accountIds(credentials.apiKey);
    await client.request({ method: 'POST', path: '/GetAccountPositions', body: ids });
    const authorizer = createAuthorizer(provider(), {
      send: viaFetch,
      coordination: redisCoordination(redis.connect(), { prefix }),
    });
    const request = await authorizer.authorize({
      method: 'POST',
      path: '/GetAccountPositions',
      body: ids,
    });
    expect((await viaFetch(request)).status).toBe(200);
    expect(sandboxes.alphapoint.stats().logins).toBe(1);
  });
});
