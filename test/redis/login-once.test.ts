import { describe, expect, it } from 'vitest';
import type { Session } from '../../src/index.js';
import { redisKeys, redisSessionStore } from '../../src/redis/index.js';
import { deferred, uniqueKey, uniquePrefix, until, useRedis } from './support.js';

const redis = useRedis();
const SECRET = 'api-secret-7f3c9a1e5b2d4c6f8a0b';
const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A login that counts its calls and takes a moment, as a real one does. */
function countingLogin(ms = 100) {
  const calls: number[] = [];
  return {
    calls,
    login: async (): Promise<Session> => {
      calls.push(Date.now());
      await tick(ms);
      return { token: `token-${calls.length}-abcdef`, info: { UserId: 1 }, obtainedAt: Date.now() };
    },
  };
}

describe('loginOnce: one login for the fleet', () => {
  it('8 concurrent callers on 8 connections: exactly one login, and all get its token', async () => {
    const prefix = uniquePrefix();
    const key = uniqueKey();
    const stores = redis.each(8, (client) => redisSessionStore(client, { secret: SECRET, prefix }));
    const { calls, login } = countingLogin();
    const sessions = await Promise.all(stores.map((store) => store.loginOnce(key, login)));
    expect(calls).toHaveLength(1);
    expect(new Set(sessions.map((s) => s.token))).toEqual(new Set(['token-1-abcdef']));
    expect((await stores[3].get(key))?.token).toBe('token-1-abcdef');
  });

  it('many callers in one process share one wait and one login', async () => {
    const store = redisSessionStore(redis.connect(), { secret: SECRET, prefix: uniquePrefix() });
    const key = uniqueKey();
    const { calls, login } = countingLogin();
    const sessions = await Promise.all(Array.from({ length: 20 }, () => store.loginOnce(key, login)));
    expect(calls).toHaveLength(1);
    expect(new Set(sessions.map((s) => s.token)).size).toBe(1);
  });

  it('a stored session is returned without logging in', async () => {
    const store = redisSessionStore(redis.connect(), { secret: SECRET, prefix: uniquePrefix() });
    const key = uniqueKey();
    await store.set(key, { token: 'stored-token-xyz', info: {}, obtainedAt: 1 });
    const { calls, login } = countingLogin();
    expect((await store.loginOnce(key, login)).token).toBe('stored-token-xyz');
    expect(calls).toHaveLength(0);
  });

  it('a failed login reaches its callers; a process that was waiting then logs in itself', async () => {
    const prefix = uniquePrefix();
    const key = uniqueKey();
    const [first, second] = redis.each(2, (client) => redisSessionStore(client, { secret: SECRET, prefix }));
    const started = deferred();
    const failure = new Error('the exchange refused the login');
    const failing = first.loginOnce(key, async () => {
      started.resolve();
      await tick(100);
      throw failure;
    });
    await started.promise;
    const { calls, login } = countingLogin(10);
    const waiting = second.loginOnce(key, login);
    await expect(failing).rejects.toBe(failure);
    expect((await waiting).token).toBe('token-1-abcdef');
    expect(calls).toHaveLength(1);
  });

  it('an abort while another process logs in settles at once; that login goes on for the others', async () => {
    const prefix = uniquePrefix();
    const key = uniqueKey();
    const [holder, waiter, later] = redis.each(3, (client) =>
      redisSessionStore(client, { secret: SECRET, prefix }),
    );
    const started = deferred();
    const finish = deferred();
    const logging = holder.loginOnce(key, async () => {
      started.resolve();
      await finish.promise;
      return { token: 'the-fleet-token-1', info: {}, obtainedAt: Date.now() };
    });
    await started.promise;
    const controller = new AbortController();
    const { calls, login } = countingLogin();
    const waiting = waiter.loginOnce(key, login, controller.signal);
    await tick(50);
    const reason = new Error('the caller gave up');
    controller.abort(reason);
    const outcome = await Promise.race([
      waiting.then(
        () => 'resolved',
        (error: unknown) => (error === reason ? 'rejected with the reason' : 'rejected otherwise'),
      ),
      logging.then(() => 'the login ended first'),
    ]);
    expect(outcome).toBe('rejected with the reason');
    finish.resolve();
    expect((await logging).token).toBe('the-fleet-token-1');
    expect((await later.loginOnce(key, login)).token).toBe('the-fleet-token-1');
    expect(calls).toHaveLength(0);
  });

  it('a process that dies while logging in frees the login lock within its lease: another logs in', async () => {
    const prefix = uniquePrefix();
    const key = uniqueKey();
    const [dying, other] = redis.connections(2);
    const lost = deferred<AbortSignal>();
    void redisSessionStore(dying, { secret: SECRET, prefix, loginLeaseMs: 200 })
      .loginOnce(key, (signal) => {
        lost.resolve(signal);
        return new Promise<Session>(() => undefined);
      })
      .catch(() => undefined);
    const signal = await lost.promise;
    dying.disconnect();
    const { calls, login } = countingLogin(10);
    const survivor = redisSessionStore(other, { secret: SECRET, prefix, loginLeaseMs: 200, pollMs: 10 });
    expect((await survivor.loginOnce(key, login)).token).toBe('token-1-abcdef');
    expect(calls).toHaveLength(1);
    await until(() => signal.aborted, 5000, 'the lost signal of the dead login');
    expect(await other.get(redisKeys(key, prefix).login)).toBeNull();
  });
});
