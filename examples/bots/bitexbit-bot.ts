/**
 * A small bitexbit bot: reads balances, places a limit buy far below the market, lists open orders, cancels
 * it. With no BITEXBIT_ACCESS_KEY in the environment it runs against the embedded sandbox.
 */
import { bitexbit, createClient } from 'exchange-auth';
import { startBitexbitSandbox } from 'exchange-auth/testing';

/** Runs the bot once; resolves to the lines it would log. */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  const sandbox = env.BITEXBIT_ACCESS_KEY ? undefined : await startBitexbitSandbox();
  const lines: string[] = [];
  const client = createClient(
    sandbox
      ? bitexbit({ ...sandbox.credentials.trade, baseURL: sandbox.baseURL })
      : bitexbit({
          accessKey: env.BITEXBIT_ACCESS_KEY ?? '',
          privateKey: env.BITEXBIT_PRIVATE_KEY ?? '',
          access: 'trade',
        }),
  );
  try {
    const balances = await client.call('balance.get');
    lines.push(`${balances.data.length} balances`);

    const order = await client.call('orders.create', {
      body: { symbol: 'BTC_USD', type: 'buy-limit', price: '1000', amount: '0.001' },
    });
    const id = String((order.data as { id: string | number }).id);
    lines.push(`order ${id} placed`);

    const open = await client.call('orders.list');
    lines.push(`${(open.data as unknown[]).length} open orders`);

    await client.call('orders.cancel', { params: { id } });
    lines.push(`order ${id} cancelled`);
    return lines;
  } finally {
    await client.close();
    await sandbox?.close();
  }
}
