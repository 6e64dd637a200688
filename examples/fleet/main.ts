/**
 * A fleet of 4 processes sharing one bitexbit key and one Kiiex key through Redis: every process places orders
 * and reads positions at once, and the exchanges see one nonce sequence (0 refusals) and one login.
 *
 * Run it: `REDIS_URL=redis://127.0.0.1:6379 npx tsx examples/fleet/main.ts` starts the embedded sandboxes in this
 * process and 4 processes of examples/fleet/member.mjs against them, prints what the exchanges saw and stops the
 * sandboxes. Without REDIS_URL it says so and does nothing. docs/fleet.md explains the option.
 */
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startAlphaPointSandbox, startBitexbitSandbox } from 'exchange-auth/testing';

const MEMBER = fileURLToPath(new URL('./member.mjs', import.meta.url));
const PROCESSES = 4;
const ORDERS = 10;
const CALLS = 10;

/** Runs the fleet once; calls `step` with each line as it happens and resolves to all of them. */
export async function main(
  env: NodeJS.ProcessEnv = process.env,
  step: (line: string) => void = () => {},
): Promise<string[]> {
  const lines: string[] = [];
  const log = (line: string) => {
    lines.push(line);
    step(line);
  };
  if (!env.REDIS_URL) {
    log(
      'skipped: REDIS_URL is not set (start redis-server and set REDIS_URL=redis://127.0.0.1:6379 to run it)',
    );
    return lines;
  }
  const exchange = await startBitexbitSandbox();
  const alphapoint = await startAlphaPointSandbox();
  try {
    const config = JSON.stringify({
      redisUrl: env.REDIS_URL,
      prefix: `example:${randomUUID()}:`,
      bitexbit: { credentials: exchange.credentials.trade, baseURL: exchange.baseURL },
      kiiex: {
        credentials: alphapoint.credentials.trader,
        baseURL: alphapoint.baseURL,
        // The OMS and account the key's requests name: its own (the exchange refuses any other).
        ids: alphapoint.accountIds(alphapoint.credentials.trader.apiKey),
      },
      orders: ORDERS,
      calls: CALLS,
    });
    const outcomes = await Promise.all(
      Array.from(
        { length: PROCESSES },
        () =>
          new Promise<{ ok: number; failed: string[] }>((resolve, reject) => {
            const child = fork(MEMBER, [config], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
            child.once('message', (message) => resolve(message as { ok: number; failed: string[] }));
            child.once('exit', (code) =>
              reject(new Error(`a member exited (code ${code}) without a report`)),
            );
          }),
      ),
    );
    const ok = outcomes.reduce((sum, outcome) => sum + outcome.ok, 0);
    const received = exchange.log.filter((entry) => entry.path === '/api/v2/private/order/create').length;
    const executed = exchange.executions('POST /api/v2/private/order/create');
    const logins = alphapoint.stats().logins ?? 0;
    log(`${PROCESSES} processes: ${ok} of ${PROCESSES * (ORDERS + CALLS)} requests answered`);
    log(`bitexbit: ${executed} orders executed, refusals ${received - executed}`);
    log(`kiiex: logins ${logins}`);
    for (const failure of outcomes.flatMap((outcome) => outcome.failed)) log(`failed: ${failure}`);
    if (received !== executed || logins !== 1 || ok !== PROCESSES * (ORDERS + CALLS)) {
      throw new Error('the fleet did not share one sequence and one login');
    }
    return lines;
  } finally {
    await exchange.close();
    await alphapoint.close();
  }
}

const entry = process.argv[1];
if (entry && existsSync(entry) && import.meta.url === pathToFileURL(realpathSync(entry)).href) {
  main(process.env, (line) => console.log(line)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
