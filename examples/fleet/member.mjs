// One process of the fleet in examples/fleet/main.ts (which starts four of these). Plain JavaScript: a fleet's
// processes need nothing but the package, ioredis and the same Redis.
//   node member.mjs '<JSON: { redisUrl, prefix, bitexbit: { credentials, baseURL }, kiiex: { credentials, baseURL, ids } }>'
import { bitexbit, createClient, kiiex } from 'exchange-auth';
import { redisCoordination } from 'exchange-auth/redis';
import { Redis } from 'ioredis';

const { redisUrl, prefix, bitexbit: bx, kiiex: kx, orders, calls } = JSON.parse(process.argv[2]);
const redis = new Redis(redisUrl);
// One coordination per process, shared by its clients: every key's nonces, order, session and rate limit are
// the fleet's. `prefix` keeps this run's keys apart (the default is `exchange-auth:`).
const coordination = redisCoordination(redis, { prefix });
const trader = createClient(bitexbit({ ...bx.credentials, baseURL: bx.baseURL }), {
  coordination,
  rateLimit: false,
});
const account = createClient(kiiex({ ...kx.credentials, baseURL: kx.baseURL }), { coordination });

const order = { symbol: 'BTC_USD', type: 'buy-limit', price: '30000', amount: '0.001' };
const positions = { method: 'POST', path: '/GetAccountPositions', body: kx.ids };
const results = await Promise.allSettled([
  ...Array.from({ length: orders }, () => trader.call('orders.create', { body: order })),
  ...Array.from({ length: calls }, () => account.request(positions)),
]);
const failed = results
  .filter((result) => result.status === 'rejected')
  .map((result) => String(result.reason));
process.send({ ok: results.length - failed.length, failed }, () => {
  redis.disconnect();
  process.exit(0);
});
