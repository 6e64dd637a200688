import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AlphaPointSandbox,
  type BitexbitSandbox,
  type BitexSandbox,
  startAlphaPointSandbox,
  startBitexbitSandbox,
  startBitexSandbox,
} from '../../src/testing/index.js';
import { cli } from '../cli/run-cli.js';

// `exchange-auth doctor` as a user's shell runs it (the built binary, `npm run build` first): the exit codes of
// docs/cli.md, the text and the JSON report, and never a credential in either.

let bitexbitSandbox: BitexbitSandbox;
let bitexSandbox: BitexSandbox;
let alphapointSandbox: AlphaPointSandbox;
beforeAll(async () => {
  [bitexbitSandbox, bitexSandbox, alphapointSandbox] = await Promise.all([
    startBitexbitSandbox(),
    startBitexSandbox(),
    startAlphaPointSandbox(),
  ]);
});
afterAll(() => Promise.all([bitexbitSandbox.close(), bitexSandbox.close(), alphapointSandbox.close()]));

/** Runs `doctor` as text and as JSON: the same exit code, no secret in any output; the JSON report. */
async function doctor(
  provider: string,
  url: string,
  env: Record<string, string>,
  secrets: readonly string[],
) {
  const text = await cli(['doctor', provider, '--url', url], env);
  const json = await cli(['doctor', provider, '--url', url, '--json'], env);
  expect(json.code).toBe(text.code);
  // The signatures and session tokens the sandboxes received so far: signature material never to print.
  const received = [bitexbitSandbox, alphapointSandbox].flatMap((sandbox) =>
    sandbox.log.flatMap((entry) => [
      entry.headers['x-signature'],
      entry.headers.signature,
      entry.headers.aptoken,
    ]),
  );
  const material = received.filter((value): value is string => typeof value === 'string' && value.length > 0);
  for (const output of [text.stdout, text.stderr, json.stdout, json.stderr]) {
    for (const secret of [...secrets, ...material]) {
      expect(output).not.toContain(secret);
      expect(output).not.toContain(secret.slice(-10));
    }
  }
  return { code: text.code, text: text.stdout, report: JSON.parse(json.stdout) as Record<string, unknown> };
}

describe('exchange-auth doctor bitexbit', () => {
  const run = (key: { accessKey: string; privateKey: string }, access: string, sandbox = bitexbitSandbox) =>
    doctor(
      'bitexbit',
      sandbox.baseURL,
      { BITEXBIT_ACCESS_KEY: key.accessKey, BITEXBIT_PRIVATE_KEY: key.privateKey, BITEXBIT_ACCESS: access },
      [key.accessKey, key.privateKey],
    );

  it('a healthy key exits 0 and says so', async () => {
    const { code, text, report } = await run(bitexbitSandbox.credentials.trade, 'trade');
    expect(code).toBe(0);
    expect(text).toMatch(/^bitexbit doctor: healthy$/m);
    expect(report).toMatchObject({ healthy: true, credentials: 'valid' });
  });

  it('a wrong key exits 3', async () => {
    const wrong = { accessKey: 'ak_cli_wrong_0123456789', privateKey: 'sk_cli_wrong_0123456789' };
    const { code, report } = await run(wrong, 'read');
    expect(code).toBe(3);
    expect(report).toMatchObject({ problems: ['invalid-credentials'] });
  });

  it('a refused address exits 4', async () => {
    const fenced = bitexbitSandbox.addKey({ access: 'read', allowedIps: ['192.0.2.9'] });
    const { code, text } = await run(fenced, 'read');
    expect(code).toBe(4);
    expect(text).toMatch(/^address +refused$/m);
  });

  it('configured trade with a read-only key exits 5, naming what is missing', async () => {
    const { code, text } = await run(bitexbitSandbox.credentials.read, 'trade');
    expect(code).toBe(5);
    expect(text).toMatch(/MISSING: trade/);
    expect(text).toMatch(/configured trade but the key only has read/);
  });

  it('the exchange 5 s ahead exits 6', async () => {
    const skewed = await startBitexbitSandbox();
    try {
      skewed.shiftClock(5_000);
      // One process after another on one key: the second's first nonce is behind the first's (which moved its
      // nonces ahead by the measured offset), and the doctor's second ask gets through.
      const { code, text } = await run(skewed.credentials.read, 'read', skewed);
      expect(code).toBe(6);
      expect(text).toMatch(/clock +exchange \d+ ms ahead .* SKEWED/);
    } finally {
      await skewed.close();
    }
  });
});

