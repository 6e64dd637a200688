import type { ReceivedRequest } from '../testing/http-server.js';
import { startSandbox } from '../testing/sandbox.js';
import { encodeBase32 } from '../toolkit/totp-code.js';
import { COMMON_FLAGS, type Command, helpText, parseCommand } from './args.js';
import { UsageError } from './credentials.js';
import { CLI_ENV_VARIABLES, type CliEnvVariable } from './env.js';
import { terminalText } from './terminal.js';

/** `exchange-auth sandbox`. */
export const SANDBOX_COMMAND = {
  name: 'sandbox',
  positionals: [],
  summary: 'serve the embedded exchanges until interrupted; print URLs and credentials',
  description: `Serves the embedded exchanges on 127.0.0.1 until interrupted (Ctrl-C), and prints their URLs and
ready-made credentials as the environment variables whoami and sign read. With --port n, the exchanges listen
on n, n+1, n+2; otherwise on free ports.`,
  flags: {
    port: { type: 'string', value: '<n>', describe: 'first port (bitex n, bitexbit n+1, kiiex n+2)' },
    'rate-limit': { type: 'boolean', describe: "enforce each exchange's documented rate limit" },
    json: {
      type: 'boolean',
      describe: 'print one JSON object: {"<provider>": {"baseURL", "credentials", "env"}}',
    },
    ...COMMON_FLAGS,
  },
} as const satisfies Command;

type Running = Awaited<ReturnType<typeof startSandbox>>;

/** The exchanges the embedded sandbox serves (NDAX and other AlphaPoint exchanges: Kiiex's stands in for them). */
type SandboxExchange = 'bitex' | 'bitexbit' | 'kiiex';

/** One exchange as printed: its URL, each credential set's options, and the same as environment variables. */
interface PrintedExchange {
  readonly baseURL: string;
  readonly credentials: Record<string, Record<string, unknown>>;
  readonly env: Record<string, Record<string, string>>;
  /** Credential sets with a second factor whose secret the sandbox keeps to itself. */
  readonly secondFactorNotShown: string[];
}

/** `exchange-auth sandbox`: serves until SIGINT or SIGTERM, then resolves to the exit code (130 or 143). */
export async function runSandbox(argv: readonly string[]): Promise<number> {
  const { values, help } = parseCommand(SANDBOX_COMMAND, argv);
  if (help) {
    process.stdout.write(`${helpText(SANDBOX_COMMAND)}\n`);
    return 0;
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65_533)) {
    throw new UsageError('--port must be a whole number between 1 and 65533');
  }
  let sandbox: Running;
  try {
    sandbox = await startSandbox({
      rateLimit: values['rate-limit'] === true,
      ...(port ? { port } : {}),
      onAnswer: (exchange, request, status) =>
        process.stderr.write(`${answerLine(exchange, request, status)}\n`),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new UsageError(
        `port ${port} (or the next two) is already in use; pick another --port or leave it out`,
      );
    }
    throw error;
  }
  // Listening for the signals before printing: whoever reads the listing may interrupt at once.
  const signal = new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  const summary = describeSandbox(sandbox);
  process.stdout.write(values.json ? `${JSON.stringify(summary, null, 2)}\n` : `${formatSummary(summary)}\n`);
  const stoppedBy = await signal;
  await sandbox.close();
  process.stderr.write(`exchange-auth sandbox: stopped (${stoppedBy}); every exchange closed\n`);
  // 128 + the signal's number, as a shell reports a program a signal stopped: a script running it stops too.
  return stoppedBy === 'SIGINT' ? 130 : 143;
}

/** One request as the log shows it: time, exchange, method, path (never the query or a header), status. */
export function answerLine(exchange: string, request: ReceivedRequest, status: number): string {
  const time = new Date(request.at).toISOString().slice(11, 23);
  return `${time} ${exchange.padEnd(8)} ${request.method} ${terminalText(request.path)} ${status === 0 ? 'dropped' : status}`;
}

