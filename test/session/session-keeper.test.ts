import { describe, expect, it } from 'vitest';
import type { AuthContext } from '../../src/core/strategy.js';
import { createMemorySessionStore, type Session } from '../../src/index.js';
import { SessionKeeper } from '../../src/strategies/session-keeper.js';
import { authContext, TestClock } from '../support/clock.js';
import { thrown } from '../support/leaks.js';

/** One turn of the event loop: every promise that can settle without I/O or time has settled. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A keeper whose login the test controls: it counts calls, issues `t1`, `t2` ... and, when `held`, waits until
 * the test calls `release()` (or `fail()`). Lifetime 1,200 ms, margin 100 ms: renewal at 1,100 ms idle.
 */
function keeperWithFakeLogin(options: { held?: boolean; failures?: number } = {}) {
  const contexts: AuthContext[] = [];
  let failuresLeft = options.failures ?? 0;
  let gate: { resolve: () => void; reject: (error: Error) => void } | undefined;
  const store = createMemorySessionStore();
  const keeper = new SessionKeeper({
    key: 'fingerprint-1',
    idleLifetimeMs: 1_200,
    marginMs: 100,
    store,
    login: async (context) => {
      contexts.push(context);
      const number = contexts.length;
      if (options.held) {
        await new Promise<void>((resolve, reject) => {
          gate = { resolve, reject };
        });
      }
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        throw new Error(`login ${number} refused`);
      }
      return { token: `t${number}`, info: {}, obtainedAt: context.clock.now() } satisfies Session;
    },
  });
  return {
    keeper,
    store,
    contexts,
    get logins() {
      return contexts.length;
    },
    release: () => gate?.resolve(),
    fail: (error: Error) => gate?.reject(error),
  };
}

describe('SessionKeeper: one login for every concurrent caller', () => {
  it('50 concurrent callers without a session: exactly one login, all get its session', async () => {
    const fake = keeperWithFakeLogin();
    const context = authContext();
    const sessions = await Promise.all(Array.from({ length: 50 }, () => fake.keeper.current(context)));
    expect(fake.logins).toBe(1);
    expect(new Set(sessions.map((session) => session.token))).toEqual(new Set(['t1']));
    expect(fake.store.get('fingerprint-1')).toMatchObject({ token: 't1' });
  });

  it('a caller arriving while the login is under way joins it', async () => {
    const fake = keeperWithFakeLogin({ held: true });
    const context = authContext();
    const first = fake.keeper.current(context);
    await turn();
    const second = fake.keeper.current(context);
    await turn();
    expect(fake.logins).toBe(1);
    fake.release();
    expect((await first).token).toBe('t1');
    expect((await second).token).toBe('t1');
    expect(fake.logins).toBe(1);
  });
});

describe('SessionKeeper: a failed login is not kept', () => {
  it('every waiter gets the error; the next caller logs in again', async () => {
    const fake = keeperWithFakeLogin({ failures: 1 });
    const context = authContext();
    const errors = await Promise.all(
      Array.from({ length: 5 }, () => thrown(() => fake.keeper.current(context))),
    );
    expect(errors.map((error) => (error as Error).message)).toEqual(Array(5).fill('login 1 refused'));
    expect(fake.logins).toBe(1);
    expect(fake.store.get('fingerprint-1')).toBeUndefined();

    expect((await fake.keeper.current(context)).token).toBe('t2');
    expect(fake.logins).toBe(2);
  });

  it('settled() resolves after a failed login without throwing', async () => {
    const fake = keeperWithFakeLogin({ held: true, failures: 1 });
    const waiting = thrown(() => fake.keeper.current(authContext()));
    await turn();
    const settled = fake.keeper.settled();
    fake.fail(new Error('refused'));
    await expect(settled).resolves.toBeUndefined();
    expect(await waiting).toMatchObject({ message: 'refused' });
  });
});

