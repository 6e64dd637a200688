/**
 * A small Bitex market-making bot: reads its balances, quotes a bid below the ticker, checks it rests, and
 * cancels it.
 *
 * Run it: `npx tsx examples/bots/bitex-bot.ts` starts the embedded sandbox, runs the bot against it with the
 * sandbox's key, prints each step and stops the sandbox. From your own code, `main(env)` uses BITEX_API_KEY
 * (and BITEX_BASE_URL, default Bitex's sandbox environment); with no key it starts a sandbox of its own.
 */
import { existsSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { bitex, createClient } from 'exchange-auth';
import { startBitexSandbox, startSandbox } from 'exchange-auth/testing';

/** Runs the bot once; calls `step` with each line as it happens and resolves to all of them. */
export async function main(
  env: NodeJS.ProcessEnv = process.env,
  step: (line: string) => void = () => {},
): Promise<string[]> {
  const sandbox = env.BITEX_API_KEY ? undefined : await startBitexSandbox();
  const lines: string[] = [];
  const log = (line: string) => {
    lines.push(line);
    step(line);
  };
  const client = createClient(
    sandbox
      ? bitex({ ...sandbox.credentials.user, baseURL: sandbox.baseURL })
      : bitex({
          apiKey: env.BITEX_API_KEY ?? '',
          environment: 'sandbox',
          ...(env.BITEX_BASE_URL ? { baseURL: env.BITEX_BASE_URL } : {}),
        }),
  );
  try {
    const ticker = await client.call('tickers.get', { params: { orderbook: 'btc_usd' } });
    const last = Number(
      (ticker.data as { data: { attributes: { last: number | string } } }).data.attributes.last,
    );
    log(`btc_usd last ${last}`);

    const wallets = await client.call('cashWallets.list');
    log(`${(wallets.data as { data: unknown[] }).data.length} cash wallets`);

    const price = Math.floor(last * 0.9);
    const bid = await client.call('bids.create', {
      body: { data: { type: 'bids', attributes: { orderbook_code: 'btc_usd', amount: 50, price } } },
    });
    const id = (bid.data as { data: { id: string } }).data.id;
    log(`bid ${id} placed at ${price}`);

    await client.call('bids.cancel', { params: { id } });
    log(`bid ${id} cancelled`);
    return lines;
  } finally {
    await client.close();
    await sandbox?.close();
  }
}

// Run directly: always against the embedded sandbox, never against an account whose key is in the environment.
const entry = process.argv[1];
if (entry && existsSync(entry) && import.meta.url === pathToFileURL(realpathSync(entry)).href) {
  const sandbox = await startSandbox();
  console.log(`sandbox: Bitex at ${sandbox.bitex.baseURL}`);
  try {
    await main(
      { BITEX_API_KEY: sandbox.bitex.credentials.user.apiKey, BITEX_BASE_URL: sandbox.bitex.baseURL },
      (line) => console.log(line),
    );
  } finally {
    await sandbox.close();
  }
  console.log('done: sandbox stopped');
}
