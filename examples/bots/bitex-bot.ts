/**
 * A small Bitex market-making bot: reads its balances, quotes a bid below the ticker, checks it rests, and
 * cancels it. With no BITEX_API_KEY in the environment it runs against the embedded sandbox.
 *
 * Run: `npx vitest run test/examples.test.ts`, or import `main` from your own script.
 */
import { bitex, createClient } from 'exchange-auth';
import { startBitexSandbox } from 'exchange-auth/testing';

/** Runs the bot once; resolves to the lines it would log. */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  const sandbox = env.BITEX_API_KEY ? undefined : await startBitexSandbox();
  const lines: string[] = [];
  const client = createClient(
    sandbox
      ? bitex({ ...sandbox.credentials.user, baseURL: sandbox.baseURL })
      : bitex({ apiKey: env.BITEX_API_KEY ?? '', environment: 'sandbox' }),
  );
  try {
    const ticker = await client.call('tickers.get', { params: { orderbook: 'btc_usd' } });
    const last = Number(
      (ticker.data as { data: { attributes: { last: number | string } } }).data.attributes.last,
    );
    lines.push(`btc_usd last ${last}`);

    const wallets = await client.call('cashWallets.list');
    lines.push(`${(wallets.data as { data: unknown[] }).data.length} cash wallets`);

    const price = Math.floor(last * 0.9);
    const bid = await client.call('bids.create', {
      body: { data: { type: 'bids', attributes: { orderbook_code: 'btc_usd', amount: 50, price } } },
    });
    const id = (bid.data as { data: { id: string } }).data.id;
    lines.push(`bid ${id} placed at ${price}`);

    await client.call('bids.cancel', { params: { id } });
    lines.push(`bid ${id} cancelled`);
    return lines;
  } finally {
    await client.close();
    await sandbox?.close();
  }
}
