import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bitexbit, createClient } from '../../src/index.js';
import { type CassettePlayer, startBitexbitSandbox, startCassette } from '../../src/testing/index.js';
import { TestClock } from '../support/clock.js';
import { cassetteFolder, credentialsSent, leakedInto } from './support.js';

const ORDER = { symbol: 'BTC_USD', price: '30000', amount: '0.001', type: 'buy-limit' } as const;

type Key = { accessKey: string; privateKey: string; access: 'withdraw' };

/** A market maker's session: read the balance twice, place an order, read withdrawals through the gateway. */
async function bot(key: Key, baseURL: string, clock: TestClock) {
  const client = createClient(bitexbit({ ...key, baseURL }), { clock, retry: false });
  try {
    await client.call('balance.get');
    await client.call('balance.get');
    const placed = await client.call('orders.create', { body: ORDER });
    const withdrawals = await client.call('withdrawals.list');
    return { placed: placed.data, withdrawals: withdrawals.data };
  } finally {
    await client.close();
  }
}

/** Records the bot against a fresh sandbox, then stops the sandbox: what a suite's first run does. */
async function recorded() {
  const folder = await cassetteFolder();
  const path = join(folder, 'bitexbit.json');
  const clock = new TestClock();
  const sandbox = await startBitexbitSandbox({ clock });
  const key = sandbox.addKey({ access: 'withdraw' }) as Key;
  const recorder = await startCassette({
    path,
    exchange: 'bitexbit',
    mode: 'once',
    upstream: sandbox.baseURL,
    keys: [key],
  });
  expect(recorder.recording).toBe(true);
  const live = await bot(key, recorder.baseURL, clock);
  await recorder.close();
  const sent = credentialsSent(sandbox.log);
  await sandbox.close();
  return { folder, path, clock, key, live, sent, received: sandbox.log.length };
}

const replay = (path: string, key: Key, clock: TestClock): Promise<CassettePlayer> =>
  startCassette({ path, exchange: 'bitexbit', mode: 'none', keys: [key], clock });

describe('bitexbit record and replay', () => {
  it('replays a recorded session with the sandbox stopped, signatures verified with the test key', async () => {
    const { path, clock, key, live, received } = await recorded();
    expect(received).toBe(4);
    const player = await replay(path, key, clock);
    const again = await bot(key, player.baseURL, clock);
    await player.close();
    expect(again).toEqual(live);
    expect(player.played()).toBe(4);
    expect(player.refusals).toEqual([]);
    expect(player.misses).toEqual([]);
  });

  it('replays with a fixture key of its own: no real key is needed where the cassette is replayed', async () => {
    const { path, clock, live } = await recorded();
    const fixture: Key = { accessKey: 'ak_fixture_key', privateKey: 'sk_fixture_secret', access: 'withdraw' };
    const player = await replay(path, fixture, clock);
    expect(await bot(fixture, player.baseURL, clock)).toEqual(live);
    await player.close();
    expect([player.played(), player.refusals.length]).toEqual([4, 0]);
  });

  it('refuses a client that signs with another private key, naming the signature rule', async () => {
    const { path, clock, key } = await recorded();
    const player = await replay(path, key, clock);
    const wrong = { ...key, privateKey: `${key.privateKey}x` };
    await expect(bot(wrong, player.baseURL, clock)).rejects.toMatchObject({ status: 401 });
    await player.close();
    expect(player.refusals.map((refusal) => refusal.rule)).toEqual(['signature']);
    expect(player.played()).toBe(0);
  });

  it('refuses a nonce that does not increase, and a gateway deadline behind the replay clock', async () => {
    const { path, clock, key } = await recorded();
    const player = await replay(path, key, clock);
    const signedGet = async (nonce: string) => {
      const path = '/api/v2/private/balance';
      const signature = createHmac('sha256', key.privateKey).update(`${path}${nonce}`).digest('hex');
      const headers = { 'X-API-Key': key.accessKey, 'X-Nonce': nonce, 'X-Signature': signature };
      return (await fetch(`${player.baseURL}${path}`, { headers })).status;
    };
    expect(await signedGet('5000')).toBe(200);
    expect(await signedGet('4999')).toBe(401);
    player.shiftClock(24 * 3_600_000);
    const client = createClient(bitexbit({ ...key, baseURL: player.baseURL }), { clock, retry: false });
    await expect(client.call('withdrawals.list')).rejects.toMatchObject({ status: 401 });
    await client.close();
    await player.close();
    expect(player.refusals.map((refusal) => refusal.rule)).toEqual(['nonce', 'deadline']);
  });

  it('reports a miss with the closest recorded request and what differs', async () => {
    const { path, clock, key } = await recorded();
    const player = await replay(path, key, clock);
    const client = createClient(bitexbit({ ...key, baseURL: player.baseURL }), { clock, retry: false });
    await expect(client.call('orders.create', { body: { ...ORDER, amount: '0.002' } })).rejects.toMatchObject(
      {
        status: 501,
      },
    );
    await client.close();
    await player.close();
    const [miss] = player.misses;
    expect(miss?.closest).toMatchObject({ method: 'POST', path: '/api/v2/private/order/create' });
    expect(miss?.differences).toEqual(['body.amount: recorded "0.001", received "0.002"']);
    expect(miss?.message).toContain('closest recorded: POST /api/v2/private/order/create');
  });

  it('writes no key, secret, signature or nonce into the cassette', async () => {
    const { folder, key, sent } = await recorded();
    expect(sent.length).toBeGreaterThanOrEqual(9);
    const forms = [key.accessKey, key.privateKey, ...sent];
    expect(await leakedInto(folder, forms)).toEqual([]);
  });
});
