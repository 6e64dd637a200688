import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuthenticationError, alphapointSignature, createClient, kiiex, ndax } from '../../src/index.js';
import {
  type AlphaPointCredentials,
  type CassettePlayer,
  startAlphaPointSandbox,
  startCassette,
} from '../../src/testing/index.js';
import { cassetteFolder, credentialsSent, leakedInto } from './support.js';

const ORDER = { InstrumentId: 1, Side: 0, Quantity: 0.01, LimitPrice: 100, OrderType: 2 } as const;
type Ids = { OMSId: number; AccountId: number };

/** A Kiiex bot's session: log in (with a second factor when the key has one), place an order, read positions. */
async function bot(
  credentials: AlphaPointCredentials,
  baseURL: string,
  ids: Ids,
  quantity: number = ORDER.Quantity,
) {
  const client = createClient(kiiex({ ...credentials, baseURL }), { retry: false });
  try {
    const placed = await client.call('SendOrder', { body: { ...ORDER, Quantity: quantity, ...ids } });
    const positions = await client.call('GetAccountPositions', { body: ids });
    return { placed: placed.data, positions: positions.data };
  } finally {
    await client.close();
  }
}

/** Records the trader's and the two-factor user's sessions against a fresh sandbox, then stops it. */
async function recorded() {
  const folder = await cassetteFolder();
  const path = join(folder, 'kiiex.json');
  const sandbox = await startAlphaPointSandbox();
  const { trader, twoFactor } = sandbox.credentials;
  const keys = [trader, { ...twoFactor, totpSecret: sandbox.totpSecrets.twoFactor as string }];
  const ids = { trader: sandbox.accountIds(trader.apiKey), twoFactor: sandbox.accountIds(twoFactor.apiKey) };
  const recorder = await startCassette({ path, exchange: 'alphapoint', upstream: sandbox.baseURL, keys });
  const live = [
    await bot(trader, recorder.baseURL, ids.trader),
    await bot(twoFactor, recorder.baseURL, ids.twoFactor),
  ];
  await recorder.close();
  await sandbox.close();
  const logins = sandbox.stats().logins;
  return { folder, path, keys, ids, live, logins, sent: credentialsSent(sandbox.log), trader, twoFactor };
}

const replay = (path: string, keys: readonly object[]): Promise<CassettePlayer> =>
  startCassette({ path, exchange: 'alphapoint', mode: 'none', keys });