describe('SessionKeeper: expire is compare-and-delete', () => {
  it('expiring the current token drops it: the next caller logs in', async () => {
    const fake = keeperWithFakeLogin();
    const context = authContext();
    expect((await fake.keeper.current(context)).token).toBe('t1');
    await fake.keeper.expire('t1');
    expect(fake.store.get('fingerprint-1')).toBeUndefined();
    expect((await fake.keeper.current(context)).token).toBe('t2');
    expect(fake.logins).toBe(2);
  });

  it('expiring an OLD token leaves the newer session: no extra login', async () => {
    const fake = keeperWithFakeLogin();
    const context = authContext();
    const t1 = (await fake.keeper.current(context)).token;
    await fake.keeper.expire(t1);
    expect((await fake.keeper.current(context)).token).toBe('t2');
    // A request that was sent with t1 is refused late and expires t1 again.
    await fake.keeper.expire(t1);
    expect(fake.store.get('fingerprint-1')).toMatchObject({ token: 't2' });
    expect((await fake.keeper.current(context)).token).toBe('t2');
    expect(fake.logins).toBe(2);
  });

  it('an unknown token expires nothing', async () => {
    const fake = keeperWithFakeLogin();
    const context = authContext();
    await fake.keeper.current(context);
    await fake.keeper.expire('never-issued');
    expect((await fake.keeper.current(context)).token).toBe('t1');
    expect(fake.logins).toBe(1);
  });
});

describe('SessionKeeper: renewal before the idle lifetime (lifetime 1,200 ms, margin 100 ms)', () => {
  it('idle 1,099 ms reuses the session; idle 1,100 ms logs in again', async () => {
    const clock = new TestClock({ auto: false });
    const fake = keeperWithFakeLogin();
    const context = authContext({ clock });
    expect((await fake.keeper.current(context)).token).toBe('t1');
    await clock.advance(1_099);
    expect((await fake.keeper.current(context)).token).toBe('t1');
    expect(fake.logins).toBe(1);
    // Idle counts from the last use, not from the login.
    await clock.advance(1_099);
    expect((await fake.keeper.current(context)).token).toBe('t1');
    await clock.advance(1_100);
    expect((await fake.keeper.current(context)).token).toBe('t2');
    expect(fake.logins).toBe(2);
  });

  it('a session untouched past the whole lifetime is replaced by one stamped with the clock’s time', async () => {
    const clock = new TestClock({ auto: false });
    const fake = keeperWithFakeLogin();
    const context = authContext({ clock });
    await fake.keeper.current(context);
    await clock.advance(5_000);
    expect((await fake.keeper.current(context)).token).toBe('t2');
    expect(fake.store.get('fingerprint-1')).toMatchObject({ token: 't2', obtainedAt: clock.now() });
  });
});

describe('SessionKeeper: a caller that aborts stops waiting at once; the login goes on', () => {
  it('the aborted caller rejects before the login ends; the others get the session; the login never saw the abort', async () => {
    const fake = keeperWithFakeLogin({ held: true });
    const controller = new AbortController();
    const aborted = thrown(() => fake.keeper.current(authContext({ signal: controller.signal })));
    let settled = false;
    aborted.then(
      () => {
        settled = true;
      },
      () => {
        settled = true;
      },
    );
    const other = fake.keeper.current(authContext());
    await turn();
    expect(fake.logins).toBe(1);

    controller.abort(new Error('caller gave up'));
    await turn();
    expect(settled).toBe(true);
    expect(await aborted).toMatchObject({ message: 'caller gave up' });

    fake.release();
    expect((await other).token).toBe('t1');
    expect(fake.logins).toBe(1);
    // The login runs for every caller: the aborted caller's signal never reaches it.
    expect(fake.contexts[0]?.signal).not.toBe(controller.signal);
    expect(fake.contexts[0]?.signal?.aborted ?? false).toBe(false);
  });

  it('when the only caller aborts, the login still completes and the next caller reuses it', async () => {
    const fake = keeperWithFakeLogin({ held: true });
    const controller = new AbortController();
    const aborted = thrown(() => fake.keeper.current(authContext({ signal: controller.signal })));
    await turn();
    controller.abort();
    await aborted;
    fake.release();
    await fake.keeper.settled();
    expect((await fake.keeper.current(authContext())).token).toBe('t1');
    expect(fake.logins).toBe(1);
  });

  it('a signal already aborted starts no login', async () => {
    const fake = keeperWithFakeLogin();
    const controller = new AbortController();
    controller.abort();
    await thrown(() => fake.keeper.current(authContext({ signal: controller.signal })));
    expect(fake.logins).toBe(0);
  });
});
