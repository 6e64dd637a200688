import { parseArgs } from 'node:util';
import { readCredentials } from './credentials.js';
import { baseUrlOf, CREDENTIAL_OPTIONS, cliClient, cliProvider } from './providers.js';

const HELP = `exchange-auth whoami <provider> [--env <name> | --url <base>] [--credentials <file.json>]

Checks credentials with one authenticated call. Credentials come from environment variables
(BITEX_API_KEY; BITEXBIT_ACCESS_KEY, BITEXBIT_PRIVATE_KEY, BITEXBIT_ACCESS; KIIEX_API_KEY, KIIEX_API_SECRET,
KIIEX_USER_ID) or from a JSON file of the provider's options; never from arguments.`;

/** `exchange-auth whoami`: resolves to the exit code. */
export async function runWhoami(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      ...CREDENTIAL_OPTIONS,
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const provider = cliProvider(positionals[0]);
  const credentials = readCredentials(provider.variables, values.credentials);
  const client = cliClient(provider.provider(credentials, baseUrlOf(provider, values.env, values.url)));
  try {
    process.stdout.write(`${await provider.whoami(client)}\n`);
    return 0;
  } finally {
    await client.close();
  }
}
