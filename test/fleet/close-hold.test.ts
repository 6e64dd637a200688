import { describe, expect, it } from 'vitest';
import { createClient, kiiex } from '../../src/index.js';
import { redisCoordination } from '../../src/redis/index.js';
import { useSandboxes } from '../redis/sandboxes.js';
import { uniquePrefix, useRedis } from '../redis/support.js';

// A client of a fleet that closes stops holding its key at once (docs/fleet.md, "A new key for the whole fleet"):
// the AlphaPoint sandbox's count of logouts is the independent record of who released the replaced key.
const redis = useRedis();
const sandboxes = useSandboxes();

describe('close() in a fleet with a credentials source', () => {
  it('a closed client no longer holds the key: the client that rotates, last to let it go, logs the old session out (1 logout)', async () => {
    const first = sandboxes.alphapoint.addAccount({});
    const second = sandboxes.alphapoint.addAccount({});
    const { OMSId } = sandboxes.alphapoint.accountIds(first.apiKey);
    const prefix = uniquePrefix();
    const provider = (key: typeof first) => kiiex({ ...key, baseURL: sandboxes.alphapoint.baseURL });
    let rotatorKey = first;
    const member = (load: () => ReturnType<typeof provider>) =>
      createClient(provider(first), {
        rateLimit: false,
        coordination: redisCoordination(redis.connect(), { prefix }),
        credentials: { load },
      });
    const rotator = member(() => provider(rotatorKey));
    const closing = member(() => provider(first));
    for (const client of [rotator, closing]) {
      await client.request({ method: 'POST', path: '/GetUserInfo', body: { OMSId } });
      // Reading the source holds the key in the fleet.
      expect(await client.reloadCredentials()).toBe('unchanged');
    }
    expect(sandboxes.alphapoint.stats()).toMatchObject({ logins: 1, logouts: 0 });

    await closing.close();
    rotatorKey = second;
    expect(await rotator.reloadCredentials()).toBe('rotated');
    // Without the drop, the closed client's hold would count for 30 s more and nobody would log the key out.
    expect(sandboxes.alphapoint.stats()).toMatchObject({ logins: 1, logouts: 1 });
    await rotator.close();
  });
});
