import { POSITIONS_BODY } from './answers.mjs';
// One process of the fleet benchmark: `count` requests at once through a client coordinated by Redis, then it
// reports how many succeeded. fork(fleet-child.mjs, [JSON { redisUrl, prefix, provider, baseURL, count }])

import { Redis } from 'ioredis';
import { bitexbit, createClient, kiiex } from '../dist/index.js';
import { redisCoordination } from '../dist/redis/index.js';

const { redisUrl, prefix, provider, baseURL, count } = JSON.parse(process.argv[2]);
const redis = new Redis(redisUrl);
const coordination = redisCoordination(redis, { prefix });
const client =
  provider === 'bitexbit'
    ? createClient(
        bitexbit({
          accessKey: 'fleet_bench_key',
          privateKey: 'fleet_bench_private',
          access: 'read',
          baseURL,
        }),
        { coordination },
      )
    : createClient(
        kiiex({
          apiKey: 'fleet_bench_key',
          apiSecret: 'fleet_bench_secret',
          userId: 7,
          baseURL: `${baseURL}/ap`,
        }),
        { coordination, rateLimit: false },
      );
const send = () =>
  provider === 'bitexbit'
    ? client.call('balance.get')
    : client.call('GetAccountPositions', { body: POSITIONS_BODY });
const settled = await Promise.allSettled(Array.from({ length: count }, send));
process.send({ ok: settled.filter((result) => result.status === 'fulfilled').length }, () => {
  redis.disconnect();
  process.exit(0);
});
