import { describe, expect, it } from 'vitest';
import { bitex, createClient, decodeBase32, totpCodeOf } from '../../src/index.js';
import { cli, spawnCli } from './run-cli.js';

// `exchange-auth sandbox`, spawned as built: every credential it prints, the second factors' TOTP secrets
// included, must be enough to use the sandbox it serves.
interface Printed {
  baseURL: string;
  credentials: Record<string, Record<string, unknown>>;
  env: Record<string, Record<string, string>>;
  secondFactorNotShown: string[];
}

async function printedSandbox(args: string[] = []) {
  const child = spawnCli(['sandbox', '--json', ...args]);
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.on('exit', () => reject(new Error(`the sandbox ended early: ${out}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.trim().endsWith('}')) resolve();
    });
  });
  const stop = async () => {
    child.removeAllListeners('exit');
    const ended = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGINT');
    await ended;
  };
  return { printed: JSON.parse(out) as Record<'bitex' | 'bitexbit' | 'kiiex', Printed>, stop };
}

describe('exchange-auth sandbox prints every credential, second factors included', () => {
  it('the Kiiex two-factor account logs in with the printed variables alone (KIIEX_TOTP_SECRET)', async () => {
    const { printed, stop } = await printedSandbox();
    try {
      const env = printed.kiiex.env.twoFactor ?? {};
      expect(Object.keys(env).sort()).toEqual([
        'KIIEX_API_KEY',
        'KIIEX_API_SECRET',
        'KIIEX_TOTP_SECRET',
        'KIIEX_USER_ID',
      ]);
      expect(env.KIIEX_TOTP_SECRET).toMatch(/^[A-Z2-7]{16,}$/);
      expect(printed.kiiex.secondFactorNotShown).toEqual([]);
      const { code, stdout, stderr } = await cli(['whoami', 'kiiex', '--url', printed.kiiex.baseURL], env);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout).toMatch(/^kiiex user /);
      // Without the secret the same account is refused a login: the printed secret is what made it work.
      const { KIIEX_TOTP_SECRET: _, ...withoutSecret } = env;
      const refused = await cli(['whoami', 'kiiex', '--url', printed.kiiex.baseURL], withoutSecret);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toMatch(/second factor/);
    } finally {
      await stop();
    }
  });

  it("Bitex's one-time-password secret makes a withdrawal code the sandbox accepts", async () => {
    const { printed, stop } = await printedSandbox();
    try {
      const user = printed.bitex.credentials.user ?? {};
      expect(printed.bitex.secondFactorNotShown).toEqual([]);
      expect(user.totpSecret).toMatch(/^[A-Z2-7]{32}$/);
      const secret = decodeBase32(String(user.totpSecret)) as Uint8Array;
      const client = createClient(
        bitex({
          apiKey: String(printed.bitex.env.user?.BITEX_API_KEY),
          baseURL: printed.bitex.baseURL,
          otp: () => totpCodeOf(secret, Date.now()),
        }),
        { retry: false },
      );
      const body = {
        data: {
          type: 'coin_withdrawals' as const,
          attributes: {
            amount: '0.01',
            coin_code: 'btc' as const,
            to_addresses: 'mszEUK9E6E7n4SNcrjYH8Fr7ZTGP9n3dRb',
            label: 'cold',
          },
        },
      };
      const withdrawal = await client.call('coinWithdrawals.create', { body });
      expect(withdrawal.status).toBeLessThan(300);
      const wrong = createClient(
        bitex({
          apiKey: String(printed.bitex.env.user?.BITEX_API_KEY),
          baseURL: printed.bitex.baseURL,
          otp: () => '000000',
        }),
        { retry: false },
      );
      await expect(wrong.call('coinWithdrawals.create', { body })).rejects.toMatchObject({ status: 401 });
    } finally {
      await stop();
    }
  });

  it('the text output shows the TOTP secrets too', async () => {
    const child = spawnCli(['sandbox']);
    let out = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (/# locked\n[^\n]*\n/.test(out)) resolve();
      });
    });
    const ended = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGINT');
    await ended;
    expect(out).toMatch(/# twoFactor\n.*KIIEX_TOTP_SECRET=[A-Z2-7]+/);
    expect(out).toMatch(
      /# user\nBITEX_API_KEY=\S+\n# {3}not read from the environment \(provider options\): totpSecret [A-Z2-7]+\n/,
    );
    expect(out).not.toMatch(/does not expose its TOTP secret/);
  });
});
