import { describe, expect, it } from 'vitest';
import { ConfigurationError, Secret, type Session, type SessionStore } from '../../src/index.js';
import { redisKeys, redisSessionStore } from '../../src/redis/index.js';
import { everythingPrintable, thrown } from '../support/leaks.js';
import { deferred, dump, settles, uniqueKey, uniquePrefix, useRedis } from './support.js';

const redis = useRedis();
const SECRET = 'api-secret-7f3c9a1e5b2d4c6f8a0b';
const TOKEN = 'session-token-3b5d7f9a1c2e4f6a8b0c';

function session(token = TOKEN): Session {
  return { token, info: { UserId: 77, AccountId: 7, OMSId: 1 }, obtainedAt: 1_700_000_000_000 };
}

describe('redisSessionStore: a SessionStore on Redis', () => {
  it('is a SessionStore, and keeps, returns and replaces one session per key', async () => {
    const store: SessionStore = redisSessionStore(redis.connect(), {
      secret: SECRET,
      prefix: uniquePrefix(),
    });
    const key = uniqueKey();
    expect(await store.get(key)).toBeUndefined();
    await store.set(key, session());
    expect(await store.get(key)).toMatchObject(session());
    await store.set(key, session('another-token-0000'));
    expect((await store.get(key))?.token).toBe('another-token-0000');
    expect(await store.get(uniqueKey())).toBeUndefined();
  });

  it('delete is compare-and-delete: only the given token goes, a newer one stays', async () => {
    const store = redisSessionStore(redis.connect(), { secret: SECRET, prefix: uniquePrefix() });
    const key = uniqueKey();
    await store.set(key, session('old-token-111111'));
    await store.delete(key, 'not-the-token-22');
    expect((await store.get(key))?.token).toBe('old-token-111111');
    await store.set(key, session('new-token-333333'));
    await store.delete(key, 'old-token-111111');
    expect((await store.get(key))?.token).toBe('new-token-333333');
    await store.delete(key, 'new-token-333333');
    expect(await store.get(key)).toBeUndefined();
  });

  it('processes share the session: another connection with the same secret reads it', async () => {
    const prefix = uniquePrefix();
    const [a, b] = redis.each(2, (client) => redisSessionStore(client, { secret: SECRET, prefix }));
    const key = uniqueKey();
    await a.set(key, session());
    expect((await b.get(key))?.token).toBe(TOKEN);
    await b.delete(key, TOKEN);
    expect(await a.get(key)).toBeUndefined();
  });
});

describe('redisSessionStore: the token is sealed at rest', () => {
  it('nothing in Redis holds the token, the secret or the fingerprint, in any key or value', async () => {
    const client = redis.connect();
    const prefix = uniquePrefix();
    const store = redisSessionStore(client, { secret: SECRET, prefix });
    const key = uniqueKey();
    await store.set(key, session());
    await store.get(key);
    await store.delete(key, 'some-other-token');
    const stored = await dump(client, prefix);
    expect([...stored.keys()]).toEqual([redisKeys(key, prefix).session]);
    const everything = [...stored].flat().join('\n');
    for (const needle of [
      TOKEN,
      SECRET,
      key,
      key.slice(key.indexOf(':') + 1),
      Buffer.from(TOKEN).toString('base64'),
    ]) {
      expect(everything).not.toContain(needle);
    }
    for (const part of [TOKEN.slice(0, 12), TOKEN.slice(-12), SECRET.slice(0, 12)]) {
      expect(everything).not.toContain(part);
    }
    const fields = await client.hgetall(redisKeys(key, prefix).session);
    expect(Object.keys(fields).sort()).toEqual(['data', 'lastUsedAt', 'obtainedAt', 'tid', 'v']);
    // iv (12) | tag (16) | ciphertext
    expect(Buffer.from(String(fields.data), 'base64').length).toBeGreaterThan(28);
  });

  it('two seals of one session differ (a random IV each time)', async () => {
    const client = redis.connect();
    const prefix = uniquePrefix();
    const store = redisSessionStore(client, { secret: SECRET, prefix });
    const key = uniqueKey();
    const name = redisKeys(key, prefix).session;
    await store.set(key, session());
    const first = await client.hget(name, 'data');
    await store.set(key, session());
    expect(await client.hget(name, 'data')).not.toBe(first);
  });

  it('opening with the wrong secret fails with a ConfigurationError that prints no secret or token', async () => {
    const prefix = uniquePrefix();
    const [a, b] = redis.connections(2);
    const key = uniqueKey();
    await redisSessionStore(a, { secret: SECRET, prefix }).set(key, session());
    const wrong = redisSessionStore(b, { secret: 'another-secret-000000', prefix });
    const error = await thrown(() => wrong.get(key));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).field).toBe('secret');
    const printable = everythingPrintable(error);
    for (const needle of [SECRET, 'another-secret-000000', TOKEN]) expect(printable).not.toContain(needle);
    // The wrong secret cannot delete it either: its token id differs.
    await wrong.delete(key, TOKEN);
    expect((await redisSessionStore(a, { secret: SECRET, prefix }).get(key))?.token).toBe(TOKEN);
  });

  it('an altered payload, or one moved to another key, does not open', async () => {
    const client = redis.connect();
    const prefix = uniquePrefix();
    const store = redisSessionStore(client, { secret: SECRET, prefix });
    const [key, other] = [uniqueKey(), uniqueKey()];
    await store.set(key, session());
    await store.set(other, session('other-token-44444'));
    const sealed = (await client.hget(redisKeys(key, prefix).session, 'data')) ?? '';
    await client.hset(redisKeys(other, prefix).session, 'data', sealed);
    await expect(store.get(other)).rejects.toBeInstanceOf(ConfigurationError);
    const bytes = Buffer.from(sealed, 'base64');
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 1, bytes.length - 1);
    await client.hset(redisKeys(key, prefix).session, 'data', bytes.toString('base64'));
    await expect(store.get(key)).rejects.toThrow(/cannot be opened with this secret/);
  });

  it('accepts the secret as a Secret or as bytes (one key from all three), and refuses a short one', async () => {
    const client = redis.connect();
    const prefix = uniquePrefix();
    const key = uniqueKey();
    await redisSessionStore(client, { secret: new Secret(SECRET), prefix }).set(key, session());
    const bytes = redisSessionStore(client, { secret: Buffer.from(SECRET), prefix });
    expect((await bytes.get(key))?.token).toBe(TOKEN);
    expect(() => redisSessionStore(client, { secret: 'short', prefix })).toThrow(ConfigurationError);
    expect(() => redisSessionStore(client, { secret: 42 } as never)).toThrow(/secret must be the API secret/);
    expect(() => redisSessionStore(client, {} as never)).toThrow(ConfigurationError);
  });

  it('refuses a malformed session before any I/O, without quoting it', async () => {
    const store = redisSessionStore(redis.connect(), { secret: SECRET, prefix: uniquePrefix() });
    const error = await thrown(() => store.set(uniqueKey(), { token: '', info: {}, obtainedAt: 1 }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).field).toBe('session');
  });

  it('the store object prints no secret or derived key', () => {
    const store = redisSessionStore(redis.connect({ lazyConnect: true }), { secret: SECRET });
    expect(everythingPrintable(store)).not.toContain(SECRET);
    expect(JSON.stringify(store)).toBe('{}');
  });
});

