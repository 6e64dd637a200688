import { findEndpoint } from '../core/catalog.js';
import { createAuthorizer, type HttpMethod, type OutgoingRequest, PermissionDeniedError } from '../index.js';
import { COMMON_FLAGS, type Command, helpText, parseCommand } from './args.js';
import { inUserTerms, keyHint, UsageError } from './credentials.js';
import { CLI_ENV_VARIABLES, envHelp } from './env.js';
import { type CliProvider, CREDENTIAL_FLAGS, cliProvider, examplePaths, setUpProvider } from './providers.js';

/** `exchange-auth sign`. */
export const SIGN_COMMAND = {
  name: 'sign',
  positionals: ['<provider>'],
  summary: 'print the headers that carry the credentials for a request, secrets masked',
  description: `Prints the headers that carry the credentials for one request, without sending it (for an
AlphaPoint exchange such as Kiiex, those of the login). A key of 12 characters or more is shown by its first
four, a shorter one only by its length; the secret never; signatures and tokens are masked unless --reveal.
A bitexbit key signs read requests only, unless BITEXBIT_ACCESS says it may trade or withdraw (read is the
default, as for bitexbitFromEnv).`,
  flags: {
    method: {
      type: 'string',
      value: '<GET|POST|PUT|PATCH|DELETE|HEAD>',
      describe: 'the HTTP method (required)',
    },
    path: {
      type: 'string',
      value: '<path>',
      describe: `the request path (required), such as ${examplePaths()}`,
    },
    body: { type: 'string', value: '<json>', describe: 'the request body, as JSON (quote it for the shell)' },
    reveal: { type: 'boolean', describe: 'show signatures and session tokens instead of masking them' },
    json: { type: 'boolean', describe: 'print one JSON object: {"provider", "signs", "method", "url", ...}' },
    ...CREDENTIAL_FLAGS,
    ...COMMON_FLAGS,
  },
  more: `Providers: ${Object.keys(CLI_ENV_VARIABLES).join(', ')}.

Environment variables:
${envHelp()}`,
} as const satisfies Command;

const METHODS = new Set<HttpMethod>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD']);

/** Where each request field came from, for messages. */
const FLAG_SOURCES = { method: { label: '--method' }, path: { label: '--path' }, body: { label: '--body' } };

/** `exchange-auth sign`: resolves to the exit code. */
export async function runSign(argv: readonly string[]): Promise<number> {
  const { values, positionals, help } = parseCommand(SIGN_COMMAND, argv);
  if (help) {
    process.stdout.write(`${helpText(SIGN_COMMAND)}\n`);
    return 0;
  }
  const named = cliProvider(positionals[0]);
  const method = (values.method ?? '').toUpperCase() as HttpMethod;
  if (!METHODS.has(method))
    throw new UsageError('--method must be one of GET, POST, PUT, PATCH, DELETE, HEAD');
  if (!values.path) throw new UsageError(`--path is required (for example --path ${named.examplePath})`);
  const path = values.path;
  let body: unknown;
  if (values.body !== undefined) {
    try {
      body = JSON.parse(values.body);
    } catch {
      throw new UsageError('--body must be valid JSON (quote it for the shell)');
    }
  }
  // A bitexbit key without BITEXBIT_ACCESS is read-only, as for bitexbitFromEnv(): the same variables, one meaning.
  const { cli, provider, sources } = setUpProvider(positionals[0], values);
  const inTerms = (error: unknown) => inUserTerms(error, { ...sources, ...FLAG_SOURCES });
  // A session scheme's credentials are in its login: `send` captures that request instead of sending it.
  let login: OutgoingRequest | undefined;
  const authorizer = createAuthorizer(provider, {
    send: async (request) => {
      login = request;
      throw new UsageError('signing this request needs a login; nothing was sent');
    },
  });
  // A request the catalog does not know is signed as a 'read' one: the signature does not depend on it.
  const known = findEndpoint(provider.catalog, method, path.split('?')[0] ?? path) !== undefined;
  const mask = masker(cli, provider.strategy.secrets(), values.reveal === true);
  let signed: OutgoingRequest;
  // What the request carries without credentials: the provider's headers and the body's type.
  let before: Readonly<Record<string, string>> = {
    ...provider.headers,
    'Content-Type': provider.contentType ?? 'application/json',
  };
  try {
    const request = await authorizer.authorize({
      method,
      path,
      body,
      ...(known ? {} : { permission: 'read' }),
    });
    request.done();
    signed = request;
  } catch (error) {
    if (!login) throw inTerms(accessAdvice(cli, error));
    signed = login;
    before = {};
  }
  const headers = Object.fromEntries(
    Object.entries(signed.headers)
      .filter(([name, value]) => before[name] !== value)
      .map(([name, value]) => [name, mask(name, value)]),
  );
  const signs = login ? 'login' : 'request';
  if (values.json) {
    const result = { provider: cli.name, signs, method: signed.method, url: signed.url, headers };
    const forRequest = login ? { for: { method, path } } : {};
    const sent = signed.body === null ? {} : { body: mask('', signed.body) };
    process.stdout.write(`${JSON.stringify({ ...result, ...forRequest, ...sent })}\n`);
    return 0;
  }
  process.stdout.write(
    login
      ? `login headers (the session token they earn then rides in aptoken on ${method} ${path})\n`
      : `${signed.method} ${signed.url}\n`,
  );
  for (const [name, value] of Object.entries(headers)) process.stdout.write(`${name}: ${value}\n`);
  if (!login && signed.body !== null) process.stdout.write(`\n${mask('', signed.body)}\n`);
  return 0;
}

/** A refusal by the local permission gate, with the variable that declares what the key may do. */
function accessAdvice(cli: CliProvider, error: unknown): unknown {
  if (!(error instanceof PermissionDeniedError)) return error;
  const variable = Object.entries(cli.variables).find(([, { option }]) => option === 'access')?.[0];
  return new UsageError(
    variable ? `${error.message} Set ${variable} to the key's access type if it has more.` : error.message,
  );
}

/** Masks one header: keys shown by `keyHint`, signatures and tokens unless revealed, any secret always. */
function masker(cli: CliProvider, secrets: readonly string[], reveal: boolean) {
  const lower = (names: readonly string[]) => new Set(names.map((name) => name.toLowerCase()));
  const keyHeaders = lower(cli.keyHeaders);
  const secretHeaders = lower(cli.secretHeaders);
  return (name: string, value: string): string => {
    if (keyHeaders.has(name.toLowerCase())) return value.replace(/^[^;]+/, (key) => keyHint(key));
    if (secretHeaders.has(name.toLowerCase())) return reveal ? value : '[masked: --reveal shows it]';
    if (secrets.some((secret) => secret.length >= 4 && value.includes(secret))) return '[masked]';
    return value;
  };
}