const SECRET_FIELD = /^(totp|otp)Secret$/;

/**
 * Every credential the sandbox exposes, OTP/TOTP secrets included (the sandboxes' `totpSecrets`, in base32 as
 * authenticator apps and KIIEX_TOTP_SECRET take them; Bitex's are those of its withdrawal one-time passwords),
 * and the environment variables that carry them. A second factor the sandbox exposes only as a callback (no
 * secret) is listed in `secondFactorNotShown`.
 */
export function describeSandbox(
  sandbox: Pick<Running, SandboxExchange>,
): Record<SandboxExchange, PrintedExchange> {
  const describeOne = (name: SandboxExchange): PrintedExchange => {
    const exchange = sandbox[name];
    const variables = Object.entries(CLI_ENV_VARIABLES[name] as Record<string, CliEnvVariable>);
    const printed: PrintedExchange = {
      baseURL: exchange.baseURL,
      credentials: {},
      env: {},
      secondFactorNotShown: [],
    };
    const published: Readonly<Record<string, string>> =
      (exchange as { totpSecrets?: Readonly<Record<string, string>> }).totpSecrets ?? {};
    for (const [role, set] of Object.entries(
      exchange.credentials as unknown as Record<string, Record<string, unknown>>,
    )) {
      const options: Record<string, unknown> = {};
      let secret: string | undefined = published[role];
      if (secret !== undefined) options.totpSecret = secret;
      let callback = false;
      for (const [field, value] of Object.entries(set)) {
        if (typeof value === 'function') callback = true;
        else if (SECRET_FIELD.test(field) && (typeof value === 'string' || value instanceof Uint8Array)) {
          // src/testing's totp() takes a string secret as its UTF-8 bytes.
          secret = encodeBase32(typeof value === 'string' ? Buffer.from(value, 'utf8') : value);
          options[field] = secret;
        } else options[field] = value;
      }
      const env: Record<string, string> = {};
      for (const [variable, { option, twoFactor }] of variables) {
        if (twoFactor === 'totp-secret' && secret !== undefined) env[variable] = secret;
        else if (twoFactor === undefined && options[option] !== undefined)
          env[variable] = String(options[option]);
      }
      printed.credentials[role] = options;
      printed.env[role] = env;
      if (callback && secret === undefined) printed.secondFactorNotShown.push(role);
    }
    return printed;
  };
  return { bitex: describeOne('bitex'), bitexbit: describeOne('bitexbit'), kiiex: describeOne('kiiex') };
}

/** A value as a POSIX shell takes it: bare when it holds only safe characters, otherwise single-quoted. */
const shellWord = (value: string) =>
  /^[A-Za-z0-9_.:/@%+,=-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;

function formatSummary(summary: Record<string, PrintedExchange>): string {
  const lines = [
    '# exchange-auth sandbox: serving until Ctrl-C; one line per request on stderr',
    '# each credential line is environment variables, ready to paste before whoami or sign',
    '',
  ];
  for (const [name, exchange] of Object.entries(summary)) {
    lines.push(`# ${name}  --url ${exchange.baseURL}`);
    for (const [role, env] of Object.entries(exchange.env)) {
      const shown = new Set(Object.values(env));
      const extra = Object.entries(exchange.credentials[role] ?? {})
        .filter(([, value]) => !shown.has(String(value)))
        .map(([field, value]) => `${field} ${Array.isArray(value) ? value.join(',') : String(value)}`);
      const assignments = Object.entries(env).map(([variable, value]) => `${variable}=${shellWord(value)}`);
      lines.push(`# ${role}`, assignments.join(' '));
      if (extra.length > 0)
        lines.push(`#   not read from the environment (provider options): ${extra.join('; ')}`);
      if (exchange.secondFactorNotShown.includes(role)) {
        lines.push('#   has a second factor; the embedded sandbox does not expose its TOTP secret');
      }
    }
    lines.push('');
  }
  return lines.join('\n');
}
