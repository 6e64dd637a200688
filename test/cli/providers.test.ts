import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bitexbitFromEnv, createClient, PermissionDeniedError } from '../../src/index.js';
import { type AlphaPointSandbox, startAlphaPointSandbox } from '../../src/testing/index.js';
import { cli } from './run-cli.js';

// The command line's providers, spawned as built, against sandboxes that check every login themselves.
let kiiexLike: AlphaPointSandbox;
let ndaxLike: AlphaPointSandbox;
beforeAll(async () => {
  kiiexLike = await startAlphaPointSandbox();
  ndaxLike = await startAlphaPointSandbox({ twoFactorStep: { method: 'GET', send: 'pending-token' } });
});
afterAll(async () => {
  await kiiexLike.close();
  await ndaxLike.close();
});

/** An AlphaPoint credential set as the environment variables of `prefix`. */
const variables = (prefix: string, sandbox: AlphaPointSandbox, role: 'trader' | 'twoFactor') => {
  const set = sandbox.credentials[role];
  return {
    [`${prefix}_API_KEY`]: set.apiKey,
    [`${prefix}_API_SECRET`]: set.apiSecret,
    [`${prefix}_USER_ID`]: String(set.userId),
    ...(role === 'twoFactor' ? { [`${prefix}_TOTP_SECRET`]: sandbox.totpSecrets.twoFactor ?? '' } : {}),
  };
};

describe('sign bitexbit with only the two keys signs at read, as BITEXBIT_ACCESS and bitexbitFromEnv say', () => {
  const keys = { BITEXBIT_ACCESS_KEY: 'ak_demo_visible', BITEXBIT_PRIVATE_KEY: 'sk_demo_never_shown' };
  const body = '{"symbol":"BTC_USD","type":"buy-limit","price":"30000","amount":"0.001"}';
  const order = ['--method', 'POST', '--path', '/api/v2/private/order/create', '--body', body];

  it('signs a read request, and refuses an order naming BITEXBIT_ACCESS (exit 2)', async () => {
    const read = await cli(
      ['sign', 'bitexbit', '--method', 'GET', '--path', '/api/v2/private/balance'],
      keys,
    );
    expect(read).toMatchObject({ code: 0, stderr: '' });
    expect(read.stdout).toMatch(/^X-Signature: /m);
    const refused = await cli(['sign', 'bitexbit', ...order], keys);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/needs the 'trade' permission.*Set BITEXBIT_ACCESS/);
    expect(refused.stdout).toBe('');
    // BITEXBIT_ACCESS=trade is what lets it sign the order.
    expect(await cli(['sign', 'bitexbit', ...order], { ...keys, BITEXBIT_ACCESS: 'trade' })).toMatchObject({
      code: 0,
    });
  });

  it('bitexbitFromEnv reads the same two keys as read-only too', async () => {
    const client = createClient(bitexbitFromEnv({}, keys));
    const post = client.request({ method: 'POST', path: '/api/v2/private/order/create', body: {} } as never);
    await expect(post).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(post).rejects.toMatchObject({ required: 'trade', source: 'local' });
    await client.close();
  });

  it('--help says read is the default and nothing else', async () => {
    const { stdout } = await cli(['sign', '--help']);
    expect(stdout).toContain('A bitexbit key signs read requests only, unless BITEXBIT_ACCESS says');
    expect(stdout).not.toMatch(/signs any request/);
  });
});

describe('sign without --path suggests a path of the named provider', () => {
  it.each([
    ['bitexbit', '/api/v2/private/balance'],
    ['bitex', '/users/me'],
    ['kiiex', '/GetAccountInfo'],
    ['ndax', '/GetAccountInfo'],
  ])('%s: --path %s', async (provider, path) => {
    const { code, stderr } = await cli(['sign', provider, '--method', 'GET']);
    expect(code).toBe(2);
    expect(stderr).toBe(`exchange-auth sign: --path is required (for example --path ${path})\n`);
  });
});

describe('ndax and alphapoint providers', () => {
  it("whoami ndax logs in through NDAX's two-factor step with NDAX_TOTP_SECRET", async () => {
    const env = variables('NDAX', ndaxLike, 'twoFactor');
    const { code, stdout, stderr } = await cli(['whoami', 'ndax', '--url', ndaxLike.baseURL], env);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^ndax user ${ndaxLike.credentials.twoFactor.userId}\\b`));
    expect(ndaxLike.log.map((request) => request.path.split('/').at(-1))).toEqual(
      expect.arrayContaining(['Authenticate', 'Authenticate2FA']),
    );
  });

  it('whoami ndax without a second factor names NDAX_2FA_CODE and NDAX_TOTP_SECRET (exit 2)', async () => {
    const { NDAX_TOTP_SECRET: _, ...env } = variables('NDAX', ndaxLike, 'twoFactor');
    const { code, stderr } = await cli(['whoami', 'ndax', '--url', ndaxLike.baseURL], env);
    expect(code).toBe(2);
    expect(stderr).toMatch(/ndax: the account requires a second factor.*NDAX_2FA_CODE.*NDAX_TOTP_SECRET/);
  });

  it('whoami alphapoint --url names the user, account and OMS the login answered', async () => {
    const env = variables('ALPHAPOINT', kiiexLike, 'trader');
    const { code, stdout } = await cli(['whoami', 'alphapoint', '--url', kiiexLike.baseURL], env);
    expect(code).toBe(0);
    const { apiKey, userId } = kiiexLike.credentials.trader;
    const { AccountId, OMSId } = kiiexLike.accountIds(apiKey);
    expect(stdout).toBe(`alphapoint user ${userId}, account ${AccountId}, OMS ${OMSId}\n`);
  });

  it('whoami alphapoint without --url says to pass one', async () => {
    const { code, stderr } = await cli(
      ['whoami', 'alphapoint'],
      variables('ALPHAPOINT', kiiexLike, 'trader'),
    );
    expect(code).toBe(2);
    expect(stderr).toContain('alphapoint has no named environments: pass --url <base>');
  });

  it("sign ndax prints the login headers for NDAX's own login path", async () => {
    const env = variables('NDAX', ndaxLike, 'trader');
    const { code, stdout } = await cli(
      ['sign', 'ndax', '--method', 'GET', '--path', '/GetAccountInfo', '--json'],
      env,
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      provider: 'ndax',
      signs: 'login',
      url: 'https://api.ndax.io:8443/AP/Authenticate',
    });
  });
});

describe('whoami on a two-factor account', () => {
  it('kiiex: names the user and says which ids the login answer left out, never "undefined"', async () => {
    const env = variables('KIIEX', kiiexLike, 'twoFactor');
    const user = kiiexLike.credentials.twoFactor.userId;
    const { code, stdout } = await cli(['whoami', 'kiiex', '--url', kiiexLike.baseURL], env);
    expect(code).toBe(0);
    expect(stdout).not.toContain('undefined');
    expect(stdout).toMatch(
      /^kiiex user 102(, account \d+)?(, OMS \d+)?( \(the login answer names no [a-zA-Z ]+\))?\n$/,
    );
    const json = await cli(['whoami', 'kiiex', '--url', kiiexLike.baseURL, '--json'], env);
    expect(Object.values(JSON.parse(json.stdout))).not.toContain(null);
    expect(JSON.parse(json.stdout)).toMatchObject({ provider: 'kiiex', ok: true });
    expect(String(JSON.parse(json.stdout).userId)).toBe(String(user));
  });
});
