/**
 * A Kiiex (AlphaPoint) bot on the WebSocket gateway: one login shared by HTTP and the socket, account events
 * subscribed (and restored on every reconnection), an order placed over the socket, its OrderStateEvent read from
 * the event stream, then cancelled.
 *
 * Run it: `npx tsx examples/bots/kiiex-websocket-bot.ts` starts the embedded sandbox, runs the bot against it with
 * the sandbox's trader key, prints each step and stops the sandbox. From your own code, `main(env)` uses
 * KIIEX_API_KEY, KIIEX_API_SECRET, KIIEX_USER_ID, KIIEX_BASE_URL and KIIEX_WS_URL (Kiiex publishes no gateway
 * address: ask yours); with no key it starts a sandbox of its own.
 */
import { existsSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { type AlphaPointEvent, createClient, kiiex, TransportError } from 'exchange-auth';
import { startAlphaPointSandbox } from 'exchange-auth/testing';

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
    kiiex({
      apiKey: env.KIIEX_API_KEY ?? sandbox?.credentials.trader.apiKey ?? '',
      apiSecret: env.KIIEX_API_SECRET ?? sandbox?.credentials.trader.apiSecret ?? '',
      userId: env.KIIEX_USER_ID ?? sandbox?.credentials.trader.userId ?? '',
      baseURL: env.KIIEX_BASE_URL ?? sandbox?.baseURL ?? '',
      websocketURL: env.KIIEX_WS_URL ?? sandbox?.wsURL ?? '',
    }),
  );
  // Reconnections, the breaker and drifted events are reported here; none of it carries a credential.
  const socket = client.websocket({ onStatus: (status) => log(`status: ${status.type}`) });
  try {
    const { accountId, omsId } = await socket.connect();
    const account = { OMSId: Number(omsId), AccountId: Number(accountId) };
    log(`logged in: account ${account.AccountId}`);
    await socket.subscribe('SubscribeAccountEvents'); // the account and OMS of the login
    const events = socket.events();

    const ClientOrderId = 1001;
    const order = await socket
      .call('SendOrder', {
        ...account,
        ...{ InstrumentId: 1, Side: 0, Quantity: 0.001, LimitPrice: 1000, OrderType: 2, ClientOrderId },
      })
      .catch(async (error: unknown) => {
        // The reply was lost: the order may exist. It is never sent again by the library: look for it first.
        if (error instanceof TransportError && error.outcome === 'unknown') {
          const open = await socket.call('GetOpenOrders', account);
          log(
            `order outcome unknown; open orders with our id: ${open.data.filter((o) => o.ClientOrderId === ClientOrderId).length}`,
          );
        }
        throw error;
      });
    if (order.drift) throw new Error(`order placed, reply drifted (${order.drift.issues[0]}): reconcile`);
    const id = order.data.OrderId;
    log(`order ${id} ${order.data.status.toLowerCase()}`);

    // The order's own event, typed by its name (a drifted one would carry `drift` and be untyped).
    let event: AlphaPointEvent | undefined;
    for await (event of events)
      if (event.name === 'OrderStateEvent' && !event.drift && event.data.OrderId === id) break;
    if (event?.name === 'OrderStateEvent' && !event.drift) log(`event: order ${id} ${event.data.OrderState}`);

    await socket.call('CancelOrder', { ...account, OrderId: id });
    log(`order ${id} cancelled`);
    return lines;
  } finally {
    await client.close(); // closes the socket too, then logs out
    await sandbox?.close();
  }
}

// Run directly: always against the embedded sandbox, never against an account whose key is in the environment.
const entry = process.argv[1];
if (entry && existsSync(entry) && import.meta.url === pathToFileURL(realpathSync(entry)).href) {
  await main({}, (line) => console.log(line));
  console.log('done: sandbox stopped');
}
