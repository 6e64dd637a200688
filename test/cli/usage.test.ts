import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, spawnCli } from './run-cli.js';

// The command line as a new user meets it: versions, help, wrong flags, closed pipes, masking, bad settings.
const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const COMMANDS = ['demo', 'sandbox', 'whoami', 'sign'] as const;
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at /);

describe('exchange-auth --version', () => {
  it.each(['--version', '-V'])('%s prints the version of package.json and exits 0', async (flag) => {
    const { code, stdout, stderr } = await cli([flag]);
    expect(code).toBe(0);
    expect(stdout).toBe(`${VERSION}\n`);
    expect(stderr).toBe('');
  });
});

describe('help', () => {
  it.each(COMMANDS)(
    '%s: -h, --help and help <command> print the same help on stdout, exit 0',
    async (name) => {
      const short = await cli([name, '-h']);
      const long = await cli([name, '--help']);
      const topic = await cli(['help', name]);
      for (const answer of [short, long, topic]) {
        expect(answer.code).toBe(0);
        expect(answer.stderr).toBe('');
        expect(answer.stdout).toBe(short.stdout);
      }
      expect(short.stdout).toMatch(new RegExp(`^exchange-auth ${name} `));
      expect(short.stdout).toContain('-h, --help');
      expect(short.stdout).not.toMatch(/Unknown option|To specify a positional/);
    },
  );

  it('help for sign and whoami lists the environment variables by the names the CLI reads', async () => {
    const { stdout } = await cli(['help', 'sign']);
    for (const name of ['BITEX_API_KEY', 'BITEXBIT_ACCESS_KEY', 'KIIEX_USER_ID', 'KIIEX_2FA_CODE']) {
      expect(stdout).toContain(name);
    }
    expect(stdout).not.toMatch(/BITEX_KEY\b/);
    expect(stdout).toContain('--method <GET|POST|PUT|PATCH|DELETE|HEAD>');
  });

  it('help, -h and --help print the general help on stdout, exit 0', async () => {
    for (const args of [['help'], ['-h'], ['--help']]) {
      const { code, stdout, stderr } = await cli(args);
      expect(code).toBe(0);
      expect(stderr).toBe('');
      for (const name of COMMANDS) expect(stdout).toContain(`  ${name}`);
    }
  });

  it('-h wins over a wrong flag next to it', async () => {
    const { code, stdout } = await cli(['sign', '--bogus', '-h']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^exchange-auth sign /);
  });

  it('help for an unknown command: stderr, exit 2', async () => {
    const { code, stdout, stderr } = await cli(['help', 'frobnicate']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/no command "frobnicate"; commands: demo, sandbox, whoami, sign/);
  });
});

