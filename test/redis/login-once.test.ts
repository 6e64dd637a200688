import { describe, expect, it } from 'vitest';
import type { Session } from '../../src/index.js';
import { type RedisCoordinationError, redisKeys, redisSessionStore } from '../../src/redis/index.js';
import { DrivenClock, deferred, settles, uniqueKey, uniquePrefix, useRedis } from './support.js';

const redis = useRedis();
const SECRET = 'api-secret-7f3c9a1e5b2d4c6f8a0b';
const OBTAINED_AT = 1_700_000_000_000;

/**
 * A login that counts its calls. It answers once `answer` settles (at once by default), so a test can keep it
 * under way, as a real one is for a moment, until the other callers are provably waiting for it.
 */
function countingLogin(answer: Promise<unknown> = Promise.resolve()) {
  const calls: number[] = [];
  const called = deferred();
  return {
    calls,
    /** Resolves once the login is called. */
    called: called.promise,
    login: async (): Promise<Session> => {
      calls.push(calls.length + 1);
      called.resolve();
      const call = calls.length;
      await answer;
      return { token: `token-${call}-abcdef`, info: { UserId: 1 }, obtainedAt: OBTAINED_AT };
    },
  };
}

describe('loginOnce: one login for the fleet', () => {
  it('8 concurrent callers on 8 connections: exactly one login, and all get its token', async () => {
    const prefix = uniquePrefix();
    const key = uniqueKey();
    // The stores wait for each other on a clock the test drives: a sleep asked for is a caller refused the
    // login lock, now waiting for the fleet's session.
    const clock = new DrivenClock();
    const stores = redis.each(8, (client) => redisSessionStore(client, { secret: SECRET, prefix, clock }));
    const answer = deferred();
    const { calls, called, login } = countingLogin(answer.promise);
    const pending = stores.map((store) => store.loginOnce(key, login));
    // The login stays under way until the 7 other stores have been refused the lock and wait.
    await settles(
      Promise.all([called, clock.sleepsAsked(7)]),
      'one login under way and 7 stores waiting for it',
    );
    expect(calls).toHaveLength(1);
    answer.resolve();
    // The store that logged in has stored the session; the others find it when their wait is over.
    await settles(Promise.race(pending), 'the login');
    await clock.advance(50);
    const sessions = await settles(Promise.all(pending), 'every caller to get the session');
    expect(calls).toHaveLength(1);
    expect(new Set(sessions.map((s) => s.token))).toEqual(new Set(['token-1-abcdef']));
    expect((await stores[3].get(key))?.token).toBe('token-1-abcdef');
  });

  it('many callers in one process share one wait and one login', async () => {
    const store = redisSessionStore(redis.connect(), { secret: SECRET, prefix: uniquePrefix() });
    const key = uniqueKey();
    const answer = deferred();
    const { calls, login } = countingLogin(answer.promise);
    const pending = Array.from({ length: 20 }, () => store.loginOnce(key, login));
    answer.resolve();
    const sessions = await Promise.all(pending);
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
    const clock = new DrivenClock();
    const first = redisSessionStore(redis.connect(), { secret: SECRET, prefix });
    const second = redisSessionStore(redis.connect(), { secret: SECRET, prefix, clock });
    const started = deferred();
    const refuse = deferred();
    const failure = new Error('the exchange refused the login');
    const failing = first.loginOnce(key, async () => {
      started.resolve();
      await refuse.promise;
      throw failure;
    });
    await started.promise;
    const { calls, login } = countingLogin();
    const waiting = second.loginOnce(key, login);
    // The second process is refused the login lock and waits; only then does the first login fail.
    await settles(clock.sleepsAsked(1), 'the second process to wait for the first login');
    refuse.resolve();
    await expect(failing).rejects.toBe(failure);
    expect(calls).toHaveLength(0);
    await clock.advance(50);
    expect((await settles(waiting, 'the second process to log in')).token).toBe('token-1-abcdef');
    expect(calls).toHaveLength(1);
  });

  it('an abort while another process logs in settles at once; that login goes on for the others', async () => {
    const prefix = uniquePrefix();
    const key = uniqueKey();
    const clock = new DrivenClock();
    const [holder, later] = redis.each(2, (client) => redisSessionStore(client, { secret: SECRET, prefix }));
    const waiter = redisSessionStore(redis.connect(), { secret: SECRET, prefix, clock });
    const started = deferred();
    const finish = deferred();
    const logging = holder.loginOnce(key, async () => {
      started.resolve();
      await finish.promise;
      return { token: 'the-fleet-token-1', info: {}, obtainedAt: OBTAINED_AT };
    });
    await started.promise;
    const controller = new AbortController();
    const { calls, login } = countingLogin();
    const waiting = waiter.loginOnce(key, login, controller.signal);
    await settles(clock.sleepsAsked(1), 'the waiter to be refused the login lock and wait');
    const reason = new Error('the caller gave up');
    controller.abort(reason);
    // The login ends only when the test says so, and the waiter's clock never moves: it settles on its own.
    const outcome = await settles(
      Promise.race([
        waiting.then(
          () => 'resolved',
          (error: unknown) => (error === reason ? 'rejected with the reason' : 'rejected otherwise'),
        ),
        logging.then(() => 'the login ended first'),
      ]),
      'the aborted waiter to settle',
    );
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
    // The dying process's lease timers run on a clock the test drives; Redis frees the lock by its own time.
    const clock = new DrivenClock();
    void redisSessionStore(dying, { secret: SECRET, prefix, loginLeaseMs: 200, clock })
      .loginOnce(key, (signal) => {
        lost.resolve(signal);
        return new Promise<Session>(() => undefined);
      })
      .catch(() => undefined);
    const signal = await lost.promise;
    dying.disconnect();
    const { calls, login } = countingLogin();
    const survivor = redisSessionStore(other, { secret: SECRET, prefix, loginLeaseMs: 200, pollMs: 10 });
    expect((await survivor.loginOnce(key, login)).token).toBe('token-1-abcdef');
    expect(calls).toHaveLength(1);
    // The dead login is told its lock lapsed once its lease has run out by its clock, not a moment earlier.
    await clock.advance(199);
    expect(signal.aborted).toBe(false);
    await clock.advance(1);
    expect(signal.aborted).toBe(true);
    expect((signal.reason as RedisCoordinationError).reason).toBe('lease-lost');
    expect(await other.get(redisKeys(key, prefix).login)).toBeNull();
  });
});
