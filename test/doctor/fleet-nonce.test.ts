import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';
import { bitexbit } from '../../src/providers/bitexbit/index.js';
import { redisCoordination } from '../../src/redis/index.js';
import { type BitexbitSandbox, startBitexbitSandbox } from '../../src/testing/index.js';
import { uniquePrefix, useRedis } from '../redis/support.js';

// The doctor's nonce state in a fleet: the last nonce Redis holds for the key is the last one the exchange
// received from any member (the sandbox's log is the independent record).

describe('doctor: the fleet nonce over Redis', () => {
  const redis = useRedis();
  let sandbox: BitexbitSandbox;
  beforeAll(async () => {
    sandbox = await startBitexbitSandbox();
  });
  afterAll(() => sandbox.close());

  it("reports the fleet's last nonce, the one the exchange saw last for the key", async () => {
    const prefix = uniquePrefix();
    const member = () =>
      createClient(bitexbit({ ...sandbox.credentials.trade, access: 'trade', baseURL: sandbox.baseURL }), {
        rateLimit: false,
        coordination: redisCoordination(redis.connect(), { prefix }),
      });
    const [worker, doctor] = [member(), member()];
    for (let i = 0; i < 3; i += 1) await worker.call('balance.get');
    const report = await doctor.inspect();
    const sent = sandbox.log
      .filter((entry) => entry.headers['x-api-key'] === sandbox.credentials.trade.accessKey)
      .map((entry) => BigInt(entry.headers['x-nonce'] ?? 0));
    const highest = sent.reduce((a, b) => (b > a ? b : a), 0n);
    expect(sent.length).toBe(5);
    expect(report.nonce).toMatchObject({ sequence: true, fleet: { last: String(highest) } });
    // The doctor's own two calls were the last: this process's last nonce is the highest the exchange saw.
    expect(report.nonce.lastInProcess).toBe(String(highest));
  });

  it('without a coordination the fleet is not configured', async () => {
    const client = createClient(
      bitexbit({ ...sandbox.credentials.read, access: 'read', baseURL: sandbox.baseURL }),
    );
    expect((await client.inspect()).nonce.fleet).toBe('not-configured');
  });
});
