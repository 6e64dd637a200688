/**
 * The HMAC header provider at work, against its own loopback exchange (`sandbox.ts`, which checks every
 * signature with node:crypto): a public call with no key, a signed balance and order, a caller's own `X-SIG`
 * refused before anything is sent, and a wrong secret refused by the exchange.
 *
 * Run it: `npx tsx examples/hmac-header/main.ts`. It prints each step and stops the exchange.
 */
import { existsSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { AuthenticationError, ConfigurationError, createClient } from 'exchange-auth';
import { hmacExchange } from './provider.js';
import { startHmacExchangeSandbox } from './sandbox.js';

/** Runs the example once; calls `step` with each line as it happens and resolves to all of them. */
export async function main(step: (line: string) => void = () => {}): Promise<string[]> {
  const sandbox = await startHmacExchangeSandbox();
  const lines: string[] = [];
  const log = (line: string) => {
    lines.push(line);
    step(line);
  };
  const client = createClient(hmacExchange({ ...sandbox.credentials, baseURL: sandbox.baseURL }));
  const impostor = createClient(
    hmacExchange({ ...sandbox.credentials, apiSecret: 'wrongSecret0123456789', baseURL: sandbox.baseURL }),
  );
  try {
    const ticker = await client.call('ticker');
    log(
      `ticker: ${JSON.stringify(ticker.data)}, sent ${sandbox.received.at(-1)?.headers['x-sig'] ? 'with' : 'without'} a signature`,
    );

    const balance = await client.call('balance');
    log(
      `balance: ${JSON.stringify(balance.data)}, signature checked by the exchange: ${sandbox.received.at(-1)?.signed}`,
    );

    const order = await client.call('order.create', {
      body: { pair: 'BTC-USD', side: 'buy', amount: '0.01' },
    });
    log(`order ${(order.data as { id: number }).id} placed, X-SIG over ts + method + path + body`);

    try {
      await client.call('balance', { headers: { 'X-SIG': 'forged' } });
      throw new Error("a caller's X-SIG was accepted");
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      log(`a caller's X-SIG: ${error.name} on ${error.field}, nothing sent`);
    }

    try {
      await impostor.call('balance');
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