describe('redisSessionStore: the idle lifetime is the fleet`s', () => {
  it('each read marks the session used: lastUsedAt by Redis TIME, and the idle expiry starts again', async () => {
    const client = redis.connect();
    const prefix = uniquePrefix();
    const [a, b] = redis.each(2, (c) =>
      redisSessionStore(c, { secret: SECRET, prefix, idleLifetimeMs: 60_000 }),
    );
    const key = uniqueKey();
    const name = redisKeys(key, prefix).session;
    await a.set(key, session());
    const setAt = Number(await client.hget(name, 'lastUsedAt'));
    const [seconds] = await client.time();
    expect(Math.abs(setAt - Number(seconds) * 1000)).toBeLessThan(5000);
    expect(await client.pttl(name)).toBeGreaterThan(50_000);

    // Time passes for the session (as if it sat unused): its idle expiry is nearly over.
    await client.pexpire(name, 1000);
    const seen = await a.get(key);
    expect(seen?.lastUsedAt).toBe(setAt);
    expect(await client.pttl(name)).toBeGreaterThan(50_000);
    const usedAt = Number(await client.hget(name, 'lastUsedAt'));
    expect(usedAt).toBeGreaterThanOrEqual(setAt);
    // Another process sees the fleet's last use, not its own.
    expect((await b.get(key))?.lastUsedAt).toBe(usedAt);
  });

  it('a session nobody uses for the idle lifetime is gone from Redis', async () => {
    const client = redis.connect();
    const prefix = uniquePrefix();
    const store = redisSessionStore(client, { secret: SECRET, prefix, idleLifetimeMs: 150 });
    const key = uniqueKey();
    const name = redisKeys(key, prefix).session;
    // Redis says when it expires a key (a keyspace event): the test waits for that, not for time to pass.
    const [, before] = (await client.config('GET', 'notify-keyspace-events')) as [string, string];
    await client.config('SET', 'notify-keyspace-events', `${before}Ex`);
    const listener = redis.connect();
    const expired = deferred();
    listener.on('message', (_channel: string, expiredKey: string) => {
      if (expiredKey === name) expired.resolve();
    });
    await listener.subscribe(`__keyevent@${client.options.db ?? 0}__:expired`);
    try {
      await store.set(key, session());
      const ttl = await client.pttl(name);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(150);
      await settles(expired.promise, 'Redis to expire the idle session');
    } finally {
      await client.config('SET', 'notify-keyspace-events', before);
      listener.disconnect();
    }
    expect(await client.exists(name)).toBe(0);
    expect(await store.get(key)).toBeUndefined();
  });
});
