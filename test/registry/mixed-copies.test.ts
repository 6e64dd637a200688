import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BitexbitSandbox, startBitexbitSandbox } from '../../src/testing/index.js';
import { TestClock } from '../support/clock.js';
import { cjs, esm } from './copies.js';

// A program that loads the package through both `import` and `require` has two copies of it in one process.
// Both must draw one key's nonces from one sequence and send them in one order, or the exchange refuses some.
let sandbox: BitexbitSandbox;
let clock: TestClock;
beforeEach(async () => {
  // A clock that never moves by itself: every nonce comes from the sequence, none from the passing of time.
  clock = new TestClock();
  sandbox = await startBitexbitSandbox({ clock });
});
afterEach(() => sandbox.close());

const ORDER = { symbol: 'BTC_USD', type: 'buy-limit', price: '30000', amount: '0.001' };
const CREATE = 'POST /api/v2/private/order/create';
const order = { method: 'POST', path: '/api/v2/private/order/create', body: ORDER } as const;
// Nothing is sent twice, and no client-side limit spaces the requests out: only the shared order keeps them apart.
const settings = { rateLimit: false, retry: false } as const;

const clientOf = (library: typeof esm) =>
  library.createClient(library.bitexbit({ ...sandbox.credentials.trade, baseURL: sandbox.baseURL }), {
    ...settings,
    clock,
  });
const noncesSeen = () =>
  sandbox.log
    .filter((entry) => entry.path === order.path)
    .map((entry) => BigInt(entry.headers['x-nonce'] ?? '0'));
const strictlyIncreasing = (values: readonly bigint[]) =>
  values.every((value, index) => index === 0 || value > (values[index - 1] ?? 0n));

describe('an ESM client and a CJS client of one bitexbit key', () => {
  it('40 concurrent orders, interleaved: 0 refusals, each executed once, nonces strictly increasing', async () => {
    const fromImport = clientOf(esm);
    const fromRequire = clientOf(cjs);
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? fromImport : fromRequire).request(order)),
    );
    const refused = results.filter((result) => result.status === 'rejected');
    expect(refused.map((result) => String((result as PromiseRejectedResult).reason))).toEqual([]);
    expect(sandbox.executions(CREATE)).toBe(40);
    const nonces = noncesSeen();
    expect(nonces).toHaveLength(40);
    expect(strictlyIncreasing(nonces)).toBe(true);
  });
});
