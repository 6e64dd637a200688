import { COMMON_FLAGS, type Command, helpText, parseCommand } from './args.js';
import { inUserTerms } from './credentials.js';
import { doctorExitCode, doctorText } from './doctor-report.js';
import { CLI_ENV_VARIABLES, envHelp } from './env.js';
import { CREDENTIAL_FLAGS, cliClient, setUpProvider } from './providers.js';
import { terminalJson } from './terminal.js';

/** `exchange-auth doctor`. */
export const DOCTOR_COMMAND = {
  name: 'doctor',
  positionals: ['<provider>'],
  summary: 'ask the exchange what is wrong with a key: validity, permissions, address, clock, nonces',
  description: `Asks the exchange, with calls that change nothing, whether the credentials are valid, what the
key may do (against the permissions configured: BITEXBIT_ACCESS, the credentials file's "permissions" ...),
whether this machine's address is refused (where the exchange documents that answer), how far its clock is
from this machine's, and the key's last nonce. Prints no secret.
Exit codes: 0 healthy, 1 the doctor could not finish (network, the exchange's own failure), 2 usage (or a
second factor needed and not given), 3 invalid credentials or a locked account, 4 this address refused,
5 a configured permission the key lacks, 6 a clock skew the exchange's signatures depend on.`,
  flags: {
    ...CREDENTIAL_FLAGS,
    json: { type: 'boolean', describe: 'print the report as one JSON object (the InspectReport)' },
    ...COMMON_FLAGS,
  },
  more: `Providers: ${Object.keys(CLI_ENV_VARIABLES).join(', ')}.

Environment variables:
${envHelp()}`,
} as const satisfies Command;

/** `exchange-auth doctor`: resolves to the exit code of the report. */
export async function runDoctor(argv: readonly string[]): Promise<number> {
  const { values, positionals, help } = parseCommand(DOCTOR_COMMAND, argv);
  if (help) {
    process.stdout.write(`${helpText(DOCTOR_COMMAND)}\n`);
    return 0;
  }
  const { provider, sources } = setUpProvider(positionals[0], values);
  const client = cliClient(provider);
  try {
    const report = await client.inspect().catch((error: unknown) => {
      throw inUserTerms(error, sources);
    });
    process.stdout.write(values.json ? `${terminalJson(report)}\n` : `${doctorText(report)}\n`);
    return doctorExitCode(report);
  } finally {
    await client.close();
  }
}
