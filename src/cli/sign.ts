import { parseArgs } from 'node:util';
import { systemClock } from '../core/clock.js';
import { createSafeLogger } from '../core/log.js';
import { buildRequest, type HttpMethod, type PreparedRequest } from '../core/request.js';
import type { AuthContext } from '../core/strategy.js';
import { signRequest } from '../pipeline/sign.js';
import { keyHint, readCredentials, UsageError } from './credentials.js';
import { baseUrlOf, type CliProvider, CREDENTIAL_OPTIONS, cliProvider } from './providers.js';

const HELP = `exchange-auth sign <provider> --method <GET|POST|…> --path <path> [--body <json>] [--reveal]
                   [--env <name> | --url <base>] [--credentials <file.json>]

Prints the headers that carry the credentials for one request, without sending it (for an AlphaPoint
exchange, those of the login). The key is shown by its first four characters, the secret never, and
signatures and tokens are masked unless --reveal.`;

const METHODS = new Set<HttpMethod>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD']);

/** `exchange-auth sign`: resolves to the exit code. */
export async function runSign(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      method: { type: 'string' },
      path: { type: 'string' },
      body: { type: 'string' },
      reveal: { type: 'boolean' },
      ...CREDENTIAL_OPTIONS,
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const cli = cliProvider(positionals[0]);
  const method = (values.method ?? '').toUpperCase() as HttpMethod;
  if (!METHODS.has(method))
    throw new UsageError('--method must be one of GET, POST, PUT, PATCH, DELETE, HEAD');
  if (!values.path) throw new UsageError('--path is required (for example --path /users/me)');
  let body: unknown;
  if (values.body !== undefined) {
    try {
      body = JSON.parse(values.body);
    } catch {
      throw new UsageError('--body must be valid JSON (quote it for the shell)');
    }
  }
  const credentials = readCredentials(cli.variables, values.credentials);
  const provider = cli.provider(credentials, baseUrlOf(cli, values.env, values.url));
  const base = buildRequest({
    provider: provider.name,
    baseURL: provider.baseURL,
    method,
    path: values.path,
    body,
    permission: 'read',
    headers: provider.headers,
    contentType: provider.contentType,
  });
  // A session scheme's credentials are in its login: capture that request instead of sending it.
  let login: PreparedRequest | undefined;
  const context: AuthContext = {
    send: async (request) => {
      login = request;
      throw new UsageError('signing this request needs a login; nothing was sent');
    },
    signal: undefined,
    deadline: undefined,
    logger: createSafeLogger(undefined, () => []),
    clock: systemClock,
  };
  const reveal = values.reveal === true;
  const secrets = () => provider.strategy.secrets();
  let signed: PreparedRequest;
  try {
    signed = await signRequest(
      provider,
      provider.strategy,
      base,
      { match: undefined, otp: undefined },
      context,
    );
  } catch (error) {
    if (!login) throw error;
    process.stdout.write(
      `login headers (the session token they earn then rides in aptoken on ${method} ${values.path})\n`,
    );
    printHeaders(login.headers, {}, cli, secrets(), reveal);
    return 0;
  }
  process.stdout.write(`${signed.method} ${signed.url}\n`);
  printHeaders(signed.headers, base.headers, cli, secrets(), reveal);
  if (signed.body !== undefined) process.stdout.write(`\n${signed.body}\n`);
  return 0;
}

/** Prints the headers the credentials added: keys by four characters, signatures masked unless revealed. */
function printHeaders(
  headers: Readonly<Record<string, string>>,
  before: Readonly<Record<string, string>>,
  cli: CliProvider,
  secrets: readonly string[],
  reveal: boolean,
): void {
  const lower = (names: readonly string[]) => new Set(names.map((name) => name.toLowerCase()));
  const keyHeaders = lower(cli.keyHeaders);
  const secretHeaders = lower(cli.secretHeaders);
  for (const [name, value] of Object.entries(headers)) {
    if (before[name] === value) continue;
    let shown = value;
    if (keyHeaders.has(name.toLowerCase())) shown = value.replace(/^[^;]+/, (key) => keyHint(key));
    else if (secretHeaders.has(name.toLowerCase())) shown = reveal ? value : '[masked: --reveal shows it]';
    else if (secrets.some((secret) => secret.length >= 4 && value.includes(secret))) shown = '[masked]';
    process.stdout.write(`${name}: ${shown}\n`);
  }
}
