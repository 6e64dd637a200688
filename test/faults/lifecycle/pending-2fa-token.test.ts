import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, kiiex } from '../../../src/index.js';
import { closeServers, json, startHttp } from '../support/servers.js';

// A Kiiex deployment whose first login answer carries a Pending2FaToken: the token must go back with the code,
// even though the Kiiex preset ties the code to the login by signing the four headers anew. The loopback
// exchange verifies both itself and issues a session only when both hold.

afterEach(closeServers);

const KEY = 'pendingKey_0123456789';
const SECRET = 'pendingSecret_0123456789abcdef';
const USER = '7';
const PENDING = 'pending-2fa-token-3f9a1c7e';
const CODE = '492039';

const signed = (headers: Record<string, string | string[] | undefined>) =>
  headers.apikey === KEY &&
  headers.userid === USER &&
  headers.signature === createHmac('sha256', SECRET).update(`${headers.nonce}${USER}${KEY}`).digest('hex');

describe('Kiiex preset, a challenge with a Pending2FaToken', () => {
  it('Authenticate2FA carries the pending token and freshly signed headers: 1 login, 1 second step, 1 session', async () => {
    const seen: { path: string; pending: unknown; signed: boolean; code: unknown }[] = [];
    const server = await startHttp((arrival, res, req) => {
      const body = arrival.body ? (JSON.parse(arrival.body) as { Code?: string }) : {};
      const entry = {
        path: arrival.path,
        pending: req.headers.pending2fatoken,
        signed: signed(req.headers),
        code: body.Code,
      };
      seen.push(entry);
      if (arrival.path.endsWith('/AuthenticateUser')) {
        return json(res, 200, {
          Authenticated: true,
          Requires2FA: true,
          TwoFAType: 'Google',
          Pending2FaToken: PENDING,
        });
      }
      if (arrival.path.endsWith('/Authenticate2FA')) {
        if (entry.pending !== PENDING || !entry.signed || entry.code !== CODE) {
          return json(res, 200, {
            Authenticated: false,
            SessionToken: null,
            errormsg: 'No pending two-factor login',
          });
        }
        return json(res, 200, { Authenticated: true, SessionToken: 'session-after-2fa-0123' });
      }
      return json(res, 200, [{ ProductSymbol: 'BTC', Amount: 1 }]);
    });
    const client = createClient(
      kiiex({
        apiKey: KEY,
        apiSecret: SECRET,
        userId: USER,
        baseURL: `${server.origin}/ap`,
        twoFactor: () => CODE,
      }),
      { rateLimit: false, retry: false },
    );
    await client.authenticate();
    expect(seen.map((entry) => entry.path)).toEqual(['/ap/AuthenticateUser', '/ap/Authenticate2FA']);
    expect(seen[1]).toMatchObject({ pending: PENDING, signed: true, code: CODE });
  });
});
