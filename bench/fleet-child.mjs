import { POSITIONS_BODY } from './answers.mjs';
// One process of the fleet benchmark, coordinated by Redis. fork(fleet-child.mjs, [JSON config]);
// config: { redisUrl, prefix, provider, baseURL, count, mode?, concurrency? }
// - default mode: `count` requests at once, then it reports how many succeeded;
// - mode 'throughput' (bitexbit, rate limit off): warms up (1,000 requests on a key of its own), says { ready },
//   then on each 'go' runs
//   `count` requests with `concurrency` at a time and reports { ok, ms }; 'exit' ends it.

import { Redis } from 'ioredis';
import { bitexbit, createClient, kiiex } from '../dist/index.js';
import { redisCoordination } from '../dist/redis/index.js';

const { redisUrl, prefix, provider, baseURL, count, mode, concurrency = 1 } = JSON.parse(process.argv[2]);
const redis = new Redis(redisUrl);
// A generous command deadline: 17 processes starting at once on a small machine must not fail the bench at start.
const coordination = redisCoordination(redis, { prefix, commandTimeoutMs: 10_000 });
const client =
  provider === 'bitexbit'
    ? createClient(
        bitexbit({
          accessKey: 'fleet_bench_key',
          privateKey: 'fleet_bench_private',
          access: 'read',
          baseURL,
        }),
        { coordination, ...(mode === 'throughput' ? { rateLimit: false } : {}) },
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
const finish = (report) =>
  process.send(report, () => {
    redis.disconnect();
    process.exit(0);
  });

if (mode === 'throughput') {
  // Warmed up on a key of its own (in parallel with the others): the request path. What waits for a turn and
  // takes one handed on is warmed by the bench's unmeasured rounds on the shared key (bench/fleet.mjs).
  const own = createClient(
    bitexbit({
      accessKey: `fleet_bench_warm_${process.pid}`,
      privateKey: 'fleet_bench_private',
      access: 'read',
      baseURL,
    }),
    { coordination, rateLimit: false },
  );
  const warm = async () => {
    for (let i = 0; i < 250; i += 1) await own.call('balance.get');
  };
  await Promise.all(Array.from({ length: concurrency }, warm));
  await send();
  process.on('message', async (message) => {
    if (message === 'exit') finish({ exit: true });
    if (message !== 'go') return;
    let next = 0;
    let ok = 0;
    const started = performance.now();
    const worker = async () => {
      while (next < count) {
        next += 1;
        await send().then(
          () => {
            ok += 1;
          },
          () => undefined,
        );
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    process.send({ ok, ms: performance.now() - started });
  });
  process.send({ ready: true });
} else {
  const settled = await Promise.allSettled(Array.from({ length: count }, send));
  finish({ ok: settled.filter((result) => result.status === 'fulfilled').length });
}
