import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type BitexWebhookEvent, bitexWebhookHandler, bitexWebhookVerifier } from '../../src/index.js';
import { type BitexSandbox, startBitexSandbox } from '../../src/testing/index.js';
import { TestClock } from '../support/clock.js';

// The Bitex sandbox sends events as bitex-la/bitex-guides `_docs/webhooks` says Bitex does; the handler runs on a
// real loopback server. The expected header is computed here with node:crypto, never with the library's code.
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.splice(0)) await close();
});

async function sandbox(clock = new TestClock()): Promise<BitexSandbox> {
  const started = await startBitexSandbox({ clock });
  cleanup.push(() => started.close());
  return started;
}

async function receiver(
  options: Omit<Parameters<typeof bitexWebhookHandler>[0], 'onEvent'> & {
    fail?: number;
  },
) {
  const handled: BitexWebhookEvent[] = [];
  let calls = 0;
  let failures = options.fail ?? 0;
  const server: Server = createServer(
    bitexWebhookHandler({
      ...options,
      onEvent: (event) => {
        calls += 1;
        if (failures > 0) {
          failures -= 1;
          throw new Error('the bot could not store it');
        }
        handled.push(event);
      },
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/bitex`;
  const post = (body: string, auth: string | undefined) =>
    fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(auth === undefined ? {} : { 'WEBHOOK-AUTH': auth }),
      },
      body,
    }).then((response) => response.status);
  return { url, handled, post, calls: () => calls };
}

describe('Bitex webhooks', () => {
  it('a delivery signed with the key is handled once and answered 200', async () => {
    const bitex = await sandbox();
    const apiKey = bitex.credentials.user.apiKey;
    const hook = await receiver({ keys: [apiKey] });
    const delivery = await bitex.webhooks.send({ url: hook.url, apiKey, eventType: 'user_enabled' });
    expect(delivery).toMatchObject({ delivered: true, statuses: [200] });
    expect(hook.handled.map((event) => [event.data.id, event.data.attributes.event_type])).toEqual([
      [delivery.id, 'user_enabled'],
    ]);
  });

  it('a failed handling answers 500 and the sandbox delivers again with backoff until 200; handled once', async () => {
    const clock = new TestClock();
    const bitex = await sandbox(clock);
    const apiKey = bitex.credentials.user.apiKey;
    const hook = await receiver({ keys: [apiKey], fail: 2 });
    const delivery = await bitex.webhooks.send({ url: hook.url, apiKey, eventType: 'payment_settled' });
    expect(delivery.statuses).toEqual([500, 500, 200]);
    expect(clock.sleeps).toEqual([1000, 2000]);
    expect(hook.calls()).toBe(3);
    expect(hook.handled).toHaveLength(1);
  });

  it('a forged delivery (another key, no header, a malformed one) is refused with 401 and never handled', async () => {
    const bitex = await sandbox();
    const hook = await receiver({ keys: [bitex.credentials.user.apiKey] });
    const forged = await bitex.webhooks.send({
      url: hook.url,
      apiKey: 'an attacker guessing the key',
      eventType: 'user_enabled',
      maxAttempts: 3,
    });
    expect(forged).toMatchObject({ delivered: false, statuses: [401, 401, 401] });
    const body = forged.body;
    expect(await hook.post(body, undefined)).toBe(401);
    expect(await hook.post(body, 'not-hex')).toBe(401);
    expect(await hook.post(body, sha256(bitex.credentials.master.apiKey))).toBe(401);
    expect(hook.calls()).toBe(0);
  });

  it('a replayed delivery (the same bytes and header again) is answered 200 and not handled twice', async () => {
    const bitex = await sandbox();
    const apiKey = bitex.credentials.user.apiKey;
    const hook = await receiver({ keys: [apiKey] });
    const delivery = await bitex.webhooks.send({ url: hook.url, apiKey, eventType: 'user_enabled' });
    const replays = await Promise.all(
      Array.from({ length: 5 }, () => hook.post(delivery.body, sha256(apiKey))),
    );
    expect(replays).toEqual([200, 200, 200, 200, 200]);
    expect(hook.calls()).toBe(1);
    expect(hook.handled).toHaveLength(1);
  });

  it('during a rotation both keys are accepted; once the old key is dropped its deliveries are refused', async () => {
    const bitex = await sandbox();
    const oldKey = bitex.credentials.user.apiKey;
    const newKey = bitex.createKey(bitex.users.user, ['get_balances']);
    let accepted = [oldKey, newKey];
    const hook = await receiver({ keys: () => accepted });
    const send = (apiKey: string) =>
      bitex.webhooks.send({ url: hook.url, apiKey, eventType: 'user_enabled', maxAttempts: 1 });
    expect((await send(oldKey)).statuses).toEqual([200]);
    expect((await send(newKey)).statuses).toEqual([200]);
    accepted = [newKey];
    expect((await send(oldKey)).statuses).toEqual([401]);
    expect((await send(newKey)).statuses).toEqual([200]);
    expect(hook.handled).toHaveLength(3);
  });

  it('the verifier matches the SHA-256 hex of any accepted key, in either case, and nothing else', () => {
    const verifier = bitexWebhookVerifier(['first key of the account', 'second key of the account']);
    expect(verifier.verify(sha256('second key of the account'))).toBe(true);
    expect(verifier.verify(sha256('first key of the account').toUpperCase())).toBe(true);
    expect(verifier.verify(sha256('third key'))).toBe(false);
    expect(verifier.verify('second key of the account')).toBe(false);
    expect(verifier.verify(undefined)).toBe(false);
    expect(bitexWebhookVerifier([]).verify(sha256(''))).toBe(false);
  });
});
