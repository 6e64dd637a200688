import { bitex, createClient, PermissionDeniedError } from '../../index.js';
import type { BitexSandbox } from '../../testing/bitex/index.js';
import { check, type StepRunner } from '../report.js';

const WITHDRAWAL = {
  data: {
    type: 'coin_withdrawals' as const,
    attributes: {
      coin_code: 'btc' as const,
      amount: 0.05,
      label: 'demo',
      to_addresses: 'mszEUK9E6E7n4SNcrjYH8Fr7ZTGP9n3dRb',
    },
  },
};

/** Bitex flows: a user, a read-only key, a master creating a user and acting for it. */
export async function bitexFlows(sandbox: BitexSandbox, run: StepRunner): Promise<void> {
  const settings = { rateLimit: false } as const;
  const user = createClient(bitex({ ...sandbox.credentials.user, baseURL: sandbox.baseURL }), settings);
  const master = createClient(bitex({ ...sandbox.credentials.master, baseURL: sandbox.baseURL }), settings);
  const reader = createClient(bitex({ ...sandbox.credentials.readOnly, baseURL: sandbox.baseURL }), settings);

  await run.step('bitex', 'public ticker, no key sent', async () => {
    const { data } = await user.call('tickers.get', { params: { orderbook: 'btc_usd' } });
    check(sandbox.log.at(-1)?.headers.authorization === undefined, 'the public call carried a key');
    return `last price ${data.data.attributes.last}`;
  });

  await run.step('bitex', 'user reads its profile', async () => {
    const { data } = await user.call('users.me');
    return `user ${data.data.id}, Authorization: <key>, Version: 2.1`;
  });

  await run.step('bitex', 'user places and cancels a bid', async () => {
    const placed = await user.call('bids.create', {
      body: { data: { type: 'bids', attributes: { orderbook_code: 'btc_usd', amount: 10, price: 1 } } },
    });
    if (placed.drift) return `bid placed (${placed.status}); answer drifted from the docs: reconcile`;
    const id = placed.data.data.id;
    const cancelled = await user.call('bids.cancel', { params: { id } });
    return `bid ${id} placed (${placed.status}) and cancelled (${cancelled.status})`;
  });

  await run.step('bitex', 'user withdraws with a one-time password, exactly once', async () => {
    const route = 'POST /api/coin_withdrawals';
    const before = sandbox.stats().executions[route] ?? 0;
    const response = await user.call('coinWithdrawals.create', { body: WITHDRAWAL });
    const executed = (sandbox.stats().executions[route] ?? 0) - before;
    check(executed === 1, `the exchange executed it ${executed} times`);
    return `${response.status}, One-Time-Password sent, executed once`;
  });

  await run.step('bitex', 'read-only key is refused a withdrawal before any I/O', async () => {
    const sent = sandbox.log.length;
    try {
      await (reader as unknown as typeof user).call('coinWithdrawals.create', { body: WITHDRAWAL });
    } catch (error) {
      check(error instanceof PermissionDeniedError && error.source === 'local', 'expected a local refusal');
      check(sandbox.log.length === sent, 'a request reached the exchange');
      return `PermissionDeniedError: needs '${error.required}', granted ${error.granted.join(', ')}`;
    }
    throw new Error('the withdrawal was not refused');
  });

  await run.step('bitex', 'master creates a user and acts for it', async () => {
    const created = await master.call('users.create', {
      body: {
        data: {
          type: 'users',
          attributes: { email: `demo-${Date.now()}@example.com`, password: 'demo-password-1' },
        },
      },
    });
    if (created.drift) throw new Error('users.create answered in an undocumented shape; reconcile');
    const id = Number(created.data.data.id);
    const wallets = await master.onBehalfOf(id).call('coinWallets.list');
    check(sandbox.log.at(-1)?.headers.authorization?.endsWith(`; user=${id}`), 'delegation header missing');
    const count = wallets.data.data.length;
    return `user ${id} created; ${count} wallets read with "<key>; user=${id}"`;
  });

  await run.step('bitex', 'master cannot act for a user it does not manage', async () => {
    try {
      await master.onBehalfOf(sandbox.users.user).call('coinWallets.list');
    } catch (error) {
      check(
        error instanceof PermissionDeniedError && error.source === 'exchange',
        'expected the exchange to refuse',
      );
      return `refused by the exchange (401 "Not enough permissions")`;
    }
    throw new Error('the exchange let the master act for a stranger');
  });
}
