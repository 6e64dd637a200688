import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useSandboxes } from '../redis/sandboxes.js';
import { dump, settles, uniquePrefix, useRedis } from '../redis/support.js';
import { fleet, type Member, strictlyIncreasing, total } from './support.js';

// A fleet of real processes (fork, the built package) on one Kiiex key, each reading its key from a file (its
// credentials source) and coordinated through a real redis-server. The AlphaPoint sandbox in this process counts
// logins and logouts and answers GetUserInfo with the user whose session signed the call: the independent
// expectation. Nothing here waits for time: the test waits for the members' own events.
const redis = useRedis();
const sandboxes = useSandboxes();
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'exchange-auth-fleet-rotation-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const path = (entry: { path: string }) => entry.path.replace(/^\/ap/, '');
const users = (outcomes: { values?: readonly (string | number | null)[] }[]) =>
  outcomes.flatMap((outcome) => outcome.values ?? []).map(String);

describe('a fleet moves to a new key together', () => {
  it('3 processes on one Kiiex key, rotated in one: all move, later calls signed with the new key, the old session logged out once, no call refused', async () => {
    const first = sandboxes.alphapoint.addAccount({});
    const second = sandboxes.alphapoint.addAccount({});
    const ids = sandboxes.alphapoint.accountIds(first.apiKey);
    expect(sandboxes.alphapoint.accountIds(second.apiKey).OMSId).toBe(ids.OMSId);
    const file = join(dir, 'kiiex.json');
    writeFileSync(file, JSON.stringify(first));
    const prefix = uniquePrefix();
    const members: Member[] = await fleet(3, {
      flavour: 'esm',
      redisUrl: redis.url(),
      prefix,
      // Frequent key checks so the test is quick; the members never read their file on a timer of their own.
      coordination: { pollMs: 10, keyCheckMs: 20 },
      clientOptions: { rateLimit: false },
      kiiex: { credentials: first, baseURL: sandboxes.alphapoint.baseURL, ids, credentialsFile: file },
    });
    const [rotator, ...others] = members as [Member, Member, Member];

    const before = await Promise.all(members.map((member) => member.run('kiiex:user', 10)));
    expect(total(before)).toEqual({ ok: 30, errors: [] });
    expect(new Set(users(before))).toEqual(new Set([first.userId]));
    // Each member reads its source once (the same key) and so holds the key in the fleet.
    const unchanged = await Promise.all(members.map((member) => member.run('kiiex:reload', 1)));
    expect(users(unchanged)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(sandboxes.alphapoint.stats()).toMatchObject({ logins: 1, logouts: 0 });

    writeFileSync(file, JSON.stringify(second));
    const moved = others.map((member) => settles(member.event('credentials-rotated'), 'a member to follow'));
    // Calls under way in the followers while the rotator moves: none may be refused.
    const during = others.map((member) => member.run('kiiex:user', 10));
    const rotated = await rotator.run('kiiex:reload', 1);
    expect(rotated).toMatchObject({ ok: 1, errors: [], values: ['rotated'] });
    // The followers never call reloadCredentials: they learn from the fleet that their key was replaced.
    await Promise.all(moved);
    expect(total(await Promise.all(during))).toEqual({ ok: 20, errors: [] });

    const after = await Promise.all(members.map((member) => member.run('kiiex:user', 10)));
    expect(total(after)).toEqual({ ok: 30, errors: [] });
    expect(new Set(users(after))).toEqual(new Set([second.userId]));
    const stats = sandboxes.alphapoint.stats();
    expect(stats.logins).toBe(2);
    expect(stats.logouts).toBe(1);
    // The old session's token was used for nothing after its logout, and nothing was refused.
    const logout = sandboxes.alphapoint.log.findIndex((entry) => path(entry) === '/LogOut');
    const oldToken = sandboxes.alphapoint.log[logout]?.headers.aptoken;
    expect(
      sandboxes.alphapoint.log.slice(logout + 1).some((entry) => entry.headers.aptoken === oldToken),
    ).toBe(false);
    expect(sandboxes.alphapoint.log.filter((entry) => path(entry) === '/GetUserInfo')).toHaveLength(80);

    // Redis holds no credential: neither key's API key or secret, nor a token.
    const tokens = sandboxes.alphapoint.log
      .map((entry) => entry.headers.aptoken)
      .filter((token) => token !== undefined);
    const text = [...(await dump(redis.connect(), prefix))].join('\n');
    for (const secret of [first.apiKey, first.apiSecret, second.apiKey, second.apiSecret, ...tokens])
      expect(text).not.toContain(secret);
    for (const member of members) member.child.send({ exit: true });
  });

  it('3 processes on one bitexbit key, rotated in one: orders go on with 0 refusals, each key its own increasing nonces', async () => {
    const CREATE = 'POST /api/v2/private/order/create';
    const first = sandboxes.bitexbit.addKey({ access: 'trade' });
    const second = sandboxes.bitexbit.addKey({ access: 'trade' });
    const file = join(dir, 'bitexbit.json');
    writeFileSync(file, JSON.stringify(first));
    const members: Member[] = await fleet(3, {
      flavour: 'esm',
      redisUrl: redis.url(),
      prefix: uniquePrefix(),
      coordination: { pollMs: 10, keyCheckMs: 20 },
      clientOptions: { rateLimit: false },
      bitexbit: { credentials: first, baseURL: sandboxes.bitexbit.baseURL, credentialsFile: file },
    });
    const [rotator, ...others] = members as [Member, Member, Member];
    expect(total(await Promise.all(members.map((member) => member.run('bitexbit:order', 10))))).toEqual({
      ok: 30,
      errors: [],
    });
    await Promise.all(members.map((member) => member.run('bitexbit:reload', 1)));

    writeFileSync(file, JSON.stringify(second));
    const moved = others.map((member) => settles(member.event('credentials-rotated'), 'a member to follow'));
    const during = others.map((member) => member.run('bitexbit:order', 10));
    expect(await rotator.run('bitexbit:reload', 1)).toMatchObject({ values: ['rotated'] });
    await Promise.all(moved);
    expect(total(await Promise.all(during))).toEqual({ ok: 20, errors: [] });
    const afterFrom = sandboxes.bitexbit.log.length;
    expect(total(await Promise.all(members.map((member) => member.run('bitexbit:order', 10))))).toEqual({
      ok: 30,
      errors: [],
    });

    // The exchange verified every signature and nonce itself: 80 orders executed, none refused.
    const orders = sandboxes.bitexbit.log.filter((entry) => `${entry.method} ${entry.path}` === CREATE);
    expect(orders).toHaveLength(80);
    expect(sandboxes.bitexbit.executions(CREATE)).toBe(80);
    const byKey = (key: { accessKey: string }) =>
      orders.filter((entry) => entry.headers['x-api-key'] === key.accessKey);
    expect(strictlyIncreasing(byKey(first))).toBe(true);
    expect(strictlyIncreasing(byKey(second))).toBe(true);
    expect(byKey(second).length).toBeGreaterThanOrEqual(30);
    expect(
      sandboxes.bitexbit.log
        .slice(afterFrom)
        .every((entry) => entry.headers['x-api-key'] === second.accessKey),
    ).toBe(true);
    for (const member of members) member.child.send({ exit: true });
  });
});