describe('usage errors: stderr, exit 2, one line in our words', () => {
  it('no arguments prints the usage on stderr, nothing on stdout, exit 2', async () => {
    const { code, stdout, stderr } = await cli([]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^exchange-auth <command> \[flags\]/);
  });

  it.each([
    [['sign', 'bitex', '--bogus'], '--bogus', 'sign', ['--method', '--path', '--body', '--reveal', '--json']],
    [['whoami', 'kiiex', '-x'], '-x', 'whoami', ['--env', '--url', '--credentials', '--json', '-h/--help']],
    [['sandbox', '--prot', '1'], '--prot', 'sandbox', ['--port', '--rate-limit', '--json']],
    [['demo', '--jsno'], '--jsno', 'demo', ['--json', '--verbose', '-h/--help']],
  ] as const)('an unknown flag names the flag and the valid ones: %j', async (args, flag, name, valid) => {
    const { code, stdout, stderr } = await cli([...args]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`exchange-auth ${name}: unknown flag ${flag}; the flags of ${name} are `);
    for (const other of valid) expect(stderr).toContain(other);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/Unknown option|To specify a positional/);
    noStack(stderr);
  });

  it('an unknown flag before any command lists the global flags', async () => {
    const { code, stderr } = await cli(['--verison']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown flag --verison; .* -h\/--help, -V\/--version/);
  });

  it('a flag without its value, a value given to a switch, an extra argument', async () => {
    const env = { BITEX_API_KEY: 'bitex_key_long_enough' };
    for (const [args, message] of [
      [['sign', 'bitex', '--path', '/x', '--method'], /--method needs a value: --method <GET/],
      [['sign', 'bitex', '--method', 'GET', '--path', '/x', '--json=yes'], /--json takes no value/],
      [['whoami', 'bitex', 'extra'], /unexpected argument "extra"; usage: exchange-auth whoami <provider>/],
    ] as const) {
      const { code, stderr } = await cli([...args], env);
      expect(code).toBe(2);
      expect(stderr).toMatch(message);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('a closed stdout (EPIPE)', () => {
  it('ends quietly with exit 0 when the reader goes away after the first chunk', async () => {
    // A body larger than a pipe's buffer, so the CLI is still writing when the reader leaves.
    const body = JSON.stringify({
      symbol: 'BTC_USD',
      type: 'buy-limit',
      price: '1',
      amount: `0.${'1'.repeat(100_000)}`,
    });
    const child = spawnCli(
      ['sign', 'bitexbit', '--method', 'POST', '--path', '/api/v2/private/order/create', '--body', body],
      {
        BITEXBIT_ACCESS_KEY: 'ak_demo_visible',
        BITEXBIT_PRIVATE_KEY: 'sk_demo_never_shown',
        BITEXBIT_ACCESS: 'trade',
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.once('data', () => child.stdout.destroy());
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) =>
      child.on('close', (exitCode, exitSignal) => resolve([exitCode, exitSignal])),
    );
    expect(signal).toBe(null);
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });
});

describe('masking keys', () => {
  const args = ['sign', 'bitexbit', '--method', 'GET', '--path', '/api/v2/private/balance'];
  const env = (accessKey: string) => ({
    BITEXBIT_ACCESS_KEY: accessKey,
    BITEXBIT_PRIVATE_KEY: 'private_never_shown',
  });

  it('a key under 12 characters is shown only by its length', async () => {
    for (const key of ['ak_sho', 'ak_short', 'ak_shorter1']) {
      const { code, stdout } = await cli(args, env(key));
      expect(code).toBe(0);
      expect(stdout).toContain(`X-API-Key: [key, ${key.length} chars]\n`);
      expect(stdout).not.toContain('ak_s');
    }
  });

  it('a key of 12 characters or more is shown by its first four and its length', async () => {
    for (const key of ['ak_long_key1', 'ak_a_much_longer_access_key']) {
      const { stdout } = await cli(args, env(key));
      expect(stdout).toContain(`X-API-Key: ${key.slice(0, 4)}… [key, ${key.length} chars]\n`);
      expect(stdout).not.toContain(key);
    }
  });
});

describe('bad settings name the variable, flag or file key the user set', () => {
  const kiiex = { KIIEX_API_KEY: 'kiiex_visible_key', KIIEX_API_SECRET: 'kiiex_never_shown' };
  const sign = ['sign', 'kiiex', '--method', 'POST', '--path', '/GetAccountPositions'];

  it('a bad Kiiex user id is a friendly line naming KIIEX_USER_ID, exit 2', async () => {
    for (const userId of ['abc', '0', '12345678901234567', '-1']) {
      const { code, stdout, stderr } = await cli(sign, { ...kiiex, KIIEX_USER_ID: userId });
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(
        'exchange-auth sign: KIIEX_USER_ID is not valid: it must be your numeric Kiiex user id: digits only, ' +
          'such as 001 (at most 16)\n',
      );
    }
  });

  it('other options: the variable or flag, never the option field or a zod pattern', async () => {
    for (const [args, env, message] of [
      [sign, { ...kiiex, KIIEX_USER_ID: '7', KIIEX_API_SECRET: 'short' }, /KIIEX_API_SECRET is too short/],
      [
        ['sign', 'bitex', '--method', 'GET', '--path', '/x'],
        { BITEX_API_KEY: 'bitex_key_long', BITEX_ROLE: 'boss' },
        /BITEX_ROLE must be "user" or "master"/,
      ],
      [
        ['sign', 'bitexbit', '--method', 'GET', '--path', '/x'],
        { BITEXBIT_ACCESS_KEY: 'ak_long_key1', BITEXBIT_PRIVATE_KEY: 'pk_long_key1', BITEXBIT_ACCESS: 'all' },
        /BITEXBIT_ACCESS must be "read", "trade" or "withdraw"/,
      ],
      [
        ['sign', 'bitex', '--method', 'GET', '--path', '/x', '--url', 'ftp://x'],
        { BITEX_API_KEY: 'bitex_key_long' },
        /: --url must be an http\(s\) URL/,
      ],
      [
        ['sign', 'bitex', '--method', 'GET', '--path', '/x y'],
        { BITEX_API_KEY: 'bitex_key_long' },
        /: --path must not contain whitespace/,
      ],
    ] as const) {
      const { code, stderr } = await cli([...args], env);
      expect(code).toBe(2);
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(/apiSecret|"role"|option "|must match pattern/);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
