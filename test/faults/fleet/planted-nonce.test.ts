import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bitexbit, createClient } from '../../../src/index.js';
import { RedisCoordinationError, redisCoordination } from '../../../src/redis/index.js';
import { type BitexbitSandbox, startBitexbitSandbox } from '../../../src/testing/index.js';
import { dump, uniquePrefix, useRedis } from '../../redis/support.js';
import { thrown } from '../../support/leaks.js';

// Someone with write access to Redis sets a key's stored nonce ten years ahead. Sent, it would be recorded by the
// exchange, and the key refused from then on, even without Redis. The stored value is refused instead, nothing is
// sent, and the error says what to fix. Counted at the sandbox, which records the highest nonce it accepted.

const redis = useRedis();
const ORDER = { symbol: 'BTC_USD', type: 'buy-limit', price: '100', amount: '0.01' } as const;
const CREATE = 'POST /api/v2/private/order/create';
const TEN_YEARS = 10 * 365 * 24 * 60 * 60 * 1000;

let sandbox: BitexbitSandbox;
beforeEach(async () => {
  sandbox = await startBitexbitSandbox();
});
afterEach(() => sandbox.close());

describe('a nonce planted in Redis', () => {
  it('10 years ahead: RedisCoordinationError nonce-ahead, 0 orders sent; once deleted, the next order executes with a nonce near now', async () => {
    const prefix = uniquePrefix();
    const client = createClient(
      bitexbit({ ...sandbox.addKey({ access: 'trade' }), baseURL: sandbox.baseURL }),
      {
        rateLimit: false,
        retry: false,
        coordination: redisCoordination(redis.connect(), { prefix }),
      },
    );
    await client.call('orders.create', { body: ORDER });
    const writer = redis.connect();
    const nonceKey = [...(await dump(writer, prefix)).keys()].find((key) => key.endsWith(':nonce'));
    expect(nonceKey).toBeDefined();
    const planted = Date.now() + TEN_YEARS;
    await writer.set(nonceKey as string, String(planted));
    const sentBefore = sandbox.log.length;

    const error = await thrown(() => client.call('orders.create', { body: ORDER }));
    expect(error).toBeInstanceOf(RedisCoordinationError);
    expect(error).toMatchObject({ reason: 'nonce-ahead', outcome: 'not-sent' });
    expect(sandbox.log.length - sentBefore).toBe(0);
    expect(await writer.get(nonceKey as string)).toBe(String(planted));

    await writer.del(nonceKey as string);
    await client.call('orders.create', { body: ORDER });
    const last = Number(sandbox.log.at(-1)?.headers['x-nonce']);
    expect(last).toBeLessThan(planted - TEN_YEARS / 2);
    expect(sandbox.executions(CREATE)).toBe(2);
  });
});
