/**
 * The query-signature provider at work, against its own loopback exchange (`sandbox.ts`): a public call with no
 * key, signed calls, an exchange clock 5 s ahead corrected with one time lookup, and a wrong secret refused.
 *
 * Run it: `npx tsx examples/query-signature/main.ts`. It prints each step and stops the exchange.
 */
import { existsSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { AuthenticationError, createClient } from 'exchange-auth';
import { queryExchange } from './provider.js';
import { startQueryExchangeSandbox } from './sandbox.js';

/** Runs the example once; calls `step` with each line as it happens and resolves to all of them. */
export async function main(step: (line: string) => void = () => {}): Promise<string[]> {
  const sandbox = await startQueryExchangeSandbox();
  const lines: string[] = [];
  const log = (line: string) => {
    lines.push(line);
    step(line);
  };
  const client = createClient(
    queryExchange({ ...sandbox.credentials, baseURL: sandbox.baseURL, permissions: ['read', 'trade'] }),
  );
  const impostor = createClient(
    queryExchange({ ...sandbox.credentials, apiSecret: 'wrongSecret0123456789', baseURL: sandbox.baseURL }),
  );
  try {
    await client.call('ping');
    const ping = sandbox.server.log.at(-1);
    log(`ping: public, sent ${ping?.headers['x-mbx-apikey'] ? 'with' : 'without'} a key`);

    const account = await client.call('account');
    const balances = (account.data as { balances: { asset: string; free: string }[] }).balances;
    log(`account: ${balances.map((balance) => `${balance.asset} ${balance.free}`).join(', ')}`);

    const order = { symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', quantity: '0.01', price: '100' };
    const first = await client.call('order.create', { query: order });
    log(`order ${(first.data as { orderId: number }).orderId} placed, signature in the query string`);

    // The exchange's clock runs 5 s ahead: it refuses the first timestamp (-1021), the strategy asks it the
    // time once, and the pipeline sends the order once more, signed with the corrected timestamp.
    sandbox.setSkew(5_000);
    const lookups = sandbox.timeLookups();
    const sent = sandbox.server.log.length;
    const second = await client.call('order.create', { query: order });
    const attempts = sandbox.server.log.slice(sent).filter((entry) => entry.path === '/api/v3/order').length;
    log(
      `exchange clock 5 s ahead: ${sandbox.timeLookups() - lookups} time lookup, ${attempts} attempts, ` +
        `order ${(second.data as { orderId: number }).orderId} placed`,
    );

    try {
      await impostor.call('account');
      throw new Error('the exchange accepted a wrong secret');
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error;
      log(`wrong secret: ${error.name}: ${error.message}`);
    }
    return lines;
  } finally {
    await impostor.close();
    await client.close();
    await sandbox.close();
  }
}

// Run directly.
const entry = process.argv[1];
if (entry && existsSync(entry) && import.meta.url === pathToFileURL(realpathSync(entry)).href) {
  await main((line) => console.log(line));
  console.log('done: exchange stopped');
}
