import { describe, expect, it } from 'vitest';
import { bitex, createClient, PermissionDeniedError, type RequiredPermission } from '../../src/index.js';
import type { LoopbackServer } from '../../src/testing/index.js';
import { thrown } from '../support/leaks.js';
import { bitexOn, expectRefused, KEY, startRecorder } from './support.js';

/** One Bitex catalog entry needing each permission. */
const ENTRY: Record<RequiredPermission, { method: 'GET' | 'POST'; path: string }> = {
  public: { method: 'GET', path: '/tickers' },
  read: { method: 'GET', path: '/users/me' },
  trade: { method: 'POST', path: '/bids' },
  withdraw: { method: 'POST', path: '/coin_withdrawals' },
  'manage-users': { method: 'GET', path: '/users' },
};
const ALL = Object.keys(ENTRY) as RequiredPermission[];
const RANK: Partial<Record<RequiredPermission, number>> = { public: 0, read: 1, trade: 2, withdraw: 3 };

/** The rule: a given permission lowers the catalog's unless equal or strictly higher in public < read < trade < withdraw. */
function lowers(given: RequiredPermission, catalog: RequiredPermission): boolean {
  if (given === catalog) return false;
  const from = RANK[catalog];
  const to = RANK[given];
  return from === undefined || to === undefined || to <= from;
}

/** A master client granted everything, on `server`. */
function everything(server: LoopbackServer) {
  return createClient(
    bitex({ apiKey: KEY, role: 'master', baseURL: `${server.origin}/api`, otp: () => '123456' }),
    { retry: false, rateLimit: false },
  );
}

describe('`permission` may raise a catalog entry’s requirement, never lower it', () => {
  it("a read-only key's request({ permission: 'read' }) for a cancel that needs 'trade' is refused", async () => {
    const server = await startRecorder();
    const error = await expectRefused(
      () => bitexOn(server).request({ method: 'POST', path: '/bids/12/cancel', permission: 'read' }),
      server,
      'permission',
      'read',
    );
    expect(error.message).toContain("'trade'");
  });

  it("a key granted everything cannot send a read endpoint as 'public' (without credentials) either", async () => {
    const server = await startRecorder();
    await expectRefused(
      () => everything(server).request({ method: 'GET', path: '/users/me', permission: 'public' }),
      server,
      'permission',
      'public',
    );
  });

  for (const catalog of ALL) {
    for (const given of ALL) {
      const verdict = lowers(given, catalog) ? 'refused' : 'sent';
      it(`'${given}' on an entry needing '${catalog}' is ${verdict}`, async () => {
        const server = await startRecorder();
        const entry = ENTRY[catalog];
        const body = entry.method === 'POST' ? {} : undefined;
        // The catalog's body check is not under test here: `unchecked` sends the empty body as given.
        const send = () => everything(server).request({ ...entry, body, permission: given, unchecked: true });
        if (verdict === 'refused') {
          await expectRefused(send, server, 'permission', given);
        } else {
          await send();
          expect(server.log).toHaveLength(1);
          // Credentials go on whatever is not public, so a raise from 'public' is signed.
          expect(server.log[0]?.headers.authorization === KEY).toBe(given !== 'public');
        }
      });
    }
  }
});

describe('a raised permission is enforced by the local gate', () => {
  it("a read-only key's GET /users/me raised to 'trade' is denied locally", async () => {
    const server = await startRecorder();
    const error = await thrown(() =>
      bitexOn(server).request({ method: 'GET', path: '/users/me', permission: 'trade' }),
    );
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect((error as PermissionDeniedError).required).toBe('trade');
    expect((error as PermissionDeniedError).source).toBe('local');
    expect(server.log).toEqual([]);
  });

  it("on an uncatalogued path: 'read' is sent, 'trade' is denied to a read-only key", async () => {
    const server = await startRecorder();
    await bitexOn(server).request({ method: 'POST', path: '/reports/daily', permission: 'read', body: {} });
    expect(server.log).toHaveLength(1);
    const error = await thrown(() =>
      bitexOn(server).request({ method: 'POST', path: '/reports/daily', permission: 'trade', body: {} }),
    );
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect((error as PermissionDeniedError).required).toBe('trade');
    expect(server.log).toHaveLength(1);
  });

  it("while a trading key's raised request is sent", async () => {
    const server = await startRecorder();
    await bitexOn(server, ['trade']).request({ method: 'GET', path: '/users/me', permission: 'trade' });
    await bitexOn(server, ['trade']).request({ method: 'POST', path: '/reports/daily', permission: 'trade' });
    expect(server.log.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /api/users/me',
      'POST /api/reports/daily',
    ]);
  });
});
