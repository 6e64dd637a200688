import { describe, expect, it } from 'vitest';
import { PermissionDeniedError } from '../../src/index.js';
import { everythingPrintable, thrown } from '../support/leaks.js';
import { bench, ORDER, ROUTES, WITHDRAWAL } from './support.js';

// biome-ignore lint/suspicious/noExplicitAny: the point is a call the types would refuse, made from JavaScript.
type Untyped = any;

async function untypedBench() {
  const setup = await bench();
  const untyped = (access: 'read' | 'trade' | 'withdraw'): Untyped =>
    setup.client(setup.sandbox.credentials[access], {}, { rateLimit: false });
  return { ...setup, untyped };
}

describe('each access type grants its permissions at run time', () => {
  it('read → read; trade → read, trade; withdraw → read, trade, withdraw', async () => {
    const { untyped } = await untypedBench();
    expect(untyped('read').permissions).toEqual(['read']);
    expect(untyped('trade').permissions).toEqual(['read', 'trade']);
    expect(untyped('withdraw').permissions).toEqual(['read', 'trade', 'withdraw']);
  });

  const refusals: Array<[access: 'read' | 'trade', call: string, options: unknown, required: string]> = [
    ['read', 'orders.create', { body: ORDER }, 'trade'],
    ['read', 'orders.cancel', { params: { id: 1 } }, 'trade'],
    ['read', 'withdrawals.create', { body: WITHDRAWAL }, 'withdraw'],
    ['trade', 'withdrawals.create', { body: WITHDRAWAL }, 'withdraw'],
  ];
  for (const [access, name, options, required] of refusals) {
    it(`a ${access} client calling ${name} through a cast is refused locally, before any I/O`, async () => {
      const { sandbox, untyped } = await untypedBench();
      const error = await thrown(() => untyped(access).call(name, options));
      expect(error).toBeInstanceOf(PermissionDeniedError);
      expect((error as PermissionDeniedError).source).toBe('local');
      expect((error as PermissionDeniedError).required).toBe(required);
      expect((error as PermissionDeniedError).message).toContain('Nothing was sent');
      expect(everythingPrintable(error)).not.toContain(sandbox.credentials[access].privateKey);
      expect(sandbox.log).toEqual([]);
      expect(sandbox.stats().executions).toEqual({});
    });
  }

  it('the same refusal through client.request on the catalog path, with nothing sent', async () => {
    const { sandbox, untyped } = await untypedBench();
    const error = await thrown(() =>
      untyped('read').request({ method: 'POST', path: '/api/v2/private/order/create', body: ORDER }),
    );
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect((error as PermissionDeniedError).source).toBe('local');
    expect((error as PermissionDeniedError).required).toBe('trade');
    expect(sandbox.log).toEqual([]);
  });

  it('what each access type may call goes through', async () => {
    const { sandbox, untyped } = await untypedBench();
    await untyped('read').call('balance.get');
    await untyped('trade').call('orders.create', { body: ORDER });
    await untyped('withdraw').call('withdrawals.create', {
      body: { ticker: 'USDT', network: 'tron', address: 'TXYZ', amount: 1 },
    });
    expect(sandbox.log.map((request) => request.path)).toEqual([
      '/api/v2/private/balance',
      '/api/v2/private/order/create',
      '/api/gateway/withdraw/create',
    ]);
    expect(sandbox.executions(ROUTES.create)).toBe(1);
    expect(sandbox.executions(ROUTES.withdraw)).toBe(1);
  });
});
