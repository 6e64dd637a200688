// Run with --expose-gc: authorises many requests and reports heap use after 10,000 and after 1,000,000.
import { bitex, bitexbit, systemClock } from '../dist/index.js';
import { prepareBody, preparedRequest } from './prepared.mjs';

const silent = () => undefined;
const noLogin = {
  send: () => Promise.reject(new Error('no login')),
  signal: undefined,
  deadline: undefined,
  logger: { debug: silent, info: silent, warn: silent, error: silent },
  clock: systemClock,
};
const providers = {
  bitexbit: bitexbit({
    accessKey: 'ak_memory',
    privateKey: 'sk_memory',
    access: 'trade',
    baseURL: 'https://x.test',
  }),
  bitex: bitex({ apiKey: 'bitex_memory_key', baseURL: 'https://x.test/api' }),
};
const which = process.argv[2] ?? 'bitexbit';
const provider = providers[which];
const request = preparedRequest(
  provider,
  'POST',
  which === 'bitex' ? '/bids' : '/api/v2/private/order/create',
  prepareBody,
);

const heapAfter = async (count) => {
  for (let i = 0; i < count; i += 1) await provider.strategy.authorize(request, noLogin);
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
};
const small = await heapAfter(10_000);
const large = await heapAfter(990_000);
process.stdout.write(JSON.stringify({ small, large }));
