import { describe, expect, it } from 'vitest';
import { type RefusalReason, sandboxMatchers } from '../../src/testing/index.js';
import { bench, ORDER } from '../bitexbit/support.js';

interface SandboxAssertions {
  toHaveExecuted(endpoint: string, times?: number): void;
  toHaveRefused(reason?: RefusalReason, times?: number): void;
}
declare module 'vitest' {
  // biome-ignore lint/suspicious/noExplicitAny: vitest declares Matchers<T = any>; a merge must repeat it
  interface Matchers<T = any> extends SandboxAssertions {}
}

expect.extend(sandboxMatchers());

describe('sandboxMatchers() in expect.extend', () => {
  it('counts executions by endpoint and refusals by reason from stats()', async () => {
    const { sandbox, client } = await bench();
    const bot = client(sandbox.credentials.trade);
    await bot.call('orders.create', { body: ORDER });
    await bot.call('orders.create', { body: ORDER });
    expect(sandbox).toHaveExecuted('orders.create', 2);
    expect(sandbox).toHaveExecuted('orders.create');
    expect(sandbox).not.toHaveExecuted('orders.cancel');
    expect(sandbox).not.toHaveRefused();
    expect(() => expect(sandbox).toHaveExecuted('orders.create', 3)).toThrow(
      'expected orders.create to have executed 3 time(s); it executed 2 time(s)',
    );

    sandbox.setAllowedIps(sandbox.credentials.trade.accessKey, ['10.0.0.1']);
    await expect(bot.call('orders.create', { body: ORDER })).rejects.toThrow();
    expect(sandbox).toHaveRefused('ip-not-allowed', 1);
    expect(sandbox).toHaveRefused();
    expect(sandbox).not.toHaveRefused('bad-signature');
  });
});
