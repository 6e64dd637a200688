import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AlphaPointSandbox, startAlphaPointSandbox } from '../../src/testing/index.js';
import { cjs, esm } from './copies.js';

// One key, one session: every provider object of a key shares its login, in either copy of the library.
let sandbox: AlphaPointSandbox;
beforeEach(async () => {
  sandbox = await startAlphaPointSandbox();
});
afterEach(() => sandbox.close());

const settings = { rateLimit: false, retry: false } as const;
const positions = { method: 'POST', path: '/GetAccountPositions', body: { OMSId: 1, AccountId: 7 } } as const;
const logins = () => sandbox.stats().logins ?? 0;
/**
 * Sends `count` requests at once, alternating between the clients, and waits for all to settle. What is asserted
 * is what the exchange saw (logins, calls, tokens), not the answers: those belong to the catalog's tests.
 */
const burst = (clients: readonly { request(options: typeof positions): Promise<unknown> }[], count: number) =>
  Promise.allSettled(
    Array.from({ length: count }, (_, i) => clients[i % clients.length]?.request(positions)),
  );
const tokensSent = () => new Set(callsTo('GetAccountPositions').map((entry) => entry.headers.aptoken));
const callsTo = (name: string) => sandbox.log.filter((entry) => entry.path === `/ap/${name}`);
/** A client of a new `kiiex(...)` provider object of the trader key, from the given copy of the library. */
const trader = (library: typeof esm) =>
  library.createClient(library.kiiex({ ...sandbox.credentials.trader, baseURL: sandbox.baseURL }), settings);

describe('two provider objects of one key share one login', () => {
  it('two kiiex(...) providers of one key: 10 concurrent requests each make exactly 1 login', async () => {
    await burst([trader(esm), trader(esm)], 20);
    expect(logins()).toBe(1);
    expect(callsTo('AuthenticateUser')).toHaveLength(1);
    expect(callsTo('GetAccountPositions')).toHaveLength(20);
    expect(tokensSent().size).toBe(1);
    expect(tokensSent().has(undefined)).toBe(false);
  });

  it('an ESM and a CJS kiiex provider of one key: 10 concurrent requests each make exactly 1 login', async () => {
    await burst([trader(esm), trader(cjs)], 20);
    expect(logins()).toBe(1);
    expect(callsTo('GetAccountPositions')).toHaveLength(20);
    expect(tokensSent().size).toBe(1);
  });

  it('a provider created later reuses the session: no second login', async () => {
    await burst([trader(esm)], 1);
    await burst([trader(cjs)], 1);
    expect(logins()).toBe(1);
    expect(tokensSent().size).toBe(1);
  });

  it('keys are apart: two keys make two logins', async () => {
    const other = sandbox.addAccount({});
    const a = trader(esm);
    const b = esm.createClient(esm.kiiex({ ...other, baseURL: sandbox.baseURL }), settings);
    await Promise.all([a.authenticate(), b.authenticate(), a.authenticate(), b.authenticate()]);
    expect(logins()).toBe(2);
  });
});

describe('closing a client of a shared session', () => {
  it('close() logs the key’s session out once; the other provider logs in again once and goes on', async () => {
    const a = trader(esm);
    const b = trader(cjs);
    await burst([a, b], 2);
    expect(logins()).toBe(1);
    await a.close();
    await a.close();
    expect(sandbox.stats().logouts).toBe(1);
    await burst([b], 5);
    expect(logins()).toBe(2);
    expect(tokensSent().size).toBe(2);
  });

  it('a closed provider starts no login and its requests are refused; the other logs in as usual', async () => {
    const a = trader(esm);
    const b = trader(cjs);
    await a.close();
    await expect(a.request(positions)).rejects.toBeInstanceOf(cjs.ConfigurationError);
    await burst([b], 1);
    expect(logins()).toBe(1);
  });

  it('a wrong secret for the same key shares nothing: it is refused, the right one logs in', async () => {
    const wrong = esm.createClient(
      esm.kiiex({
        ...sandbox.credentials.trader,
        apiSecret: 'wrong-secret-0123456789',
        baseURL: sandbox.baseURL,
      }),
      settings,
    );
    await burst([trader(cjs)], 1);
    await expect(wrong.request(positions)).rejects.toBeInstanceOf(cjs.AuthenticationError);
    expect(logins()).toBe(1);
  });
});
