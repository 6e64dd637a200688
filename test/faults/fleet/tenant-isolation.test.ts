import { describe, expect, it } from 'vitest';
import { bitexbit, ConfigurationError, createClient, kiiex } from '../../../src/index.js';
import { redisCoordination, redisKeyLock } from '../../../src/redis/index.js';
import { useSandboxes } from '../../redis/sandboxes.js';
import { deferred, dump, settles, uniqueKey, uniquePrefix, useRedis } from '../../redis/support.js';
import { thrown } from '../../support/leaks.js';

// Tenants on one Redis: a service that signs for many users gives each its own prefix (a coordination of its
// own) and each user has its own key material. One tenant's traffic must not read, write or wait on another's
// keys; and a tenant pointed at another's keys (a mistake, or a hostile tenant that knows the other's API key but
// not its secret) can neither open the other's session nor make the other use a session it sealed. Counted at the
// sandboxes and in a dump of Redis.

const redis = useRedis();
const ORDER = { symbol: 'BTC_USD', type: 'buy-limit', price: '30000', amount: '0.001' } as const;
const CREATE = 'POST /api/v2/private/order/create';

const sandboxes = useSandboxes();

/** One tenant: its prefix, its credentials on both exchanges, its clients. */
function tenant() {
  const prefix = uniquePrefix();
  const trade = sandboxes.bitexbit.addKey({ access: 'trade' });
  const account = sandboxes.alphapoint.addAccount({});
  const coordination = redisCoordination(redis.connect(), { prefix });
  return {
    prefix,
    trade,
    account,
    bitexbit: createClient(bitexbit({ ...trade, baseURL: sandboxes.bitexbit.baseURL }), {
      rateLimit: false,
      coordination,
    }),
    kiiex: createClient(kiiex({ ...account, baseURL: sandboxes.alphapoint.baseURL }), {
      rateLimit: false,
      coordination,
    }),
    positions: {
      method: 'POST',
      path: '/GetAccountPositions',
      body: sandboxes.alphapoint.accountIds(account.apiKey),
    } as const,
  };
}

/** What Redis holds under `prefix`, key by key (a hash as its fields, whatever order Redis lists them in). */
async function contents(prefix: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of await dump(redis.connect(), prefix)) {
    out[key] = value.startsWith('{') ? JSON.parse(value) : value;
  }
  return out;
}

/** Every key of Redis that is not under one of `prefixes` (another test file's keys aside). */
async function outside(prefixes: readonly string[], before: ReadonlySet<string>): Promise<string[]> {
  const all = await redis.connect().keys('*');
  return all.filter((key) => !before.has(key) && !prefixes.some((prefix) => key.startsWith(prefix)));
}

