import { afterEach, describe, expect, it } from 'vitest';
import { ConfigurationError, createClient, kiiex } from '../../src/index.js';
import { bitexbit } from '../../src/providers/bitexbit/index.js';
import {
  type AlphaPointSandbox,
  type BitexbitSandbox,
  startAlphaPointSandbox,
  startBitexbitSandbox,
} from '../../src/testing/index.js';

// Rotation under load: the sandboxes verify every request themselves (bitexbit recomputes each signature with the
// key it names and checks its nonce; AlphaPoint accepts only a live session token), so "none refused" and "each
// signed with exactly one key" are the exchange's own verdicts.
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const sandbox of open.splice(0)) await sandbox.close();
});
const CALLS = 500;

describe('client.rotate() under load', () => {
  it('AlphaPoint: 500 concurrent calls while the key changes, none refused, the old session logged out once', async () => {
    const sandbox: AlphaPointSandbox = await startAlphaPointSandbox();
    open.push(sandbox);
    const next = sandbox.addAccount({});
    const client = createClient(kiiex({ ...sandbox.credentials.trader, baseURL: sandbox.baseURL }), {
      rateLimit: false,
    });
    const { OMSId } = sandbox.accountIds(next.apiKey);
    expect(sandbox.accountIds(sandbox.credentials.trader.apiKey).OMSId).toBe(OMSId);
    const info = () =>
      client.request<{ UserId: number }>({ method: 'POST', path: '/GetUserInfo', body: { OMSId } });
    const before = Array.from({ length: CALLS / 2 }, info);
    const rotated = client.rotate(kiiex({ ...next, baseURL: sandbox.baseURL }));
    const after = Array.from({ length: CALLS / 2 }, info);
    const answers = await Promise.all([...before, ...after]);
    await rotated;

    const users = answers.map((answer) => String(answer.data.UserId));
    expect(users.slice(0, CALLS / 2).every((user) => user === sandbox.credentials.trader.userId)).toBe(true);
    expect(users.slice(CALLS / 2).every((user) => user === next.userId)).toBe(true);
    const stats = sandbox.stats();
    expect(stats.executions.GetUserInfo).toBe(CALLS);
    expect(stats.logins).toBe(2);
    expect(stats.logouts).toBe(1);
    // The old token was used for nothing after its logout.
    const calls = sandbox.log.filter((request) => request.path.endsWith('/GetUserInfo'));
    const logout = sandbox.log.findIndex((request) => request.path.endsWith('/LogOut'));
    const oldToken = sandbox.log[logout]?.headers.aptoken;
    expect(sandbox.log.slice(logout + 1).some((request) => request.headers.aptoken === oldToken)).toBe(false);
    expect(new Set(calls.map((request) => request.headers.aptoken)).size).toBe(2);
    await client.close();
    expect(sandbox.stats().logouts).toBe(2);
  });

  it('bitexbit: 500 concurrent calls while the key changes, each verified against one key, none refused', async () => {
    const sandbox: BitexbitSandbox = await startBitexbitSandbox();
    open.push(sandbox);
    const first = sandbox.credentials.trade;
    const second = sandbox.addKey({ access: 'trade' });
    const client = createClient(bitexbit({ ...first, baseURL: sandbox.baseURL }), { rateLimit: false });
    const balance = () => client.call('balance.get');
    const before = Array.from({ length: CALLS / 2 }, balance);
    const rotated = client.rotate(bitexbit({ ...second, baseURL: sandbox.baseURL }));
    const after = Array.from({ length: CALLS / 2 }, balance);
    await Promise.all([...before, ...after, rotated]);

    expect(sandbox.executions('GET /api/v2/private/balance')).toBe(CALLS);
    const byKey = (key: string) => sandbox.log.filter((request) => request.headers['x-api-key'] === key);
    expect(byKey(first.accessKey)).toHaveLength(CALLS / 2);
    expect(byKey(second.accessKey)).toHaveLength(CALLS / 2);
    await client.close();
  });

  it('refuses another exchange, base URL or access type, naming the field', async () => {
    const sandbox = await startBitexbitSandbox();
    open.push(sandbox);
    const client = createClient(bitexbit({ ...sandbox.credentials.trade, baseURL: sandbox.baseURL }));
    const other = bitexbit({ ...sandbox.credentials.trade, baseURL: 'http://127.0.0.1:1' });
    await expect(client.rotate(other)).rejects.toMatchObject({ field: 'baseURL' });
    const read = bitexbit({ ...sandbox.credentials.read, baseURL: sandbox.baseURL });
    // A read key for a trade client does not compile; from JavaScript it is refused at run time.
    await expect(client.rotate(read as never)).rejects.toBeInstanceOf(ConfigurationError);
    await client.close();
  });
});

describe('three keys on one exchange in one process', () => {
  it('stay isolated: each key its own increasing nonces, a rotation of one leaves the others alone', async () => {
    const sandbox = await startBitexbitSandbox();
    open.push(sandbox);
    const keys = [sandbox.addKey({ access: 'trade' }), sandbox.addKey({ access: 'trade' })];
    const all = [sandbox.credentials.trade, ...keys];
    const clients = all.map((key) =>
      createClient(bitexbit({ ...key, baseURL: sandbox.baseURL }), { rateLimit: false }),
    );
    const spare = sandbox.addKey({ access: 'trade' });
    const [first] = clients;
    await Promise.all([
      ...clients.flatMap((client) => Array.from({ length: 30 }, () => client.call('balance.get'))),
      first?.rotate(bitexbit({ ...spare, baseURL: sandbox.baseURL })),
      ...clients.flatMap((client) => Array.from({ length: 30 }, () => client.call('balance.get'))),
    ]);
    expect(sandbox.executions('GET /api/v2/private/balance')).toBe(180);
    for (const key of [...all, spare]) {
      const nonces = sandbox.log
        .filter((request) => request.headers['x-api-key'] === key.accessKey)
        .map((request) => BigInt(request.headers['x-nonce'] ?? '0'));
      expect(nonces.every((nonce, i) => i === 0 || nonce > (nonces[i - 1] ?? 0n))).toBe(true);
    }
    const count = (key: { accessKey: string }) =>
      sandbox.log.filter((request) => request.headers['x-api-key'] === key.accessKey).length;
    expect(count(sandbox.credentials.trade) + count(spare)).toBe(60);
    expect(keys.map(count)).toEqual([60, 60]);
    await Promise.all(clients.map((client) => client.close()));
  });
});
