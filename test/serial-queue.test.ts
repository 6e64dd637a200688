import { describe, expect, it } from 'vitest';
import { activeSequences, runInSequence } from '../src/pipeline/serial-queue.js';

describe('per-key sequencing', () => {
  it('runs one key’s tasks one at a time in order, and forgets the key once idle', async () => {
    const events: string[] = [];
    let running = 0;
    let most = 0;
    const task = (name: string, ms: number) => async () => {
      running += 1;
      most = Math.max(most, running);
      events.push(`start ${name}`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      events.push(`end ${name}`);
      running -= 1;
      return name;
    };
    const results = await Promise.all([
      runInSequence('key-a', task('1', 20)),
      runInSequence('key-a', task('2', 1)),
      runInSequence('key-a', task('3', 5)),
    ]);
    expect(results).toEqual(['1', '2', '3']);
    expect(most).toBe(1);
    expect(events).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
    expect(activeSequences()).toBe(0);
  });

  it('a failing task does not block the next, and different keys run side by side', async () => {
    let concurrent = 0;
    let most = 0;
    const slow = async () => {
      concurrent += 1;
      most = Math.max(most, concurrent);
      await new Promise((resolve) => setTimeout(resolve, 10));
      concurrent -= 1;
    };
    const failed = runInSequence('key-b', async () => {
      throw new Error('boom');
    });
    const next = runInSequence('key-b', async () => 'next');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next');
    await Promise.all([runInSequence('key-c', slow), runInSequence('key-d', slow)]);
    expect(most).toBe(2);
    expect(activeSequences()).toBe(0);
  });
});
