import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { bitexbit, type ClientEvent, createClient } from '../../src/index.js';
import { redisCoordination } from '../../src/redis/index.js';
import { startBitexbitSandbox } from '../../src/testing/index.js';
import { startRedisServer } from '../redis/support.js';

// A credentials source in a fleet whose Redis stops answering: the client reports it and goes on with its key.
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const item of open.splice(0).reverse()) await item.close();
});

describe('credentials source, fleet unavailable', () => {
  it('a key hold that Redis does not answer is reported (fleet-unavailable) and the source still read', async () => {
    const sandbox = await startBitexbitSandbox();
    open.push(sandbox);
    const server = await startRedisServer();
    const redis = new Redis(server.url, { maxRetriesPerRequest: 0, retryStrategy: () => 50 });
    redis.on('error', () => undefined);
    open.push({ close: async () => redis.disconnect() });
    const key = sandbox.credentials.trade;
    const provider = () => bitexbit({ ...key, baseURL: sandbox.baseURL });
    const events: ClientEvent[] = [];
    const client = createClient(provider(), {
      rateLimit: false,
      coordination: redisCoordination(redis, { commandTimeoutMs: 200 }),
      credentials: { load: provider },
      onEvent: (event) => {
        events.push(event);
      },
    });
    open.push(client);
    await client.call('balance.get');
    expect(await client.reloadCredentials()).toBe('unchanged');
    expect(events.filter((event) => event.type === 'credentials-failed')).toEqual([]);

    await server.stop();
    expect(await client.reloadCredentials()).toBe('unchanged');
    expect(events.filter((event) => event.type === 'credentials-failed')).toEqual([
      {
        type: 'credentials-failed',
        provider: 'bitexbit',
        reason: 'fleet-unavailable',
        errorCode: 'transport',
      },
    ]);
  });
});