describe('tenants on one Redis, each with its own prefix and key material (5 scenarios)', () => {
  it('1. 2 tenants x (20 bitexbit orders + 10 Kiiex calls): the other tenant`s keys byte-identical before and after, 0 keys outside the 2 prefixes, refusals 0, logins 1 each', async () => {
    const others = new Set(await redis.connect().keys('test:*'));
    const [a, b] = [tenant(), tenant()];
    await Promise.all(Array.from({ length: 5 }, () => a.bitexbit.call('orders.create', { body: ORDER })));
    await Promise.all(Array.from({ length: 5 }, () => a.kiiex.request(a.positions)));
    const aBefore = await contents(a.prefix);
    // B runs a busy while, on its own keys only.
    await Promise.all([
      ...Array.from({ length: 20 }, () => b.bitexbit.call('orders.create', { body: ORDER })),
      ...Array.from({ length: 10 }, () => b.kiiex.request(b.positions)),
    ]);
    const aAfter = await contents(a.prefix);
    // A's session hash says when it was last used, and B never used it: byte-identical.
    expect(aAfter).toEqual(aBefore);
    await Promise.all(Array.from({ length: 15 }, () => a.bitexbit.call('orders.create', { body: ORDER })));
    expect(sandboxes.bitexbit.executions(CREATE)).toBe(40);
    const refused =
      sandboxes.bitexbit.log.filter((entry) => `${entry.method} ${entry.path}` === CREATE).length - 40;
    expect(refused).toBe(0);
    expect(sandboxes.alphapoint.stats().logins).toBe(2);
    const written = await outside([a.prefix, b.prefix], others);
    expect(written.filter((key) => key.startsWith('test:'))).toEqual([]);
  });

  it('2. 1 credential under 2 prefixes: each tenant`s turn is its own (B takes it while A holds it), fences 1 and 1', async () => {
    const key = uniqueKey();
    const [a, b] = [uniquePrefix(), uniquePrefix()].map((prefix) =>
      redisKeyLock(redis.connect(), { prefix }),
    );
    const held = deferred<number>();
    const finish = deferred();
    const holding = a?.run(key, async (fence) => {
      held.resolve(fence);
      await finish.promise;
    });
    expect(await held.promise).toBe(1);
    expect(
      await settles(b?.run(key, async (fence) => fence) ?? Promise.reject(), 'B`s turn while A holds'),
    ).toBe(1);
    finish.resolve();
    await holding;
  });

  it('3. a tenant that knows the other`s API key but not its secret, on its prefix: 1 ConfigurationError (secret), the session untouched, its token never sent, logins still 1', async () => {
    const a = tenant();
    await a.kiiex.request(a.positions);
    const before = await contents(a.prefix);
    const hostile = createClient(
      kiiex({
        ...a.account,
        apiSecret: 'not-the-secret-of-tenant-a-7c1e',
        baseURL: sandboxes.alphapoint.baseURL,
      }),
      {
        rateLimit: false,
        retry: false,
        coordination: redisCoordination(redis.connect(), { prefix: a.prefix }),
      },
    );
    const sent = sandboxes.alphapoint.log.length;
    const error = await thrown(() => hostile.request(a.positions));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ field: 'secret' });
    expect(sandboxes.alphapoint.log.length - sent).toBe(0);
    // Its failed read changed nothing, not even when the session was last used.
    expect(await contents(a.prefix)).toEqual(before);
    await a.kiiex.request(a.positions);
    expect(sandboxes.alphapoint.stats().logins).toBe(1);
  });

  it('4. a session sealed by another tenant, copied over this one`s: 1 ConfigurationError (secret), 0 requests with the copied token', async () => {
    const [a, b] = [tenant(), tenant()];
    await a.kiiex.request(a.positions);
    await b.kiiex.request(b.positions);
    const writer = redis.connect();
    const sessionOf = async (prefix: string) =>
      [...(await dump(writer, prefix)).keys()].find((key) => key.endsWith(':session')) ?? '';
    const [aSession, bSession] = [await sessionOf(a.prefix), await sessionOf(b.prefix)];
    const bToken = sandboxes.alphapoint.log.at(-1)?.headers.aptoken;
    expect(bToken).toBeDefined();
    // Someone with write access to Redis puts B's sealed session where A's was.
    expect(await writer.copy(bSession, aSession, 'REPLACE')).toBe(1);
    const sent = sandboxes.alphapoint.log.length;
    const error = await thrown(() => a.kiiex.request(a.positions));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ field: 'secret' });
    expect(
      sandboxes.alphapoint.log.slice(sent).filter((entry) => entry.headers.aptoken === bToken),
    ).toHaveLength(0);
  });

  it('5. a full dump of Redis after 2 tenants ran: 0 API keys, secrets, private keys or session tokens of either', async () => {
    const [a, b] = [tenant(), tenant()];
    await Promise.all(
      [a, b].flatMap((t) => [
        t.bitexbit.call('orders.create', { body: ORDER }),
        t.kiiex.request(t.positions),
      ]),
    );
    const reader = redis.connect();
    const stored = JSON.stringify([
      ...(await dump(reader, a.prefix)).entries(),
      ...(await dump(reader, b.prefix)).entries(),
    ]);
    const tokens = sandboxes.alphapoint.log.map((entry) => entry.headers.aptoken).filter(Boolean);
    const secrets = [a, b].flatMap((t) => [
      t.trade.accessKey,
      t.trade.privateKey,
      t.account.apiKey,
      t.account.apiSecret,
    ]);
    expect(tokens.length).toBeGreaterThan(0);
    for (const secret of [...secrets, ...new Set(tokens)]) expect(stored).not.toContain(secret);
  });
});
