import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AlphaPointSandbox,
  type BitexbitSandbox,
  startAlphaPointSandbox,
  startBitexbitSandbox,
} from '../../src/testing/index.js';
import { startFront } from '../faults/shared/front.js';
import { TestClock } from '../support/clock.js';
import { cjs, esm, registry, registryKeys } from './copies.js';

let kiiex: AlphaPointSandbox;
let bitexbit: BitexbitSandbox;
beforeAll(async () => {
  [kiiex, bitexbit] = await Promise.all([startAlphaPointSandbox(), startBitexbitSandbox()]);
});
afterAll(() => Promise.all([kiiex.close(), bitexbit.close()]));

const settings = { retry: false } as const;
const positions = { method: 'POST', path: '/GetAccountPositions', body: { OMSId: 1, AccountId: 7 } } as const;
const balance = { method: 'GET', path: '/api/v2/private/balance' } as const;

describe('the process-wide registry', () => {
  it('lives at globalThis[Symbol.for("exchange-auth/registry@<major>")], the major of package.json', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    const major = Number(String(version).split('.')[0]);
    // Any request installs it; both copies find the same one.
    await esm
      .createClient(esm.bitexbit({ ...bitexbit.credentials.read, baseURL: bitexbit.baseURL }))
      .request(balance);
    const installed = (globalThis as Record<symbol, unknown>)[Symbol.for(`exchange-auth/registry@${major}`)];
    expect(installed).toBeDefined();
    expect(installed).toBe(registry());
    expect(registry()?.version).toBe(major);
  });

  it('holds no credential: every key is a salted hash, never an API key, secret or their plain hash', async () => {
    const credentials = kiiex.credentials.trader;
    const trade = bitexbit.credentials.trade;
    // Fronts hold the exchanges' answers until the registry has been read, so the requests are in flight while
    // it is (queues exist only while in use): an event says when, no time is waited for.
    const [kiiexFront, bitexbitFront] = await Promise.all([
      startFront(kiiex.baseURL),
      startFront(bitexbit.baseURL),
    ]);
    const kiiexClient = cjs.createClient(cjs.kiiex({ ...credentials, baseURL: kiiexFront.baseURL }), {
      ...settings,
      rateLimit: 5,
    });
    const bitexbitClient = esm.createClient(
      esm.bitexbit({ ...trade, baseURL: bitexbitFront.baseURL }),
      settings,
    );
    const positionsHeld = kiiexFront.holdAnswers(positions.path);
    const balanceHeld = bitexbitFront.holdAnswers(balance.path);
    // Settled, not fulfilled: what is asserted is the registry, not the answers.
    const pending = Promise.allSettled([
      kiiexClient.request(positions),
      bitexbitClient.request(balance),
      bitexbitClient.request(balance),
    ]);
    // The Kiiex call (after its login) and the first bitexbit call have been answered by the exchanges and wait
    // at the fronts; the second bitexbit call waits in the key's queue.
    await Promise.all([positionsHeld.arrived(1), balanceHeld.arrived(1)]);
    const during = registryKeys();
    // In use now: a key's queue, its rate limit's window, a session.
    expect(registry()?.orders.size).toBeGreaterThan(0);
    expect(registry()?.rateLimits.size).toBeGreaterThanOrEqual(2);
    expect(registry()?.sessions.size).toBeGreaterThan(0);
    positionsHeld.release();
    balanceHeld.release();
    await pending;
    const keys = [...new Set([...during, ...registryKeys()])];
    expect(keys.length).toBeGreaterThanOrEqual(4);
    const plainHashes = [
      esm.fingerprint('key-pair-signature', trade.accessKey),
      esm.fingerprint('kiiex', `${kiiex.baseURL} ${credentials.apiKey}`),
    ].map((print) => print.split(':')[1] ?? print);
    const forbidden = [
      credentials.apiKey,
      credentials.apiSecret,
      trade.accessKey,
      trade.privateKey,
      ...plainHashes,
    ];
    for (const key of keys) {
      expect(key).toMatch(/^[0-9a-f]{32}(@[0-9.]+)?$/);
      for (const value of forbidden) expect(key).not.toContain(value);
    }
    await kiiexClient.close();
    await Promise.all([kiiexFront.close(), bitexbitFront.close()]);
  });

  it('keeps the last nonce of a key, and no queue once the key is idle', async () => {
    const view = registry();
    const key = bitexbit.addKey({ access: 'read' });
    const nonces = view?.nonces.size ?? 0;
    const client = cjs.createClient(cjs.bitexbit({ ...key, baseURL: bitexbit.baseURL }), {
      rateLimit: false,
    });
    await Promise.all(Array.from({ length: 5 }, () => client.request(balance)));
    expect(view?.nonces.size).toBe(nonces + 1);
    expect(view?.orders.size).toBe(0);
    // A nonce sequence never goes back: a new client of the key continues it.
    const last = bitexbit.log.at(-1)?.headers['x-nonce'];
    const again = esm.createClient(esm.bitexbit({ ...key, baseURL: bitexbit.baseURL }), { rateLimit: false });
    await again.request(balance);
    expect(BigInt(bitexbit.log.at(-1)?.headers['x-nonce'] ?? '0')).toBeGreaterThan(BigInt(last ?? '0'));
  });

  it('holds a key’s session while it is fresh, and drops it once idle for its lifetime', async () => {
    const view = registry();
    const credentials = kiiex.addAccount({});
    const clock = new TestClock();
    const before = new Set(view?.sessions.keys());
    const options = { retry: false, clock } as const;
    const a = esm.createClient(
      esm.kiiex({ ...credentials, baseURL: kiiex.baseURL, sessionIdleMs: 60_000 }),
      options,
    );
    await a.authenticate();
    const held = [...(view?.sessions.keys() ?? [])].filter((key) => !before.has(key));
    expect(held).toHaveLength(1);
    // Idle for the whole lifetime: the exchange has ended the session. The next new keeper sweeps it.
    clock.set(clock.now() + 60_000);
    const other = kiiex.addAccount({});
    await cjs.createClient(cjs.kiiex({ ...other, baseURL: kiiex.baseURL }), options).authenticate();
    expect(view?.sessions.has(held[0] ?? '')).toBe(false);
  });
});
