import { describe, expect, it } from 'vitest';
import { WatchedClock } from '../sandbox/watched-clock.js';
import { bench, ROUTES } from './support.js';

describe('the default client rate limit: 2 private calls per second', () => {
  it('sends 2 of 4 concurrent calls at once and the other 2 once the clock has moved 1 s', async () => {
    const clock = new WatchedClock({ auto: false });
    const { sandbox, client } = await bench({}, clock);
    const start = clock.now();
    // No rateLimit option: the provider's documented 2 per second applies.
    const reader = client(sandbox.credentials.read, {}, { retry: false });
    const all = Promise.all(Array.from({ length: 4 }, () => reader.call('balance.get')));

    // The third call asks the clock to wait; until the clock moves, nothing more reaches the exchange.
    await Promise.race([clock.sleepsAsked(1), all]);
    expect(sandbox.log).toHaveLength(2);
    expect(clock.sleeps).toEqual([1000]);
    await clock.advance(999);
    expect(sandbox.log).toHaveLength(2);

    await clock.advance(1);
    const answers = await all;
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    expect(sandbox.executions(ROUTES.balance)).toBe(4);
    // The exchange reads the same clock: two arrived at the start, two a second later.
    expect(sandbox.log.map((request) => request.at - start)).toEqual([0, 0, 1000, 1000]);
  });

  it('a call after a quiet second goes at once, without waiting', async () => {
    const clock = new WatchedClock({ auto: false });
    const { sandbox, client } = await bench({}, clock);
    const reader = client(sandbox.credentials.read, {}, { retry: false });
    await reader.call('balance.get');
    await reader.call('balance.get');
    await clock.advance(1000);
    await reader.call('balance.get');
    expect(clock.sleeps).toEqual([]);
    expect(sandbox.log).toHaveLength(3);
  });
});
