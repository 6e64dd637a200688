import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuthenticationError, bitex, createClient } from '../../src/index.js';
import {
  type BitexSandbox,
  type CassettePlayer,
  startBitexSandbox,
  startCassette,
} from '../../src/testing/index.js';
import { TestClock } from '../support/clock.js';
import { cassetteFolder, credentialsSent, leakedInto } from './support.js';

const BID = {
  data: { type: 'bids', attributes: { orderbook_code: 'btc_usd', amount: 10, price: 1 } },
} as const;
const WITHDRAWAL = {
  data: {
    type: 'coin_withdrawals',
    attributes: {
      to_addresses: 'mk2jCye9XhXxVwfp9FyVMRwYDzQxscB5ev',
      label: 'cold',
      amount: 0.001,
      coin_code: 'btc',
    },
  },
} as const;

type Credentials = BitexSandbox['credentials'];
type Key = { apiKey: string; otp: () => Promise<string> };

/** A Bitex bot: read wallets and keys, bid, withdraw (with a one-time password); a master reads a user's orders. */
async function bot(user: Key, master: Key, managed: number, baseURL: string, clock: TestClock, amount = 10) {
  const client = createClient(bitex({ ...user, baseURL }), { clock, retry: false });
  const boss = createClient(bitex({ ...master, role: 'master', baseURL }), { clock, retry: false });
  try {
    const wallets = await client.call('coinWallets.list');
    const keys = await client.call('apiKeys.list');
    const bid = await client.call('bids.create', {
      body: { data: { ...BID.data, attributes: { ...BID.data.attributes, amount } } },
    });
    const withdrawal = await client.call('coinWithdrawals.create', { body: WITHDRAWAL });
    const theirs = await boss.onBehalfOf(managed).call('orders.list');
    return [wallets, keys, bid, withdrawal, theirs].map((answer) => answer.data);
  } finally {
    await client.close();
    await boss.close();
  }
}

/** Records the bot against a fresh sandbox on a driven clock, then stops the sandbox. */
async function recorded() {
  const folder = await cassetteFolder();
  const path = join(folder, 'bitex.json');
  const clock = new TestClock();
  const sandbox = await startBitexSandbox({ clock });
  const { user, master } = sandbox.credentials as Credentials;
  const keys = [
    { apiKey: user.apiKey, totpSecret: sandbox.totpSecrets.user as string },
    { apiKey: master.apiKey, totpSecret: sandbox.totpSecrets.master as string },
  ];
  const managed = sandbox.users.managed;
  const recorder = await startCassette({ path, exchange: 'bitex', upstream: sandbox.baseURL, keys, clock });
  const live = await bot(user, master, managed, recorder.baseURL, clock);
  await recorder.close();
  await sandbox.close();
  return { folder, path, clock, keys, user, master, managed, live, sent: credentialsSent(sandbox.log) };
}

const replay = (path: string, keys: readonly object[], clock: TestClock): Promise<CassettePlayer> =>
  startCassette({ path, exchange: 'bitex', mode: 'none', keys, clock });

describe('Bitex record and replay', () => {
  it('replays the session with the sandbox stopped: keys and one-time passwords checked', async () => {
    const { path, clock, keys, user, master, managed, live } = await recorded();
    const player = await replay(path, keys, clock);
    const again = await bot(user, master, managed, player.baseURL, clock);
    await player.close();
    // The key list's `token` (the key's last characters) was replaced at write time: the replay answers the placeholder.
    const written = JSON.parse(JSON.stringify(live).replace(/"token":"[^"]*"/g, '"token":"<<api-key>>"'));
    expect(again).toEqual(written);
    expect(JSON.stringify(again)).not.toBe(JSON.stringify(live));
    expect(player.played()).toBe(5);
    expect(player.refusals).toEqual([]);
  });

  it('refuses a key the test did not configure, and a wrong one-time password', async () => {
    const { path, clock, keys, user, master, managed } = await recorded();
    const player = await replay(path, keys, clock);
    const stranger = { ...user, apiKey: 'a-key-this-test-never-configured' };
    await expect(bot(stranger, master, managed, player.baseURL, clock)).rejects.toBeInstanceOf(
      AuthenticationError,
    );
    const guessing = { ...user, otp: async () => '000000' };
    await expect(bot(guessing, master, managed, player.baseURL, clock)).rejects.toBeInstanceOf(
      AuthenticationError,
    );
    await player.close();
    expect(player.refusals.map((refusal) => refusal.rule)).toEqual(['api-key', 'one-time-password']);
  });

  it('reports a miss with the closest recorded request and what differs', async () => {
    const { path, clock, keys, user, master, managed } = await recorded();
    const player = await replay(path, keys, clock);
    await expect(bot(user, master, managed, player.baseURL, clock, 11)).rejects.toMatchObject({
      status: 501,
    });
    await player.close();
    const [miss] = player.misses;
    expect(miss?.closest).toMatchObject({ method: 'POST', path: '/api/bids' });
    expect(miss?.differences).toEqual(['body.data.attributes.amount: recorded 10, received 11']);
  });

  it('writes no key (not even its visible tail), TOTP secret or one-time password into the cassette', async () => {
    const { folder, keys, sent } = await recorded();
    // Two keys, and one one-time password for the withdrawal.
    expect(sent.length).toBeGreaterThanOrEqual(3);
    const tails = keys.map((key) => key.apiKey.slice(-10));
    const forms = [...keys.flatMap((key) => [key.apiKey, key.totpSecret]), ...tails, ...sent];
    expect(await leakedInto(folder, forms)).toEqual([]);
  });
});
