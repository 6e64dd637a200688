import { describe, expect, it } from 'vitest';
import type { Clock } from '../../src/index.js';
import { Deadlines } from '../../src/socket/deadlines.js';
import { TestClock } from '../support/clock.js';

/** The test clock, counting the timers asked of it. */
function countingClock() {
  const clock = new TestClock({ auto: false });
  let timers = 0;
  const counting: Clock = {
    now: () => clock.now(),
    sleep: (ms, signal) => clock.sleep(ms, signal),
    random: () => clock.random(),
    setTimer: (ms, callback) => {
      timers += 1;
      return clock.setTimer(ms, callback);
    },
  };
  return { clock, counting, timers: () => timers };
}

describe("Deadlines: the deadlines of a socket's calls on one timer", () => {
  it('1,000 calls one after another set 1 timer, not 1,000', () => {
    const { counting, timers } = countingClock();
    const deadlines = new Deadlines(counting);
    for (let k = 0; k < 1000; k += 1) deadlines.remove(deadlines.add(30_000, () => undefined));
    expect(timers()).toBe(1);
    expect(deadlines.size).toBe(0);
  });

  it('each deadline fires once, at its own time, shortest first whatever the order they came in', async () => {
    const { clock, counting } = countingClock();
    const deadlines = new Deadlines(counting);
    const fired: string[] = [];
    deadlines.add(5000, () => fired.push('5 s'));
    deadlines.add(1000, () => fired.push('1 s'));
    deadlines.add(3000, () => fired.push('3 s'));
    await clock.advance(999);
    expect(fired).toEqual([]);
    await clock.advance(1);
    expect(fired).toEqual(['1 s']);
    await clock.advance(1999);
    expect(fired).toEqual(['1 s']);
    await clock.advance(1);
    expect(fired).toEqual(['1 s', '3 s']);
    await clock.advance(10_000);
    expect(fired).toEqual(['1 s', '3 s', '5 s']);
    expect(clock.pendingTimers).toBe(0);
  });

  it('a removed deadline never fires, and the timer then serves the next one', async () => {
    const { clock, counting } = countingClock();
    const deadlines = new Deadlines(counting);
    const fired: string[] = [];
    const first = deadlines.add(1000, () => fired.push('first'));
    deadlines.add(2000, () => fired.push('second'));
    deadlines.remove(first);
    await clock.advance(1000);
    expect(fired).toEqual([]);
    await clock.advance(1000);
    expect(fired).toEqual(['second']);
  });

  it('drain() stops the timer at once when nothing is held, else when the last deadline goes', () => {
    const { clock, counting } = countingClock();
    const idle = new Deadlines(counting);
    idle.remove(idle.add(30_000, () => undefined));
    expect(clock.pendingTimers).toBe(1);
    idle.drain();
    expect(clock.pendingTimers).toBe(0);

    const busy = new Deadlines(counting);
    const held = busy.add(30_000, () => undefined);
    busy.drain();
    expect(clock.pendingTimers).toBe(1);
    busy.remove(held);
    expect(clock.pendingTimers).toBe(0);
  });
});
