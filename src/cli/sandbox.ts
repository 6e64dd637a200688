import { parseArgs } from 'node:util';
import { startSandbox } from '../testing/sandbox.js';
import { UsageError } from './credentials.js';

const HELP = `exchange-auth sandbox [--port <n>] [--rate-limit] [--json]

Serves the embedded exchanges on 127.0.0.1 until interrupted (Ctrl-C), and prints their URLs and ready-made
credentials. With --port n, the exchanges listen on n, n+1, n+2; otherwise on free ports.`;

/** `exchange-auth sandbox`: serves until SIGINT or SIGTERM, then resolves to the exit code. */
export async function runSandbox(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      'rate-limit': { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean' },
      verbose: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65_533)) {
    throw new UsageError('--port must be a whole number between 1 and 65533');
  }
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  try {
    sandbox = await startSandbox({ rateLimit: values['rate-limit'] === true, ...(port ? { port } : {}) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new UsageError(
        `port ${port} (or the next two) is already in use; pick another --port or leave it out`,
      );
    }
    throw error;
  }
  const summary = sandbox.describe();
  process.stdout.write(values.json ? `${JSON.stringify(summary, null, 2)}\n` : `${formatSummary(summary)}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await sandbox.close();
  return 0;
}

function formatSummary(summary: ReturnType<Awaited<ReturnType<typeof startSandbox>>['describe']>): string {
  const lines = ['exchange-auth sandbox: serving until Ctrl-C', ''];
  for (const [name, exchange] of Object.entries(summary)) {
    lines.push(`${name}  ${exchange.baseURL}`);
    for (const [role, credentials] of Object.entries(exchange.credentials)) {
      lines.push(`  ${role.padEnd(10)} ${JSON.stringify(credentials)}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
