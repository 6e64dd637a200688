/**
 * A small Kiiex (AlphaPoint) bot: logs in, reads positions, places a limit order and cancels it, then logs
 * out.
 *
 * Run it: `npx tsx examples/bots/kiiex-bot.ts` starts the embedded sandbox, runs the bot against it with the
 * sandbox's trader key, prints each step and stops the sandbox. From your own code, `main(env)` uses
 * KIIEX_API_KEY, KIIEX_API_SECRET and KIIEX_USER_ID (and KIIEX_BASE_URL, default Kiiex's staging
 * environment); with no key it starts a sandbox of its own.
 */
import { existsSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createClient, kiiex } from 'exchange-auth';
import { startAlphaPointSandbox, startSandbox } from 'exchange-auth/testing';

/** Runs the bot once; calls `step` with each line as it happens and resolves to all of them. */
export async function main(
  env: NodeJS.ProcessEnv = process.env,
  step: (line: string) => void = () => {},
): Promise<string[]> {
  const sandbox = env.KIIEX_API_KEY ? undefined : await startAlphaPointSandbox();
  const lines: string[] = [];
  const log = (line: string) => {
    lines.push(line);
    step(line);
  };
  const client = createClient(
    sandbox
      ? kiiex({ ...sandbox.credentials.trader, baseURL: sandbox.baseURL })
      : kiiex({
          apiKey: env.KIIEX_API_KEY ?? '',
          apiSecret: env.KIIEX_API_SECRET ?? '',
          userId: env.KIIEX_USER_ID ?? '',
          environment: 'staging',
          ...(env.KIIEX_BASE_URL ? { baseURL: env.KIIEX_BASE_URL } : {}),
        }),
  );
  try {
    const identity = await client.authenticate();
    // Every private call names its Order Management System and account, as numbers.
    const OMSId = Number(identity.omsId);
    const AccountId = Number(identity.accountId);
    log(`logged in: account ${AccountId}`);

    const positions = await client.call('GetAccountPositions', { body: { OMSId, AccountId } });
    const btc = positions.data.find((position) => position.ProductSymbol === 'BTC');
    log(`${positions.data.length} positions, BTC ${btc?.Amount ?? 0}`);

    const order = await client.call('SendOrder', {
      body: { OMSId, AccountId, InstrumentId: 1, Side: 0, Quantity: 0.001, LimitPrice: 1000, OrderType: 2 },
    });
    // Executed, but the answer does not match the docs: never resend; reconcile with GetOpenOrders instead.
    if (order.drift) throw new Error(`order placed, answer drifted (${order.drift.issues[0]}): reconcile`);
    const id = order.data.OrderId;
    log(`order ${id} ${order.data.status.toLowerCase()}`);

    await client.call('CancelOrder', { body: { OMSId, AccountId, OrderId: id } });
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
  console.log(`sandbox: Kiiex at ${sandbox.kiiex.baseURL}`);
  try {
    const { apiKey, apiSecret, userId } = sandbox.kiiex.credentials.trader;
    await main(
      {
        KIIEX_API_KEY: apiKey,
        KIIEX_API_SECRET: apiSecret,
        KIIEX_USER_ID: userId,
        KIIEX_BASE_URL: sandbox.kiiex.baseURL,
      },
      (line) => console.log(line),
    );
  } finally {
    await sandbox.close();
  }
  console.log('done: sandbox stopped');
}
