import { runDemo } from './demo/index.js';

const USAGE = `exchange-auth <command> [options]

Commands:
  demo [--json]     start the embedded sandbox and run every flow through the public API
  help              this text

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
      default:
        process.stderr.write(`exchange-auth: unknown command "${command}"; run "exchange-auth help"\n`);
        return 2;
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`exchange-auth ${command}: ${message}\n`);
    if (verbose && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return 1;
  }
}
