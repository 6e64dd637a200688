import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, kiiex } from '../../../src/index.js';
import { redisCoordination } from '../../../src/redis/index.js';
import { type AlphaPointSandbox, startAlphaPointSandbox } from '../../../src/testing/index.js';
import { uniquePrefix, useRedis } from '../../redis/support.js';

// close() in one process of a fleet used to delete the shared session from Redis and send LogOut: every restart
// or cron job cost the fleet a login and refused the others' calls in flight. Now the session is the fleet's:
// one member closing ends only its own part. Counted at the exchange (logins, logouts, refusals).

const redis = useRedis();
const POSITIONS = { method: 'POST', path: '/GetAccountPositions', body: { OMSId: 1, AccountId: 7 } } as const;

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
    await Promise.all(members.map((member) => member.request(POSITIONS)));
    expect(exchange.stats().logins).toBe(1);
    const [leaving, ...staying] = members;
    await leaving?.close();
    expect(exchange.stats().logouts ?? 0).toBe(0);
    const before = exchange.log.length;
    await Promise.all(staying.map((member) => member.request(POSITIONS)));
    const refused =
      exchange.log.slice(before).filter((entry) => entry.path === '/ap/GetAccountPositions').length - 2;
    expect(refused).toBe(0);
    expect(exchange.stats().logins).toBe(1);
  });

  it('without a fleet, close() still logs the key out: logouts 1', async () => {
    const credentials = exchange.addAccount({});
    const client = createClient(kiiex({ ...credentials, baseURL: exchange.baseURL }), { rateLimit: false });
    await client.request(POSITIONS);
    await client.close();
    expect(exchange.stats().logouts).toBe(1);
  });
});
