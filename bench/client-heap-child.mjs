// Run with --expose-gc: `node --expose-gc client-heap-child.mjs <subject> <origin> [count]`. Creates `count` clients
// (10,000 by default) on as many distinct keys, each makes one request to the loopback exchange at `origin`, all
// are kept in an array; prints the heap they hold after gc, per client.
import { createHmac, createSecretKey } from 'node:crypto';
import axios from 'axios';
import { alphapoint, bitex, bitexbit, createClient, kiiex } from '../dist/index.js';
import { POSITIONS_BODY } from './answers.mjs';

const [subject, origin, countArgument] = process.argv.slice(2);
const COUNT = Number(countArgument ?? 10_000);
/** Clients created and sent at once: enough to keep the loopback busy, few enough that none waits long. */
const BATCH = 50;

/** One client per subject: `make(i)` builds it on key `i`, `send(client)` makes its one request. */
const SUBJECTS = {
  bitex: {
    make: (i) => createClient(bitex({ apiKey: `bench_bitex_key_${i}`, baseURL: `${origin}/api` })),
    send: (client) => client.call('coinWallets.list'),
  },
  bitexbit: {
    make: (i) =>
      createClient(
        bitexbit({
          accessKey: `ak_bench_${i}`,
          privateKey: `sk_bench_${i}`,
          access: 'read',
          baseURL: origin,
        }),
      ),
    send: (client) => client.call('balance.get'),
  },
  kiiex: {
    make: (i) =>
      createClient(
        kiiex({
          apiKey: `bench_key_${i}`,
          apiSecret: `bench_secret_${i}`,
          userId: 7,
          baseURL: `${origin}/ap`,
        }),
      ),
    send: (client) => client.call('GetAccountPositions', { body: POSITIONS_BODY }),
  },
  alphapoint: {
    make: (i) =>
      createClient(
        alphapoint({
          apiKey: `bench_key_${i}`,
          apiSecret: `bench_secret_${i}`,
          userId: 7,
          baseURL: `${origin}/ap`,
        }),
      ),
    send: (client) => client.call('GetAccountPositions', { body: POSITIONS_BODY }),
  },
  // What a service on raw axios keeps per user: an instance carrying the key, and an HMAC function on the secret.
  axios: {
    make: (i) => {
      const http = axios.create({ baseURL: origin, headers: { 'X-API-Key': `ak_bench_${i}` } });
      const key = createSecretKey(Buffer.from(`sk_bench_${i}`));
      let last = 0;
      const sign = (path) => {
        last = Math.max(Date.now(), last + 1);
        const nonce = String(last);
        return {
          nonce,
          signature: createHmac('sha256', key)
            .update(path + nonce)
            .digest('hex'),
        };
      };
      return { http, sign };
    },
    send: ({ http, sign }) => {
      const path = '/api/v2/private/balance';
      const { nonce, signature } = sign(path);
      return http.get(path, {
        headers: { 'X-Nonce': nonce, 'X-Signature': signature, Accept: 'application/json' },
      });
    },
  },
};

const chosen = SUBJECTS[subject];
if (!chosen) throw new Error(`unknown subject ${subject}; known: ${Object.keys(SUBJECTS).join(', ')}`);

const heap = () => {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
};

// One client first, not counted, so that what every client shares (modules, the catalog's schemas, the agent and
// its connections) is in the heap before the count starts.
const warm = chosen.make(-1);
await chosen.send(warm);
const before = heap();
const kept = [];
for (let i = 0; i < COUNT; i += BATCH) {
  const batch = [];
  for (let j = i; j < Math.min(COUNT, i + BATCH); j += 1) batch.push(chosen.make(j));
  await Promise.all(batch.map((client) => chosen.send(client)));
  kept.push(...batch);
}
const after = heap();
process.stdout.write(
  JSON.stringify({ subject, count: kept.length, before, after, perClient: (after - before) / kept.length }),
);
