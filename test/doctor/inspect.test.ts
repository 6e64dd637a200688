import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type InspectReport, IpRefusedError } from '../../src/index.js';
import { kiiex } from '../../src/providers/alphapoint/kiiex.js';
import { bitex } from '../../src/providers/bitex/index.js';
import { bitexbit } from '../../src/providers/bitexbit/index.js';
import {
  type AlphaPointSandbox,
  type BitexbitSandbox,
  type BitexSandbox,
  startAlphaPointSandbox,
  startBitexbitSandbox,
  startBitexSandbox,
} from '../../src/testing/index.js';
import { thrown } from '../support/leaks.js';

// The doctor against the three sandboxes: each verdict is what the sandbox was set up to answer (the key's flags,
// access type or permissions, a wrong key, a refused address, a clock moved ahead), and no report carries a secret.

/** Every printable form of a report must be free of every credential. */
function expectNoSecret(report: InspectReport, secrets: readonly string[]) {
  const text = `${JSON.stringify(report)}\n${report.notes.join('\n')}`;
  for (const secret of secrets) {
    expect(text).not.toContain(secret);
    // Nor any long part of it (a key's visible tail is compared in memory, never printed).
    expect(text).not.toContain(secret.slice(-10));
  }
}

describe('doctor: bitexbit', () => {
  let sandbox: BitexbitSandbox;
  beforeAll(async () => {
    sandbox = await startBitexbitSandbox();
  });
  afterAll(() => sandbox.close());
  const doctor = (
    credentials: { accessKey: string; privateKey: string },
    access: 'read' | 'trade' | 'withdraw',
  ) => createClient(bitexbit({ ...credentials, access, baseURL: sandbox.baseURL })).inspect();

  it('a read-only key configured read: healthy; it reads, and may neither trade nor withdraw', async () => {
    const report = await doctor(sandbox.credentials.read, 'read');
    expect(report).toMatchObject({ healthy: true, credentials: 'valid', address: 'allowed', problems: [] });
    expect(report.permissions).toMatchObject({
      granted: ['read'],
      denied: ['trade', 'withdraw'],
      missing: [],
    });
    expect(report.nonce.sequence).toBe(true);
    expect(Number(report.nonce.lastInProcess)).toBeGreaterThan(0);
    expect(report.nonce.fleet).toBe('not-configured');
    // Nor any signature the doctor's calls carried, as the exchange received them.
    const signatures = sandbox.log.map((entry) => entry.headers['x-signature'] ?? '').filter(Boolean);
    expect(signatures.length).toBeGreaterThan(0);
    expectNoSecret(report, [
      sandbox.credentials.read.accessKey,
      sandbox.credentials.read.privateKey,
      ...signatures,
    ]);
  });

  it('a read-only key configured trade: a permission mismatch that names trade', async () => {
    const report = await doctor(sandbox.credentials.read, 'trade');
    expect(report.problems).toEqual(['permission-mismatch']);
    expect(report.permissions?.missing).toEqual(['trade']);
    expect(report.notes.join('\n')).toMatch(/configured trade but the key only has read/);
  });

  it('a can-trade key: trade confirmed by cancelling an order that does not exist; withdraw stays unknown', async () => {
    const report = await doctor(sandbox.credentials.trade, 'trade');
    expect(report).toMatchObject({ healthy: true, problems: [] });
    expect(report.permissions).toMatchObject({
      granted: ['read', 'trade'],
      unknown: ['withdraw'],
      beyond: [],
    });
    const withdraw = await doctor(sandbox.credentials.withdraw, 'withdraw');
    expect(withdraw).toMatchObject({ healthy: true });
    expect(withdraw.permissions).toMatchObject({ unconfirmed: ['withdraw'], missing: [] });
    expect(sandbox.orders()).toEqual([]);
  });

  it("the exchange's own failure on the trade probe (500) is no verdict: inspect() rejects", async () => {
    sandbox.inject({ endpoint: 'orders.cancel', fault: { status: 500, body: { message: 'down' } } });
    const error = await thrown(() => doctor(sandbox.credentials.read, 'read'));
    expect(error).toMatchObject({ code: 'exchange', status: 500 });
  });

  it('a wrong key: invalid credentials, and nothing else asked', async () => {
    const wrong = { accessKey: 'ak_wrong_0123456789abcdef', privateKey: 'sk_wrong_0123456789abcdef' };
    const report = await doctor(wrong, 'read');
    expect(report).toMatchObject({
      healthy: false,
      problems: ['invalid-credentials'],
      credentials: 'invalid',
    });
    expect(report.permissions).toBeUndefined();
    expectNoSecret(report, [wrong.accessKey, wrong.privateKey]);
  });

  it('an address off the key IP list: ip-refused, and a plain call throws IpRefusedError', async () => {
    const fenced = sandbox.addKey({ access: 'trade', allowedIps: ['192.0.2.7'] });
    const report = await doctor(fenced, 'trade');
    expect(report).toMatchObject({ healthy: false, problems: ['ip-refused'], address: 'refused' });
    expect(report.notes.join('\n')).toMatch(/IP list/);
    const client = createClient(bitexbit({ ...fenced, access: 'trade', baseURL: sandbox.baseURL }));
    const error = await thrown(() => client.call('balance.get'));
    expect(error).toBeInstanceOf(IpRefusedError);
    expect(error).toMatchObject({ code: 'ip-refused', status: 403 });
    // A 403 on a call that needs trade keeps both causes: the access type, or the address.
    expect(await thrown(() => client.call('orders.cancel', { params: { id: 1 } }))).not.toBeInstanceOf(
      IpRefusedError,
    );
    expectNoSecret(report, [fenced.accessKey, fenced.privateKey]);
  });

  it('the exchange 5 s ahead: clock-skew, since the gateway signs deadlines', async () => {
    const skewed = await startBitexbitSandbox();
    try {
      skewed.shiftClock(5_000);
      const report = await createClient(
        bitexbit({ ...skewed.credentials.read, access: 'read', baseURL: skewed.baseURL }),
      ).inspect();
      expect(report.problems).toEqual(['clock-skew']);
      expect(report.clock).toMatchObject({ skewed: true, matters: true });
      expect(report.clock?.lowMs).toBeGreaterThan(3_000);
    } finally {
      await skewed.close();
    }
  });
});