describe('Kiiex (AlphaPoint) record and replay', () => {
  it('replays both sessions with the sandbox stopped: logins verified, tokens the replay issued', async () => {
    const { path, keys, ids, live, logins, trader, twoFactor } = await recorded();
    expect(logins).toBe(2);
    const player = await replay(path, keys);
    const again = [
      await bot(trader, player.baseURL, ids.trader),
      await bot(twoFactor, player.baseURL, ids.twoFactor),
    ];
    await player.close();
    expect(again).toEqual(live);
    expect(player.refusals).toEqual([]);
    expect(player.misses).toEqual([]);
    // Two logins, one second factor, two orders, two position reads, two logouts.
    expect(player.played()).toBe(9);
  });

  it('refuses a login signed with another secret', async () => {
    const { path, keys, ids, trader } = await recorded();
    const player = await replay(path, keys);
    const wrong = { ...trader, apiSecret: `${trader.apiSecret}0` };
    await expect(bot(wrong, player.baseURL, ids.trader)).rejects.toBeInstanceOf(AuthenticationError);
    await player.close();
    expect(player.refusals.map((refusal) => refusal.rule)).toEqual(['signature']);
  });

  it('refuses an aptoken the replayed login did not issue, and a wrong one-time password', async () => {
    const { path, keys, ids, trader, twoFactor } = await recorded();
    const player = await replay(path, keys);
    const forged = await fetch(`${player.baseURL}/SendOrder`, {
      method: 'POST',
      headers: { aptoken: 'a-token-nobody-issued', 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...ORDER, ...ids.trader }),
    });
    expect(await forged.json()).toMatchObject({ errorcode: 20 });
    const wrongCode = { ...twoFactor, twoFactor: async () => '000000' };
    await expect(bot(wrongCode, player.baseURL, ids.twoFactor)).rejects.toBeInstanceOf(AuthenticationError);
    await player.close();
    expect(player.refusals.map((refusal) => refusal.rule)).toEqual(['session-token', 'one-time-password']);
    expect(trader.apiKey).not.toBe(twoFactor.apiKey);
  });

  it("refuses one session's aptoken on a request recorded in another session", async () => {
    const { path, keys, ids, trader } = await recorded();
    const player = await replay(path, keys);
    const nonce = '7';
    const login = await fetch(`${player.baseURL}/AuthenticateUser`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        APIKey: trader.apiKey,
        UserId: trader.userId,
        Nonce: nonce,
        Signature: alphapointSignature(trader.apiSecret, nonce, trader.userId, trader.apiKey),
      },
      body: '{}',
    });
    const { SessionToken: token } = (await login.json()) as { SessionToken: string };
    expect(token).toMatch(/^replay-session-token-/);
    const post = (name: string, body: object) =>
      fetch(`${player.baseURL}/${name}`, {
        method: 'POST',
        headers: { aptoken: token, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }).then((answer) => answer.json());
    // The two-factor user's position read was recorded in the second session: the trader's token does not fit.
    expect(await post('GetAccountPositions', ids.twoFactor)).toMatchObject({ errorcode: 20 });
    expect(await post('GetAccountPositions', ids.trader)).toBeInstanceOf(Array);
    await player.close();
    expect(player.refusals.map((refusal) => refusal.rule)).toEqual(['session-token']);
    expect(player.refusals[0]?.message).toContain('<<session-token:2>>');
  });

  it('reports a miss with the closest recorded request and what differs', async () => {
    const { path, keys, ids, trader } = await recorded();
    const player = await replay(path, keys);
    await expect(bot(trader, player.baseURL, ids.trader, 0.02)).rejects.toMatchObject({ status: 501 });
    await player.close();
    const [miss] = player.misses;
    expect(miss?.closest).toMatchObject({ method: 'POST', path: '/ap/SendOrder' });
    expect(miss?.differences).toEqual(['body.Quantity: recorded 0.01, received 0.02']);
  });

  it('writes no key, secret, signature, nonce, session token or one-time password into the cassette', async () => {
    const { folder, keys, sent } = await recorded();
    // Per session: APIKey, Signature, Nonce, then aptoken; the second factor adds a signed request and a Code.
    expect(sent.length).toBeGreaterThanOrEqual(10);
    const forms = [
      ...keys.flatMap((key) => Object.values(key).filter((v) => typeof v === 'string')),
      ...sent,
    ];
    const readable = keys.map((key) => key.userId);
    expect(
      await leakedInto(
        folder,
        forms.filter((form) => !readable.includes(form)),
      ),
    ).toEqual([]);
  });
});

describe('NDAX (AlphaPoint, pending-token second factor) record and replay', () => {
  it('replays a GET Authenticate2FA whose Pending2FaToken must be the one the replayed challenge issued', async () => {
    const folder = await cassetteFolder();
    const path = join(folder, 'ndax.json');
    const sandbox = await startAlphaPointSandbox({ twoFactorStep: { method: 'GET', send: 'pending-token' } });
    const { twoFactor } = sandbox.credentials;
    const ids = sandbox.accountIds(twoFactor.apiKey);
    const keys = [{ ...twoFactor, totpSecret: sandbox.totpSecrets.twoFactor as string }];
    const session = async (baseURL: string) => {
      const client = createClient(ndax({ ...twoFactor, baseURL }), { retry: false });
      try {
        return (await client.call('GetAccountPositions', { body: ids })).data;
      } finally {
        await client.close();
      }
    };
    const recorder = await startCassette({ path, exchange: 'alphapoint', upstream: sandbox.baseURL, keys });
    const live = await session(recorder.baseURL);
    await recorder.close();
    await sandbox.close();
    const sent = credentialsSent(sandbox.log);
    expect(sandbox.log.some((entry) => entry.headers.pending2fatoken !== undefined)).toBe(true);
    expect(await leakedInto(folder, [twoFactor.apiKey, twoFactor.apiSecret, ...sent])).toEqual([]);

    const player = await startCassette({ path, exchange: 'alphapoint', mode: 'none', keys });
    const forged = await fetch(`${player.baseURL}/Authenticate2FA?Code=123456`, {
      headers: { Pending2FaToken: 'never-issued' },
    });
    expect(await forged.json()).toMatchObject({ errorcode: 20 });
    expect(await session(player.baseURL)).toEqual(live);
    await player.close();
    expect(player.refusals.map((refusal) => refusal.rule)).toEqual(['pending-2fa-token']);
    expect(player.misses).toEqual([]);
  });
});
