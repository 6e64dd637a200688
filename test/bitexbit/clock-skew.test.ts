import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { forgetFileNonceSource } from '../../src/core/file-nonces.js';
import { AuthenticationError, createClient, fileNonceSource } from '../../src/index.js';
import { bitexbit } from '../../src/providers/bitexbit/index.js';
import { redisCoordination } from '../../src/redis/index.js';
import { uniquePrefix, useRedis } from '../redis/support.js';
import { thrown } from '../support/leaks.js';
import { bench, fast, ROUTES, WITHDRAWAL } from './support.js';

// The exchange's clock against the client's, both driven by one TestClock (starting on a whole second, the worst
// phase for a one-second `Date` header): the sandbox's `shiftClock` sets the exchange ahead, a `clock.set` steps the
// client's "system clock" back while the sandbox's shift keeps the exchange where it was.
const HOUR = 3_600_000;
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The nonces the sandbox received for `accessKey`, in arrival order. */
function noncesOf(log: readonly { headers: Record<string, string> }[], accessKey: string): bigint[] {
  return log
    .filter((r) => r.headers['x-api-key'] === accessKey)
    .map((r) => BigInt(r.headers['x-nonce'] ?? 0));
}

function increasing(values: readonly bigint[]): boolean {
  return values.every((value, i) => i === 0 || value > (values[i - 1] ?? 0n));
}

describe('bitexbit gateway with the exchange 2 s ahead', () => {
  it('gateway calls succeed once an answer has measured the offset; each X-Timeout is not past on arrival', async () => {
    const { sandbox, client } = await bench();
    sandbox.shiftClock(2_000);
    const withdraw = client(sandbox.credentials.withdraw);
    await withdraw.call('balance.get');
    for (let i = 0; i < 5; i += 1) await withdraw.call('withdrawals.create', { body: WITHDRAWAL });
    expect(sandbox.executions(ROUTES.withdraw)).toBe(5);
    const gateway = sandbox.log.filter((r) => r.path.startsWith('/api/gateway/'));
    expect(gateway).toHaveLength(5);
    for (const request of gateway)
      expect(Number(request.headers['x-timeout'])).toBeGreaterThanOrEqual(request.at);
  });

  it('a first gateway call refused as expired is not resent; the error gives the measured offset and what to do', async () => {
    const { sandbox, client } = await bench();
    sandbox.shiftClock(2_000);
    const withdraw = client(sandbox.credentials.withdraw);
    const error = await thrown(() => withdraw.call('withdrawals.create', { body: WITHDRAWAL }));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toMatch(/clock reads \d+ ms ahead/);
    expect((error as Error).message).toMatch(/not sent again/);
    expect(sandbox.log).toHaveLength(1);
    expect(sandbox.executions(ROUTES.withdraw)).toBe(0);
    // Its own answer measured the offset: the next call passes.
    await withdraw.call('withdrawals.create', { body: WITHDRAWAL });
    expect(sandbox.executions(ROUTES.withdraw)).toBe(1);
  });

  it('with the clocks in agreement, X-Timeout stays the documented now + 500', async () => {
    const { sandbox, client, clock } = await bench();
    const withdraw = client(sandbox.credentials.withdraw);
    for (let i = 0; i < 3; i += 1) await withdraw.call('withdrawals.create', { body: WITHDRAWAL });
    for (const request of sandbox.log) expect(Number(request.headers['x-timeout'])).toBe(clock.now() + 500);
  });
});

describe('nonces when the system clock steps back 1 h', () => {
  it('in one process: every call passes, every nonce above the one before', async () => {
    const { sandbox, client, clock } = await bench();
    const trade = client(sandbox.credentials.trade);
    for (let i = 0; i < 5; i += 1) await trade.call('balance.get');
    clock.set(clock.now() - HOUR);
    sandbox.shiftClock(HOUR);
    for (let i = 0; i < 5; i += 1) await trade.call('balance.get');
    const nonces = noncesOf(sandbox.log, sandbox.credentials.trade.accessKey);
    expect(nonces).toHaveLength(10);
    expect(increasing(nonces)).toBe(true);
  });

  it('after a restart (a new client reading the same nonce file): every call passes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'exchange-auth-nonces-'));
    dirs.push(dir);
    const path = join(dir, 'nonces.json');
    const { sandbox, clock } = await bench();
    const make = () =>
      createClient(
        bitexbit({
          ...sandbox.credentials.trade,
          baseURL: sandbox.baseURL,
          nonceSource: fileNonceSource(path),
        }),
        { clock, ...fast },
      );
    const before = make();
    for (let i = 0; i < 5; i += 1) await before.call('balance.get');
    await before.close();
    // The restart: this process forgets everything but the file; the new process's clock reads an hour earlier.
    forgetFileNonceSource(path);
    clock.set(clock.now() - HOUR);
    sandbox.shiftClock(HOUR);
    const after = make();
    for (let i = 0; i < 5; i += 1) await after.call('balance.get');
    const nonces = noncesOf(sandbox.log, sandbox.credentials.trade.accessKey);
    expect(nonces).toHaveLength(10);
    expect(increasing(nonces)).toBe(true);
    expect(sandbox.log.every((r) => r.headers['x-nonce'] !== undefined)).toBe(true);
  });
});

describe('nonces across a Redis fleet when one member clock steps back 1 h', () => {
  const redis = useRedis();

  it('two members on one key: every call passes, the exchange sees increasing nonces', async () => {
    const { sandbox, clock } = await bench();
    const prefix = uniquePrefix();
    const member = () =>
      createClient(bitexbit({ ...sandbox.credentials.trade, baseURL: sandbox.baseURL }), {
        clock,
        rateLimit: false,
        // No retries: a refused nonce must show, not be covered by a second attempt.
        retry: { retries: 0 },
        coordination: redisCoordination(redis.connect(), { prefix, clock }),
      });
    const [a, b] = [member(), member()];
    for (let i = 0; i < 4; i += 1)
      await (i % 2 ? a : b).request({ method: 'GET', path: '/api/v2/private/balance' });
    clock.set(clock.now() - HOUR);
    sandbox.shiftClock(HOUR);
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? a : b).request({ method: 'GET', path: '/api/v2/private/balance' }),
      ),
    );
    const nonces = noncesOf(sandbox.log, sandbox.credentials.trade.accessKey);
    expect(nonces).toHaveLength(14);
    expect(increasing(nonces)).toBe(true);
    await Promise.all([a.close(), b.close()]);
  });
});