describe('doctor: bitex', () => {
  let sandbox: BitexSandbox;
  beforeAll(async () => {
    sandbox = await startBitexSandbox();
  });
  afterAll(() => sandbox.close());
  const doctor = (apiKey: string, permissions?: readonly ('read' | 'trade' | 'withdraw')[]) =>
    createClient(
      bitex({ apiKey, baseURL: sandbox.baseURL, ...(permissions ? { permissions } : {}) }),
    ).inspect();

  it('a key with every flag: healthy, its flags from GET /api_keys', async () => {
    const report = await doctor(sandbox.credentials.user.apiKey);
    expect(report).toMatchObject({ healthy: true, credentials: 'valid', address: 'not-documented' });
    expect(report.permissions).toMatchObject({
      granted: ['read', 'trade', 'withdraw'],
      source: 'GET /api_keys',
    });
    expect(report.permissions?.exchange).toContain('api_keys');
    expect(report.nonce).toEqual({ sequence: false, lastInProcess: undefined, fleet: 'not-configured' });
    expectNoSecret(report, [sandbox.credentials.user.apiKey]);
  });

  it('a master key configured as master: manage-users confirmed by GET /users; a regular key as master: missing', async () => {
    const master = await createClient(
      bitex({ ...sandbox.credentials.master, baseURL: sandbox.baseURL }),
    ).inspect();
    expect(master).toMatchObject({ healthy: true });
    expect(master.permissions?.granted).toContain('manage-users');
    const pretender = await createClient(
      bitex({ apiKey: sandbox.credentials.user.apiKey, role: 'master', baseURL: sandbox.baseURL }),
    ).inspect();
    expect(pretender.problems).toEqual(['permission-mismatch']);
    expect(pretender.permissions?.missing).toEqual(['manage-users']);
  });

  it('a read-only key (no api_keys flag): it reads; trading and withdrawing cannot be told', async () => {
    const report = await doctor(sandbox.credentials.readOnly.apiKey, ['read']);
    expect(report).toMatchObject({ healthy: true });
    expect(report.permissions).toMatchObject({ granted: ['read'], unknown: ['trade', 'withdraw'] });
    expect(report.notes.join('\n')).toMatch(/api_keys flag/);
    expectNoSecret(report, [sandbox.credentials.readOnly.apiKey]);
  });

  it('a key without the trading flag configured for trade: a permission mismatch', async () => {
    const apiKey = sandbox.createKey(sandbox.users.user, ['api_keys', 'get_balances']);
    const report = await doctor(apiKey, ['read', 'trade']);
    expect(report.problems).toEqual(['permission-mismatch']);
    expect(report.permissions).toMatchObject({ granted: ['read'], missing: ['trade'] });
    expect(report.permissions?.exchange).toEqual(['get_balances', 'api_keys']);
    expectNoSecret(report, [apiKey]);
  });

  it('a wrong key: invalid credentials', async () => {
    const report = await doctor('wrong-key-0123456789abcdef0123456789');
    expect(report).toMatchObject({ problems: ['invalid-credentials'], credentials: 'invalid' });
    expectNoSecret(report, ['wrong-key-0123456789abcdef0123456789']);
  });

  it('a skewed clock is reported, but is no problem for a static key', async () => {
    const skewed = await startBitexSandbox();
    try {
      skewed.shiftClock(-5_000);
      const report = await createClient(
        bitex({ ...skewed.credentials.user, baseURL: skewed.baseURL }),
      ).inspect();
      expect(report).toMatchObject({ healthy: true, clock: { skewed: true, matters: false } });
      expect(report.clock?.highMs).toBeLessThan(-3_000);
      expect(report.notes.join('\n')).toMatch(/behind this machine's/);
    } finally {
      await skewed.close();
    }
  });
});

describe('doctor: alphapoint (kiiex)', () => {
  let sandbox: AlphaPointSandbox;
  beforeAll(async () => {
    sandbox = await startAlphaPointSandbox();
  });
  afterAll(() => sandbox.close());
  type Credentials = AlphaPointSandbox['credentials']['trader'];
  const doctor = async (credentials: Credentials, permissions?: readonly ('Trading' | 'Withdraw')[]) => {
    const client = createClient(
      kiiex({ ...credentials, baseURL: sandbox.baseURL, ...(permissions ? { permissions } : {}) }),
    );
    try {
      return await client.inspect();
    } finally {
      await client.close();
    }
  };

  it('a trader: healthy; GetUserPermissions and the calls that need a second factor', async () => {
    const report = await doctor(sandbox.credentials.trader);
    expect(report).toMatchObject({ healthy: true, credentials: 'valid', address: 'not-documented' });
    expect(report.permissions).toMatchObject({
      granted: ['read', 'trade', 'withdraw'],
      source: 'GetUserPermissions',
    });
    expect(report.permissions?.exchange).toEqual(['trading', 'withdraw', 'deposit']);
    expect(report.twoFactorCalls).toEqual([
      'createwithdrawticket',
      'createdepositticket',
      'adduserpermission',
    ]);
    const { apiKey, apiSecret } = sandbox.credentials.trader;
    // Nor the login's signature or the session token, as the exchange received them.
    const sent = sandbox.log.flatMap((entry) => [entry.headers.signature ?? '', entry.headers.aptoken ?? '']);
    const material = sent.filter(Boolean);
    expect(material.length).toBeGreaterThan(1);
    expectNoSecret(report, [apiKey, apiSecret, ...material]);
  });

  it('an AccountReadOnly user configured for trading: configured trade but the key only reads', async () => {
    const report = await doctor(sandbox.addAccount({ permissions: ['AccountReadOnly'] }), ['Trading']);
    expect(report.problems).toEqual(['permission-mismatch']);
    expect(report.permissions).toMatchObject({ granted: ['read'], missing: ['trade'] });
    expect(report.notes.join('\n')).toMatch(/configured trade but the key only has read/);
  });

  it('a trading user configured for everything: withdraw is missing', async () => {
    const report = await doctor(sandbox.addAccount({ permissions: ['Trading'] }));
    expect(report.permissions).toMatchObject({ granted: ['read', 'trade'], missing: ['withdraw'] });
  });

  it('a wrong secret, and a locked account: invalid credentials', async () => {
    const wrong = { ...sandbox.credentials.trader, apiSecret: 'f'.repeat(48) };
    const report = await doctor(wrong);
    expect(report).toMatchObject({ problems: ['invalid-credentials'], credentials: 'invalid' });
    expectNoSecret(report, [wrong.apiSecret, wrong.apiKey]);
    const locked = await doctor(sandbox.credentials.locked);
    expect(locked).toMatchObject({ problems: ['invalid-credentials'], credentials: 'locked' });
  });

  it('a two-factor account and no second factor configured: two-factor-required', async () => {
    const { twoFactor: _code, ...credentials } = sandbox.credentials.twoFactor;
    const report = await doctor(credentials);
    expect(report).toMatchObject({ problems: ['two-factor-required'], credentials: 'two-factor-required' });
  });

  it('a skewed clock is reported, but AlphaPoint signs no time', async () => {
    const skewed = await startAlphaPointSandbox();
    try {
      skewed.shiftClock(5_000);
      const client = createClient(kiiex({ ...skewed.credentials.trader, baseURL: skewed.baseURL }));
      const report = await client.inspect();
      await client.close();
      expect(report).toMatchObject({ healthy: true, clock: { skewed: true, matters: false } });
    } finally {
      await skewed.close();
    }
  });
});
