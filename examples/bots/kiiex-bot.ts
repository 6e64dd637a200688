/**
 * A small Kiiex (AlphaPoint) bot: logs in, reads positions, places a limit order and cancels it, then logs
 * out. With no KIIEX_API_KEY in the environment it runs against the embedded sandbox.
 */
import { createClient, kiiex } from 'exchange-auth';
import { startAlphaPointSandbox } from 'exchange-auth/testing';

/** Runs the bot once; resolves to the lines it would log. */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  const sandbox = env.KIIEX_API_KEY ? undefined : await startAlphaPointSandbox();
  const lines: string[] = [];
  const client = createClient(
    sandbox
      ? kiiex({ ...sandbox.credentials.trader, baseURL: sandbox.baseURL })
      : kiiex({
          apiKey: env.KIIEX_API_KEY ?? '',
          apiSecret: env.KIIEX_API_SECRET ?? '',
          userId: env.KIIEX_USER_ID ?? '',
          environment: 'staging',
        }),
  );
  try {
    const { accountId, omsId } = await client.authenticate();
    lines.push(`logged in: account ${accountId}`);

    const positions = await client.call('GetAccountPositions', {
      body: { OMSId: omsId, AccountId: accountId },
    });
    lines.push(`${(positions.data as unknown[]).length} positions`);

    const order = await client.call('SendOrder', {
      body: {
        OMSId: omsId,
        AccountId: accountId,
        InstrumentId: 1,
        Side: 0,
        Quantity: '0.001',
        LimitPrice: '1000',
        OrderType: 2,
      },
    });
    const id = (order.data as { OrderId: number }).OrderId;
    lines.push(`order ${id} placed`);

    await client.call('CancelOrder', { body: { OMSId: omsId, AccountId: accountId, OrderId: id } });
    lines.push(`order ${id} cancelled`);
    return lines;
  } finally {
    await client.close();
    await sandbox?.close();
  }
}
