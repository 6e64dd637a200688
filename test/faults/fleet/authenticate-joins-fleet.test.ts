import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, kiiex } from '../../../src/index.js';
import { redisCoordination } from '../../../src/redis/index.js';
import { type AlphaPointSandbox, startAlphaPointSandbox } from '../../../src/testing/index.js';
import { uniquePrefix, useRedis } from '../../redis/support.js';

// authenticate() used to log in outside the fleet: coordination started only with the first request, so four
// members that called authenticate() first (as the README's quick start does) made four logins. Each member here
// has its own Redis connection and coordination, as a process of a fleet does. Logins counted at the exchange.

const redis = useRedis();
const POSITIONS = { method: 'POST', path: '/GetAccountPositions', body: { OMSId: 1, AccountId: 7 } } as const;

let exchange: AlphaPointSandbox;
beforeEach(async () => {
  exchange = await startAlphaPointSandbox();
});
afterEach(() => exchange.close());

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
    await Promise.all(members.map((member) => member.request(POSITIONS)));
    expect(exchange.stats().logins).toBe(1);
  });
});
