import { UsageError } from './credentials.js';
import { runDemo } from './demo/index.js';
import { runSandbox } from './sandbox.js';
import { runSign } from './sign.js';
import { runWhoami } from './whoami.js';

const USAGE = `exchange-auth <command> [options]

Commands:
  demo [--json]                 start the embedded sandbox and run every flow through the public API
  sandbox [--port n]            serve the embedded exchanges until interrupted; print URLs and credentials
  whoami <provider>             check credentials from environment variables or --credentials <file>
  sign <provider> --method --path [--body]
                                print the headers that carry the credentials, secrets masked
  help                          this text

Providers: bitex, bitexbit, kiiex.

Run "exchange-auth <command> --help" for a command's options.`;

/** Runs the command line; resolves to the exit code. Errors are one line, with no stack unless --verbose. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  const verbose = rest.includes('--verbose');
  try {
    switch (command) {
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      case 'demo':
        return await runDemo(rest);
      case 'sandbox':
        return await runSandbox(rest);
      case 'whoami':
        return await runWhoami(rest);
      case 'sign':
        return await runSign(rest);
      default:
        process.stderr.write(`exchange-auth: unknown command "${command}"; run "exchange-auth help"\n`);
        return 2;
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`exchange-auth ${command}: ${message.split('\n')[0]}\n`);
    if (verbose && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return error instanceof UsageError || isArgumentError(error) ? 2 : 1;
  }
}

/** node:util parseArgs refusals (unknown option, missing value) are usage errors too. */
function isArgumentError(error: unknown): boolean {
  return (
    typeof (error as { code?: unknown })?.code === 'string' &&
    (error as { code: string }).code.startsWith('ERR_PARSE_ARGS')
  );
}
