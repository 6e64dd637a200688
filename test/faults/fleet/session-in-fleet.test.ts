import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, kiiex } from '../../../src/index.js';
import { redisCoordination } from '../../../src/redis/index.js';
import { type AlphaPointSandbox, startAlphaPointSandbox } from '../../../src/testing/index.js';
import { uniquePrefix, useRedis } from '../../redis/support.js';

// A session's life in a fleet. authenticate() used to log in outside the fleet (coordination started only with the
// first request, so four members that called authenticate() first made four logins), and close() in one process
// deleted the shared session from Redis and sent LogOut (every restart or cron job cost the fleet a login and
// refused the others' calls in flight). Each member here has its own Redis connection and coordination, as a
// process of a fleet does. Counted at the exchange (logins, logouts, refusals).

const redis = useRedis();
/** GetAccountPositions of the account of the key `apiKey` (the sandbox refuses any other account). */
const positionsOf = (apiKey: string) =>
  ({ method: 'POST', path: '/GetAccountPositions', body: exchange.accountIds(apiKey) }) as const;

let exchange: AlphaPointSandbox;
beforeEach(async () => {
  exchange = await startAlphaPointSandbox();
});
afterEach(() => exchange.close());

describe('close() in a fleet', () => {
  it('3 members; 1 closes: logouts 0, logins still 1, the 2 others carry on with 0 refusals', async () => {
    const prefix = uniquePrefix();
    const credentials = exchange.addAccount({});
    const members = Array.from({ length: 3 }, () =>
      createClient(kiiex({ ...credentials, baseURL: exchange.baseURL }), {
        rateLimit: false,
        retry: false,
        coordination: redisCoordination(redis.connect(), { prefix }),
      }),
    );
    await Promise.all(members.map((member) => member.request(positionsOf(credentials.apiKey))));
    expect(exchange.stats().logins).toBe(1);
    const [leaving, ...staying] = members;
    await leaving?.close();
    expect(exchange.stats().logouts ?? 0).toBe(0);
    const before = exchange.log.length;
    await Promise.all(staying.map((member) => member.request(positionsOf(credentials.apiKey))));
    const refused =
      exchange.log.slice(before).filter((entry) => entry.path === '/ap/GetAccountPositions').length - 2;
    expect(refused).toBe(0);
    expect(exchange.stats().logins).toBe(1);
  });

  it('without a fleet, close() still logs the key out: logouts 1', async () => {
    const credentials = exchange.addAccount({});
    const client = createClient(kiiex({ ...credentials, baseURL: exchange.baseURL }), { rateLimit: false });
    await client.request(positionsOf(credentials.apiKey));
    await client.close();
    expect(exchange.stats().logouts).toBe(1);
  });
});

describe('authenticate() joins the fleet', () => {
  it('4 members in one process call authenticate() first, then a request each: logins 1 (was 2)', async () => {
    const prefix = uniquePrefix();
    const credentials = exchange.addAccount({});
    const members = Array.from({ length: 4 }, () =>
      createClient(kiiex({ ...credentials, baseURL: exchange.baseURL }), {
        rateLimit: false,
        retry: false,
        coordination: redisCoordination(redis.connect(), { prefix }),
      }),
    );
    const identities = await Promise.all(members.map((member) => member.authenticate()));
    expect(new Set(identities.map((identity) => identity.userId)).size).toBe(1);
    await Promise.all(members.map((member) => member.request(positionsOf(credentials.apiKey))));
    expect(exchange.stats().logins).toBe(1);
  });
});
