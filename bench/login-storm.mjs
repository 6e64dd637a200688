import { alphapoint, createClient } from '../dist/index.js';
import { POSITIONS_BODY } from './answers.mjs';
import { startLoopback } from './loopback.mjs';
import { row } from './measure.mjs';

const BURST = 10_000;

/** 4. Login storm: 10,000 concurrent requests on a fresh AlphaPoint client, against the same burst warm. */
export async function loginStormRows() {
  const server = await startLoopback();
  const client = createClient(
    alphapoint({ apiKey: 'storm_key', apiSecret: 'storm_secret', userId: 7, baseURL: `${server.origin}/ap` }),
    { rateLimit: false, retry: false },
  );
  const failures = new Map();
  const burst = async () => {
    const started = performance.now();
    const settled = await Promise.allSettled(
      Array.from({ length: BURST }, () => client.call('GetAccountPositions', { body: POSITIONS_BODY })),
    );
    for (const result of settled) {
      if (result.status === 'fulfilled') continue;
      const error = result.reason;
      const kind = `${error?.networkCode ?? error?.code ?? 'error'}${error?.outcome ? ` (${error.outcome})` : ''}`;
      failures.set(kind, (failures.get(kind) ?? 0) + 1);
    }
    return performance.now() - started;
  };
  const cold = await burst();
  const logins = server.logins();
  const warm = await burst();
  await server.close();
  const failed = [...failures.values()].reduce((sum, count) => sum + count, 0);
  return [
    row(
      '4 login storm',
      `${(2 * BURST).toLocaleString('en')} requests in two bursts: failures`,
      failed === 0 ? '0' : [...failures].map(([kind, count]) => `${count} ${kind}`).join(', '),
      '',
      undefined,
      '= 0',
      failed === 0,
    ),
    row(
      '4 login storm',
      `${BURST.toLocaleString('en')} concurrent requests, fresh client: logins`,
      String(logins),
      '',
      undefined,
      '= 1',
      logins === 1,
    ),
    row(
      '4 login storm',
      'fresh client burst vs warm session burst (wall time)',
      `${cold.toFixed(0)} ms`,
      `${warm.toFixed(0)} ms`,
      cold / warm,
      'info',
      true,
    ),
  ];
}
