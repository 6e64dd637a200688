import { COMMON_FLAGS, type Command, helpText, parseCommand } from './args.js';
import { inUserTerms } from './credentials.js';
import { CLI_ENV_VARIABLES, envHelp } from './env.js';
import { CREDENTIAL_FLAGS, cliClient, setUpProvider } from './providers.js';
import { terminalJson, terminalText } from './terminal.js';

/** `exchange-auth whoami`. */
export const WHOAMI_COMMAND = {
  name: 'whoami',
  positionals: ['<provider>'],
  summary: 'check credentials with one authenticated call; say who answered',
  description: `Checks credentials with one authenticated call and prints who answered. Credentials come from
environment variables or from a JSON file of the provider's options (--credentials), never from arguments.
For an AlphaPoint account with two-factor login (kiiex, ndax, alphapoint), set <PREFIX>_2FA_CODE or
<PREFIX>_TOTP_SECRET (KIIEX_TOTP_SECRET ...).`,
  flags: {
    ...CREDENTIAL_FLAGS,
    json: { type: 'boolean', describe: 'print one JSON object: {"provider", "ok": true, ...who answered}' },
    ...COMMON_FLAGS,
  },
  more: `Providers: ${Object.keys(CLI_ENV_VARIABLES).join(', ')}.

Environment variables:
${envHelp()}`,
} as const satisfies Command;

/** `exchange-auth whoami`: resolves to the exit code. */
export async function runWhoami(argv: readonly string[]): Promise<number> {
  const { values, positionals, help } = parseCommand(WHOAMI_COMMAND, argv);
  if (help) {
    process.stdout.write(`${helpText(WHOAMI_COMMAND)}\n`);
    return 0;
  }
  const { cli, provider, sources } = setUpProvider(positionals[0], values);
  const client = cliClient(provider);
  try {
    const identity = await cli.whoami(client).catch((error: unknown) => {
      throw inUserTerms(error, sources);
    });
    process.stdout.write(
      values.json
        ? `${terminalJson({ provider: cli.name, ok: true, ...identity.data })}\n`
        : `${terminalText(identity.text)}\n`,
    );
    return 0;
  } finally {
    await client.close();
  }
}
