/**
 * Your own HTTP client, our credentials: requests authorised by `createAuthorizer` and sent with Node's native
 * `fetch`. The sandbox recomputes every signature, so an accepted request proves the bytes were right.
 *
 * - bitexbit (key-pair signature, strictly increasing nonces): `done()` after each answer lets the key's next
 *   request be signed, so requests reach the exchange in nonce order.
 * - Kiiex (AlphaPoint session): the login goes through the `send` function you give, once for every
 *   concurrent request; the session token then rides in `aptoken`.
 *
 * Run it: `npx tsx examples/own-http/fetch.ts` starts the embedded sandbox, runs against it, prints each step
 * and stops the sandbox.
 */
import { existsSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { type AuthorizedRequest, bitexbit, createAuthorizer, kiiex } from 'exchange-auth';
import { type Sandbox, startSandbox } from 'exchange-auth/testing';

/** Sends one authorised request with fetch and reads its answer; `done()` whatever happens. */
async function send(request: AuthorizedRequest): Promise<{ status: number; data: unknown }> {
  try {
    const answer = await fetch(request.url, request);
    return { status: answer.status, data: await answer.json() };
  } finally {
    request.done();
  }
}

/** Runs the example against a running sandbox; calls `step` with each line. */
export async function main(sandbox: Sandbox, step: (line: string) => void = () => {}): Promise<void> {
  // bitexbit: a signed order, then the balances, each with a fresh nonce.
  const bitexbitAuth = createAuthorizer(
    bitexbit({ ...sandbox.bitexbit.credentials.trade, baseURL: sandbox.bitexbit.baseURL }),
  );
  const order = await bitexbitAuth.authorize({
    method: 'POST',
    path: '/api/v2/private/order/create',
    body: { symbol: 'BTC_USD', type: 'buy-limit', price: '1000', amount: '0.001' },
  });
  step(
    `bitexbit: signed ${order.method} ${new URL(order.url).pathname} with nonce ${order.headers['X-Nonce']}`,
  );
  const placed = await send(order);
  step(`bitexbit: order answered ${placed.status}: ${JSON.stringify(placed.data)}`);
  const balances = await send(
    await bitexbitAuth.authorize({ method: 'GET', path: '/api/v2/private/balance' }),
  );
  step(`bitexbit: ${(balances.data as unknown[]).length} balances (HTTP ${balances.status})`);

  // Kiiex: three concurrent requests, one login, sent through fetch by the `send` given here.
  let logins = 0;
  const kiiexAuth = createAuthorizer(
    kiiex({ ...sandbox.kiiex.credentials.trader, baseURL: sandbox.kiiex.baseURL }),
    {
      send: ({ url, ...init }) => {
        if (url.endsWith('/AuthenticateUser')) logins += 1;
        return fetch(url, init);
      },
    },
  );
  const positions = {
    method: 'POST',
    path: '/GetAccountPositions',
    body: sandbox.kiiex.accountIds(sandbox.kiiex.credentials.trader.apiKey),
  } as const;
  const requests = await Promise.all([1, 2, 3].map(() => kiiexAuth.authorize(positions)));
  step(`kiiex: 3 requests authorised with ${logins} login through fetch`);
  const answers = await Promise.all(requests.map(send));
  step(
    `kiiex: answered ${answers.map((answer) => `${answer.status} ${Array.isArray(answer.data) ? 'positions' : 'refused'}`).join(', ')}`,
  );
  await kiiexAuth.close();
  step('kiiex: logged out');
}

// Run directly: against the embedded sandbox.
const entry = process.argv[1];
if (entry && existsSync(entry) && import.meta.url === pathToFileURL(realpathSync(entry)).href) {
  const sandbox = await startSandbox();
  console.log(`sandbox: bitexbit at ${sandbox.bitexbit.baseURL}, kiiex at ${sandbox.kiiex.baseURL}`);
  try {
    await main(sandbox, (line) => console.log(line));
  } finally {
    await sandbox.close();
  }
  console.log('done: sandbox stopped');
}
