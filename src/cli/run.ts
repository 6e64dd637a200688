import { TwoFactorRequiredError } from '../core/errors.js';
import { type Command, flagList, helpText } from './args.js';
import { UsageError } from './credentials.js';
import { DEMO_COMMAND, runDemo } from './demo/index.js';
import { DOCTOR_COMMAND, runDoctor } from './doctor.js';
import { CLI_ENV_VARIABLES, type CliProviderName } from './env.js';
import { runSandbox, SANDBOX_COMMAND } from './sandbox.js';
import { runSign, SIGN_COMMAND } from './sign.js';
import { terminalText } from './terminal.js';
import { twoFactorAdvice } from './two-factor.js';
import { packageVersion } from './version.js';
import { runWhoami, WHOAMI_COMMAND } from './whoami.js';

/** Every subcommand, by name, with how to run it. */
const COMMANDS: Readonly<Record<string, { spec: Command; run(argv: readonly string[]): Promise<number> }>> = {
  demo: { spec: DEMO_COMMAND, run: runDemo },
  sandbox: { spec: SANDBOX_COMMAND, run: runSandbox },
  whoami: { spec: WHOAMI_COMMAND, run: runWhoami },
  sign: { spec: SIGN_COMMAND, run: runSign },
  doctor: { spec: DOCTOR_COMMAND, run: runDoctor },
};

/** The flags of `exchange-auth` itself, before any command. */
const GLOBAL_FLAGS = {
  help: { type: 'boolean', short: 'h', describe: 'print this help' },
  version: { type: 'boolean', short: 'V', describe: 'print the version of exchange-auth' },
} as const;

/** The general help: every command and the global flags. */
export function usage(): string {
  const rows = Object.values(COMMANDS).map(({ spec }) => [
    [spec.name, ...spec.positionals].join(' '),
    spec.summary,
  ]);
  rows.push(['help [<command>]', 'this text, or the help of one command']);
  const width = Math.max(...rows.map(([left]) => (left ?? '').length)) + 2;
  return `exchange-auth <command> [flags]
exchange-auth --version | --help

Commands:
${rows.map(([left, right]) => `  ${(left ?? '').padEnd(width)}${right}`).join('\n')}

Providers: ${Object.keys(CLI_ENV_VARIABLES).join(', ')}.

Run "exchange-auth help <command>" (or "exchange-auth <command> -h") for a command's flags and
environment variables. Exit codes: 0 done, 1 failed (the exchange refused, a step failed, a network error),
2 usage (a wrong or missing flag, argument or setting); doctor adds 3 to 6 for what it found (its help).`;
}

/** Runs the command line; resolves to the exit code. Errors are one line, with no stack unless --verbose. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  const verbose = rest.includes('--verbose');
  const fail = (message: string) => {
    process.stderr.write(`exchange-auth: ${terminalText(message)}\n`);
    return 2;
  };
  switch (command) {
    case undefined:
      process.stderr.write(`${usage()}\n`);
      return 2;
    case '--help':
    case '-h':
      process.stdout.write(`${usage()}\n`);
      return 0;
    case '--version':
    case '-V':
      process.stdout.write(`${packageVersion()}\n`);
      return 0;
    case 'help': {
      const topic = rest[0];
      if (topic === undefined) {
        process.stdout.write(`${usage()}\n`);
        return 0;
      }
      const found = Object.hasOwn(COMMANDS, topic) ? COMMANDS[topic] : undefined;
      if (!found) return fail(`no command "${topic}"; commands: ${Object.keys(COMMANDS).join(', ')}`);
      process.stdout.write(`${helpText(found.spec)}\n`);
      return 0;
    }
  }
  const found = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!found) {
    if (command.startsWith('-')) {
      return fail(`unknown flag ${command}; before a command, the flags are ${flagList(GLOBAL_FLAGS)}`);
    }
    return fail(
      `unknown command "${command}"; commands: ${Object.keys(COMMANDS).join(', ')}; run "exchange-auth help"`,
    );
  }
  try {
    return await found.run(rest);
  } catch (error) {
    const explained = explain(error);
    const message = explained instanceof Error ? explained.message : String(explained);
    process.stderr.write(`exchange-auth ${command}: ${terminalText(message.split('\n')[0] ?? '')}\n`);
    if (verbose && error instanceof Error && error.stack)
      process.stderr.write(`${terminalText(error.stack)}\n`);
    return explained instanceof UsageError ? 2 : 1;
  }
}

/** Errors whose library wording speaks to a programmer, said for a command-line user. */
function explain(error: unknown): unknown {
  if (error instanceof TwoFactorRequiredError && Object.hasOwn(CLI_ENV_VARIABLES, error.provider)) {
    const advice = twoFactorAdvice(error.provider as CliProviderName);
    const type = error.twoFactorType ? ` (${error.twoFactorType})` : '';
    if (advice) {
      return new UsageError(`${error.provider}: the account requires a second factor${type}; ${advice}`);
    }
  }
  return error;
}
