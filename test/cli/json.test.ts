import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../src/testing/index.js';
import { cli, spawnCli } from './run-cli.js';

// --json for scripts, the second factor from the environment, and the sandbox's credentials as variables.
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

/** stdout must be exactly one JSON object on one line. */
function oneObject(stdout: string): Record<string, unknown> {
  expect(stdout.endsWith('\n')).toBe(true);
  expect(stdout.trim().split('\n')).toHaveLength(1);
  const parsed = JSON.parse(stdout) as unknown;
  expect(typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)).toBe(true);
  return parsed as Record<string, unknown>;
}

describe('whoami --json', () => {
  it('prints one object per provider against the sandbox', async () => {
    const { trader } = sandbox.kiiex.credentials;
    const kiiex = await cli(['whoami', 'kiiex', '--url', sandbox.kiiex.baseURL, '--json'], {
      KIIEX_API_KEY: trader.apiKey,
      KIIEX_API_SECRET: trader.apiSecret,
      KIIEX_USER_ID: trader.userId,
    });
    expect(kiiex.code).toBe(0);
    expect(oneObject(kiiex.stdout)).toMatchObject({
      provider: 'kiiex',
      ok: true,
      userId: Number(trader.userId),
    });
    expect(oneObject(kiiex.stdout)).toHaveProperty('accountId');
    expect(kiiex.stdout).not.toContain(trader.apiSecret);

    const bitex = await cli(['whoami', 'bitex', '--url', sandbox.bitex.baseURL, '--json'], {
      BITEX_API_KEY: sandbox.bitex.credentials.user.apiKey,
    });
    expect(oneObject(bitex.stdout)).toMatchObject({
      provider: 'bitex',
      ok: true,
      user: String(sandbox.bitex.users.user),
    });
    expect(bitex.stdout).not.toContain(sandbox.bitex.credentials.user.apiKey);

    const { read } = sandbox.bitexbit.credentials;
    const bitexbit = await cli(['whoami', 'bitexbit', '--url', sandbox.bitexbit.baseURL, '--json'], {
      BITEXBIT_ACCESS_KEY: read.accessKey,
      BITEXBIT_PRIVATE_KEY: read.privateKey,
    });
    expect(oneObject(bitexbit.stdout)).toMatchObject({ provider: 'bitexbit', ok: true });
    expect(typeof oneObject(bitexbit.stdout).balances).toBe('number');
  });

  it('a refusal is still one line on stderr, exit 1, and nothing on stdout', async () => {
    const { code, stdout, stderr } = await cli(
      ['whoami', 'bitex', '--url', sandbox.bitex.baseURL, '--json'],
      {
        BITEX_API_KEY: 'not_a_key_the_sandbox_knows',
      },
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('sign --json', () => {
  const bitexbit = {
    BITEXBIT_ACCESS_KEY: 'ak_demo_visible',
    BITEXBIT_PRIVATE_KEY: 'sk_demo_never_shown',
    BITEXBIT_ACCESS: 'trade',
  };
  const args = [
    'sign',
    'bitexbit',
    '--method',
    'POST',
    '--path',
    '/api/v2/private/order/create',
    '--body',
    '{"symbol":"BTC_USD","type":"buy-limit","price":"30000","amount":"0.001"}',
  ];

  it('prints the request, its credential headers masked as in text, and its body', async () => {
    const { code, stdout } = await cli([...args, '--json'], bitexbit);
    expect(code).toBe(0);
    const signed = oneObject(stdout) as { headers: Record<string, string> } & Record<string, unknown>;
    expect(signed).toMatchObject({
      provider: 'bitexbit',
      signs: 'request',
      method: 'POST',
      url: expect.stringMatching(/^https:\/\/[^/]+\/api\/v2\/private\/order\/create$/),
      body: '{"symbol":"BTC_USD","type":"buy-limit","price":"30000","amount":"0.001"}',
    });
    expect(signed.headers['X-API-Key']).toBe('ak_d… [key, 15 chars]');
    expect(signed.headers['X-Signature']).toMatch(/^\[masked/);
    expect(signed.headers['X-Nonce']).toMatch(/^\d+$/);
    expect(stdout).not.toContain('ak_demo_visible');
    expect(stdout).not.toContain('sk_demo_never_shown');
  });

  it('--reveal shows the signature; the key and secret stay hidden', async () => {
    const { stdout } = await cli([...args, '--json', '--reveal'], bitexbit);
    const signed = oneObject(stdout) as { headers: Record<string, string> };
    expect(signed.headers['X-Signature']).toMatch(/^[0-9a-f]{64}$/);
    expect(stdout).not.toContain('ak_demo_visible');
    expect(stdout).not.toContain('sk_demo_never_shown');
  });

  it('for Kiiex, the login it would send, and the request it is for', async () => {
    const env = {
      KIIEX_API_KEY: 'kiiex_visible_key',
      KIIEX_API_SECRET: 'kiiex_never_shown',
      KIIEX_USER_ID: '001',
    };
    const { code, stdout } = await cli(
      ['sign', 'kiiex', '--method', 'POST', '--path', '/GetAccountPositions', '--json'],
      env,
    );
    expect(code).toBe(0);
    const signed = oneObject(stdout) as { headers: Record<string, string> } & Record<string, unknown>;
    expect(signed).toMatchObject({
      provider: 'kiiex',
      signs: 'login',
      for: { method: 'POST', path: '/GetAccountPositions' },
    });
    expect(signed.headers.APIKey).toBe('kiie… [key, 17 chars]');
    expect(signed.headers.UserId).toBe('001');
    expect(signed.headers.Signature).toMatch(/^\[masked/);
    expect(stdout).not.toContain('kiiex_visible_key');
    expect(stdout).not.toContain('kiiex_never_shown');
  });
});

describe('sign uses the public authorizer', () => {
  it('what sign --json --reveal prints, sent with fetch, is accepted by the bitexbit sandbox', async () => {
    const { accessKey, privateKey } = sandbox.bitexbit.credentials.read;
    const path = '/api/v2/private/balance';
    const { code, stdout } = await cli(
      [
        'sign',
        'bitexbit',
        '--url',
        sandbox.bitexbit.baseURL,
        '--method',
        'GET',
        '--path',
        path,
        '--json',
        '--reveal',
      ],
      { BITEXBIT_ACCESS_KEY: accessKey, BITEXBIT_PRIVATE_KEY: privateKey },
    );
    expect(code).toBe(0);
    const signed = oneObject(stdout) as { url: string; headers: Record<string, string> };
    // The key is printed as a hint only: put the real one back, as a user pasting into curl would.
    const answer = await fetch(signed.url, {
      headers: { ...signed.headers, 'X-API-Key': accessKey, Accept: 'application/json' },
    });
    expect(answer.status).toBe(200);
  });

  it('a key declared read-only refuses to sign an order, naming BITEXBIT_ACCESS', async () => {
    const { code, stdout, stderr } = await cli(
      ['sign', 'bitexbit', '--method', 'POST', '--path', '/api/v2/private/order/create', '--body', '{}'],
      {
        BITEXBIT_ACCESS_KEY: 'ak_demo_visible',
        BITEXBIT_PRIVATE_KEY: 'sk_demo_never_shown',
        BITEXBIT_ACCESS: 'read',
      },
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/needs the 'trade' permission.*BITEXBIT_ACCESS/);
    expect(stderr).not.toContain('sk_demo_never_shown');
  });
});

describe('the second factor from the environment', () => {
  const whoami = () => ['whoami', 'kiiex', '--url', sandbox.kiiex.baseURL];
  const account = () => {
    const { apiKey, apiSecret, userId } = sandbox.kiiex.credentials.twoFactor;
    return { KIIEX_API_KEY: apiKey, KIIEX_API_SECRET: apiSecret, KIIEX_USER_ID: userId };
  };

  it('without it, the message tells a CLI user which variables to set (no callback), exit 2', async () => {
    const { code, stderr } = await cli(whoami(), account());
    expect(code).toBe(2);
    expect(stderr).toMatch(/requires a second factor/);
    expect(stderr).toMatch(/set KIIEX_2FA_CODE \(.*\) or KIIEX_TOTP_SECRET \(/);
    expect(stderr).not.toMatch(/twoFactor|callback|=>/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('KIIEX_2FA_CODE completes the two-factor login', async () => {
    const code2fa = await sandbox.kiiex.credentials.twoFactor.twoFactor?.();
    const { code, stdout, stderr } = await cli([...whoami(), '--json'], {
      ...account(),
      KIIEX_2FA_CODE: code2fa ?? '',
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(oneObject(stdout)).toMatchObject({ provider: 'kiiex', ok: true });
  });

  it('a malformed code or secret, or both set, is a usage error naming the variable', async () => {
    for (const [extra, message] of [
      [{ KIIEX_2FA_CODE: '12345' }, /KIIEX_2FA_CODE must be the current 6-digit code/],
      [{ KIIEX_TOTP_SECRET: 'not base32!' }, /KIIEX_TOTP_SECRET must be the base32 TOTP secret/],
      [
        { KIIEX_2FA_CODE: '123456', KIIEX_TOTP_SECRET: 'JBSWY3DPEHPK3PXP' },
        /set only one of KIIEX_2FA_CODE and KIIEX_TOTP_SECRET/,
      ],
    ] as const) {
      const { code, stderr } = await cli(whoami(), { ...account(), ...extra });
      expect(code).toBe(2);
      expect(stderr).toMatch(message);
    }
  });

  it('a wrong TOTP secret is sent as a wrong code: the exchange refuses, exit 1', async () => {
    const { code, stderr } = await cli(whoami(), { ...account(), KIIEX_TOTP_SECRET: 'JBSWY3DPEHPK3PXP' });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('exchange-auth sandbox prints the credentials as the variables whoami reads', () => {
  it('--json: env per credential set, usable as is', async () => {
    const child = spawnCli(['sandbox', '--json']);
    let out = '';
    const printed = await new Promise<
      Record<string, { baseURL: string; env: Record<string, Record<string, string>> }>
    >((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        try {
          resolve(JSON.parse(out));
        } catch {
          // not all of it yet
        }
      });
    });
    try {
      const kiiex = printed.kiiex;
      expect(Object.keys(kiiex?.env.trader ?? {})).toEqual([
        'KIIEX_API_KEY',
        'KIIEX_API_SECRET',
        'KIIEX_USER_ID',
      ]);
      expect(printed.bitex?.env.master).toMatchObject({ BITEX_ROLE: 'master' });
      expect(printed.bitexbit?.env.trade).toMatchObject({ BITEXBIT_ACCESS: 'trade' });
      const answer = await cli(
        ['whoami', 'kiiex', '--url', kiiex?.baseURL ?? '', '--json'],
        kiiex?.env.trader,
      );
      expect(answer.code).toBe(0);
    } finally {
      child.kill('SIGINT');
      await new Promise((resolve) => child.on('exit', resolve));
    }
  });
});
