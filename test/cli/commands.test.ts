import { createHmac } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../src/testing/index.js';
import { cli, spawnCli } from './run-cli.js';

// These spawn the built binary (npm test builds first), as a user's shell would.

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

describe('exchange-auth demo', () => {
  it('runs every flow, one line per step, and exits 0', async () => {
    const { code, stdout } = await cli(['demo']);
    expect(code).toBe(0);
    const steps = stdout.split('\n').filter((line) => /^(ok|FAIL) /.test(line));
    expect(steps.length).toBeGreaterThanOrEqual(11);
    expect(steps.every((line) => line.startsWith('ok '))).toBe(true);
    expect(stdout).toMatch(/(\d+) steps: \1 passed, 0 failed/);
  });

  it('--json prints one report', async () => {
    const { code, stdout } = await cli(['demo', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { failed: number; passed: number; steps: { provider: string }[] };
    expect(report.failed).toBe(0);
    expect(new Set(report.steps.map((step) => step.provider))).toEqual(
      new Set(['bitex', 'bitexbit', 'kiiex']),
    );
  });
});

describe('exchange-auth sign', () => {
  const env = {
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

  it('shows the key by four characters, never the secret, and masks the signature', async () => {
    const { code, stdout } = await cli(args, env);
    expect(code).toBe(0);
    expect(stdout).toContain('X-API-Key: ak_d… [key, 15 chars]');
    expect(stdout).not.toContain('ak_demo_visible');
    expect(stdout).not.toContain('sk_demo_never_shown');
    expect(stdout).toMatch(/X-Signature: \[masked/);
  });

  it('--reveal shows the signature, which is the HMAC of path + nonce + body', async () => {
    const { stdout } = await cli([...args, '--reveal'], env);
    const nonce = /X-Nonce: (\d+)/.exec(stdout)?.[1] ?? '';
    const signature = /X-Signature: ([0-9a-f]{64})/.exec(stdout)?.[1];
    const expected = createHmac('sha256', 'sk_demo_never_shown')
      .update(
        `/api/v2/private/order/create${nonce}{"symbol":"BTC_USD","type":"buy-limit","price":"30000","amount":"0.001"}`,
      )
      .digest('hex');
    expect(signature).toBe(expected);
    expect(stdout).not.toContain('sk_demo_never_shown');
  });

  it('malformed --body, unknown provider, missing variables: one line, exit 2, no stack', async () => {
    for (const [argv, message] of [
      [[...args.slice(0, -1), '{bad'], /--body must be valid JSON/],
      [['sign', 'nope', '--method', 'GET', '--path', '/x'], /unknown provider "nope"/],
      [['sign', 'bitex', '--method', 'GET', '--path', '/x'], /missing environment variable BITEX_API_KEY/],
      [['frobnicate'], /unknown command "frobnicate"/],
      [['sign', 'bitex', '--bogus'], /unknown flag --bogus; the flags of sign are --method, --path/],
    ] as const) {
      const { code, stderr } = await cli([...argv], argv[1] === 'bitexbit' ? env : {});
      expect(code).toBe(2);
      expect(stderr).toMatch(message);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('exchange-auth sign for an AlphaPoint exchange', () => {
  const env = {
    KIIEX_API_KEY: 'kiiex_visible_key',
    KIIEX_API_SECRET: 'kiiex_never_shown',
    KIIEX_USER_ID: '001',
  };
  const args = ['sign', 'kiiex', '--method', 'POST', '--path', '/GetAccountPositions'];

  it('prints the login headers, secret never, signature masked', async () => {
    const { code, stdout } = await cli(args, env);
    expect(code).toBe(0);
    expect(stdout).toContain('APIKey: kiie…');
    expect(stdout).toContain('UserId: 001');
    expect(stdout).toMatch(/Signature: \[masked/);
    expect(stdout).not.toContain('kiiex_visible_key');
    expect(stdout).not.toContain('kiiex_never_shown');
  });

  it('--reveal shows the signature of nonce + userId + apiKey', async () => {
    const { stdout } = await cli([...args, '--reveal'], env);
    const nonce = /Nonce: (\d+)/.exec(stdout)?.[1] ?? '';
    const expected = createHmac('sha256', 'kiiex_never_shown')
      .update(`${nonce}001kiiex_visible_key`)
      .digest('hex');
    expect(/Signature: ([0-9a-f]{64})/.exec(stdout)?.[1]).toBe(expected);
  });
});

describe('exchange-auth whoami', () => {
  it('logs in to the Kiiex sandbox with good credentials, and fails cleanly with a wrong secret', async () => {
    const { trader } = sandbox.kiiex.credentials;
    const good = await cli(['whoami', 'kiiex', '--url', sandbox.kiiex.baseURL], {
      KIIEX_API_KEY: trader.apiKey,
      KIIEX_API_SECRET: trader.apiSecret,
      KIIEX_USER_ID: trader.userId,
    });
    expect(good.code).toBe(0);
    expect(good.stdout).toContain(`kiiex user ${trader.userId}`);
    const bad = await cli(['whoami', 'kiiex', '--url', sandbox.kiiex.baseURL], {
      KIIEX_API_KEY: trader.apiKey,
      KIIEX_API_SECRET: 'wrong-secret-for-whoami',
      KIIEX_USER_ID: trader.userId,
    });
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/refused the login/);
    expect(bad.stderr).not.toContain('wrong-secret-for-whoami');
  });

  it('succeeds with good credentials against the running sandbox', async () => {
    const { code, stdout } = await cli(['whoami', 'bitex', '--url', sandbox.bitex.baseURL], {
      BITEX_API_KEY: sandbox.bitex.credentials.user.apiKey,
    });
    expect(code).toBe(0);
    expect(stdout).toContain(`bitex user ${sandbox.bitex.users.user}`);
    const signed = await cli(['whoami', 'bitexbit', '--url', sandbox.bitexbit.baseURL], {
      BITEXBIT_ACCESS_KEY: sandbox.bitexbit.credentials.read.accessKey,
      BITEXBIT_PRIVATE_KEY: sandbox.bitexbit.credentials.read.privateKey,
    });
    expect(signed.code).toBe(0);
    expect(signed.stdout).toMatch(/bitexbit key accepted/);
  });

  it('fails cleanly with bad credentials: one line, exit 1, no secret', async () => {
    const { code, stdout, stderr } = await cli(['whoami', 'bitexbit', '--url', sandbox.bitexbit.baseURL], {
      BITEXBIT_ACCESS_KEY: sandbox.bitexbit.credentials.read.accessKey,
      BITEXBIT_PRIVATE_KEY: 'wrong-private-key-0123456789',
    });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^exchange-auth whoami: .*AuthenticationError|refused|401/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).not.toContain('wrong-private-key-0123456789');
    expect(stderr).not.toContain(sandbox.bitexbit.credentials.read.accessKey);
  });
});

describe('exchange-auth sandbox', () => {
  it('serves, prints URLs and credentials, and stops on SIGINT', async () => {
    const child = spawnCli(['sandbox', '--json']);
    let out = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.trim().endsWith('}')) resolve();
      });
    });
    const printed = JSON.parse(out) as Record<string, { baseURL: string }>;
    const answer = await fetch(`${printed.bitex?.baseURL}/tickers`, { headers: { Version: '2.1' } });
    expect(answer.status).toBe(200);
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(130);
  });

  it('a port already in use is one clear line and exit 2', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { code, stderr } = await cli(['sandbox', '--port', String(port)]);
      expect(code).toBe(2);
      expect(stderr).toMatch(/already in use/);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    } finally {
      blocker.close();
    }
  });
});
