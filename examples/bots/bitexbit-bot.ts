/**
 * A small bitexbit bot: reads balances, places a limit buy far below the market, lists open orders, cancels
 * it.
 *
 * Run it: `npx tsx examples/bots/bitexbit-bot.ts` starts the embedded sandbox, runs the bot against it with the
 * sandbox's trade key, prints each step and stops the sandbox. From your own code, `main(env)` uses
 * BITEXBIT_ACCESS_KEY and BITEXBIT_PRIVATE_KEY (and BITEXBIT_BASE_URL, default https://bitexbit.com); with no
 * key it starts a sandbox of its own.
 */
import { existsSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { bitexbit, createClient } from 'exchange-auth';
import { startBitexbitSandbox, startSandbox } from 'exchange-auth/testing';

/** Runs the bot once; calls `step` with each line as it happens and resolves to all of them. */
export async function main(
  env: NodeJS.ProcessEnv = process.env,
  step: (line: string) => void = () => {},
): Promise<string[]> {
  const sandbox = env.BITEXBIT_ACCESS_KEY ? undefined : await startBitexbitSandbox();
  const lines: string[] = [];
  const log = (line: string) => {
    lines.push(line);
    step(line);
  };
  const client = createClient(
    sandbox
      ? bitexbit({ ...sandbox.credentials.trade, baseURL: sandbox.baseURL })
      : bitexbit({
          accessKey: env.BITEXBIT_ACCESS_KEY ?? '',
          privateKey: env.BITEXBIT_PRIVATE_KEY ?? '',
          access: 'trade',
          ...(env.BITEXBIT_BASE_URL ? { baseURL: env.BITEXBIT_BASE_URL } : {}),
        }),
  );
  try {
    const balances = await client.call('balance.get');
    log(`${balances.data.length} balances`);

    const order = await client.call('orders.create', {
      body: { symbol: 'BTC_USD', type: 'buy-limit', price: '1000', amount: '0.001' },
    });
    // Executed, but the answer does not match the docs: never resend; reconcile with orders.list instead.
    if (order.drift) throw new Error(`order placed, answer drifted (${order.drift.issues[0]}): reconcile`);
    const id = String(order.data.order.id);
    log(`order ${id} placed`);

    const open = await client.call('orders.list');
    log(`${open.data.length} open orders`);

    await client.call('orders.cancel', { params: { id } });
    log(`order ${id} cancelled`);
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
  console.log(`sandbox: bitexbit at ${sandbox.bitexbit.baseURL}`);
  try {
    const { accessKey, privateKey } = sandbox.bitexbit.credentials.trade;
    await main(
      {
        BITEXBIT_ACCESS_KEY: accessKey,
        BITEXBIT_PRIVATE_KEY: privateKey,
        BITEXBIT_BASE_URL: sandbox.bitexbit.baseURL,
      },
      (line) => console.log(line),
    );
  } finally {
    await sandbox.close();
  }
  console.log('done: sandbox stopped');
}