describe('exchange-auth doctor bitex', () => {
  const run = (apiKey: string) => doctor('bitex', bitexSandbox.baseURL, { BITEX_API_KEY: apiKey }, [apiKey]);

  it('a key with every flag exits 0; the flags are printed, the key is not', async () => {
    const { code, text } = await run(bitexSandbox.credentials.user.apiKey);
    expect(code).toBe(0);
    expect(text).toMatch(/in the exchange's words: .*trading/);
    expect(text).toMatch(/^address +not documented$/m);
  });

  it('a key without trading or withdrawal flags, configured for both (the default), exits 5', async () => {
    const { code, report } = await run(
      bitexSandbox.createKey(bitexSandbox.users.user, ['api_keys', 'get_balances']),
    );
    expect(code).toBe(5);
    expect(report).toMatchObject({ permissions: { missing: ['trade', 'withdraw'] } });
  });

  it('a wrong key exits 3', async () => {
    expect((await run('cli-wrong-bitex-key-0123456789abcdef')).code).toBe(3);
  });
});

describe('exchange-auth doctor kiiex', () => {
  const run = (key: { apiKey: string; apiSecret: string; userId: number | string }) =>
    doctor(
      'kiiex',
      alphapointSandbox.baseURL,
      { KIIEX_API_KEY: key.apiKey, KIIEX_API_SECRET: key.apiSecret, KIIEX_USER_ID: String(key.userId) },
      [key.apiKey, key.apiSecret],
    );

  it('a trader exits 0 and lists the calls that need a second factor', async () => {
    const { code, text } = await run(alphapointSandbox.credentials.trader);
    expect(code).toBe(0);
    expect(text).toMatch(/second factor +needed by createwithdrawticket/);
  });

  it('an AccountReadOnly user configured for everything exits 5; a wrong secret exits 3', async () => {
    const readOnly = alphapointSandbox.addAccount({ permissions: ['AccountReadOnly'] });
    expect((await run(readOnly)).code).toBe(5);
    expect((await run({ ...readOnly, apiSecret: 'e'.repeat(48) })).code).toBe(3);
  });
});

describe('exchange-auth doctor kiiex --credentials', () => {
  it('a credentials file gives the permissions as a list: none configured exits 0, Trading exits 5', async () => {
    const readOnly = alphapointSandbox.addAccount({ permissions: ['AccountReadOnly'] });
    const directory = await mkdtemp(join(tmpdir(), 'doctor-'));
    try {
      const codes: number[] = [];
      for (const permissions of [[], ['Trading']]) {
        const file = join(directory, `${permissions.length}.json`);
        const { apiKey, apiSecret, userId } = readOnly;
        await writeFile(file, JSON.stringify({ apiKey, apiSecret, userId, permissions }), { mode: 0o600 });
        const { code, stdout, stderr } = await cli([
          'doctor',
          'kiiex',
          '--url',
          alphapointSandbox.baseURL,
          '--credentials',
          file,
        ]);
        expect(`${stdout}${stderr}`).not.toContain(apiSecret);
        codes.push(code);
      }
      expect(codes).toEqual([0, 5]);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});

describe('exchange-auth doctor: what the exchange writes', () => {
  it('a refusal carrying terminal control sequences is printed escaped, in text and JSON', async () => {
    const { apiKey, apiSecret, userId } = alphapointSandbox.addAccount({});
    const env = { KIIEX_API_KEY: apiKey, KIIEX_API_SECRET: apiSecret, KIIEX_USER_ID: String(userId) };
    for (const json of [false, true]) {
      alphapointSandbox.refuseNextLogins(1, {
        errormsg: 'User api key not found\u001b]0;owned\u0007\u001b[2J',
      });
      const { code, stdout } = await cli(
        ['doctor', 'kiiex', '--url', alphapointSandbox.baseURL, ...(json ? ['--json'] : [])],
        env,
      );
      expect(code).toBe(3);
      expect(stdout.includes('\u001b') || stdout.includes('\u0007')).toBe(false);
      expect(stdout).toContain(json ? '\\u001b' : '\\u001b]0;owned');
    }
  });
});

describe('exchange-auth doctor: usage', () => {
  it('no provider, or a missing variable, exits 2', async () => {
    expect((await cli(['doctor'])).code).toBe(2);
    expect((await cli(['doctor', 'bitexbit', '--url', 'http://127.0.0.1:9'])).code).toBe(2);
  });

  it('an exchange that does not answer exits 1', async () => {
    const env = { BITEX_API_KEY: 'cli-unreachable-key-0123456789' };
    const { code, stderr } = await cli(['doctor', 'bitex', '--url', 'http://127.0.0.1:9/api'], env);
    expect(code).toBe(1);
    expect(stderr).not.toContain('cli-unreachable-key-0123456789');
  });
});
