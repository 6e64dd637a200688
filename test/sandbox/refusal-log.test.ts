import { describe, expect, it } from 'vitest';
import { bitex, createClient, kiiex } from '../../src/index.js';
import { startAlphaPointSandbox, startBitexSandbox } from '../../src/testing/index.js';
import { bench, hmac, ORDER } from '../bitexbit/support.js';
import { TestClock } from '../support/clock.js';

describe('the log names each refusal, and stats() counts them', () => {
  it('bitexbit: a bad signature and a reused nonce, each refused before executing', async () => {
    const { sandbox } = await bench();
    const { accessKey, privateKey } = sandbox.credentials.trade;
    const path = '/api/v2/private/order/create';
    const body = JSON.stringify(ORDER);
    const post = (nonce: string, signature: string) =>
      fetch(`${sandbox.baseURL}${path}`, {
        method: 'POST',
        headers: { 'X-API-Key': accessKey, 'X-Nonce': nonce, 'X-Signature': signature },
        body,
      });
    const signed = (nonce: string) => hmac(privateKey, `${path}${nonce}${body}`);
    expect((await post('5', hmac('not the key', `${path}5${body}`))).status).toBe(401);
    expect((await post('5', signed('5'))).status).toBe(200);
    expect((await post('5', signed('5'))).status).toBe(401);
    expect(sandbox.log.map((entry) => [entry.endpoint, entry.status, entry.refusal, entry.executed])).toEqual(
      [
        ['orders.create', 401, 'bad-signature', false],
        ['orders.create', 200, undefined, true],
        ['orders.create', 401, 'stale-nonce', false],
      ],
    );
    expect(sandbox.stats()).toMatchObject({
      refused: 2,
      refusals: { 'bad-signature': 1, 'stale-nonce': 1 },
      executionsByEndpoint: { 'orders.create': 1 },
    });
  });

  it("Bitex: a read-only key's order is refused for its missing permission", async () => {
    const sandbox = await startBitexSandbox();
    try {
      const answer = await fetch(`${sandbox.baseURL}/bids`, {
        method: 'POST',
        headers: {
          Authorization: sandbox.credentials.readOnly.apiKey,
          Version: '2.1',
          'Content-Type': 'application/vnd.api+json',
        },
        body: JSON.stringify({
          data: { type: 'bids', attributes: { orderbook_code: 'btc_usd', amount: 1, price: 1 } },
        }),
      });
      expect(answer.status).toBe(401);
      expect(sandbox.log[0]).toMatchObject({
        endpoint: 'bids.create',
        refusal: 'missing-permission',
        executed: false,
      });
      expect(sandbox.stats()).toMatchObject({ refused: 1, refusals: { 'missing-permission': 1 } });
    } finally {
      await sandbox.close();
    }
  });

  it('Kiiex: an ended session is refused once, then the client logs in again and the call executes', async () => {
    const sandbox = await startAlphaPointSandbox({ clock: new TestClock() });
    try {
      const credentials = sandbox.addAccount({});
      const client = createClient(kiiex({ ...credentials, baseURL: sandbox.baseURL }), {
        rateLimit: false,
        clock: new TestClock(),
      });
      const ids = sandbox.accountIds(credentials.apiKey);
      await client.call('GetAccountPositions', { body: ids });
      sandbox.expireAllSessions();
      const refusal = sandbox.next({ refusal: 'expired-session' });
      await client.call('GetAccountPositions', { body: ids });
      expect(await refusal).toMatchObject({ endpoint: 'GetAccountPositions', status: 200, executed: false });
      expect(sandbox.stats()).toMatchObject({
        refused: 1,
        refusals: { 'expired-session': 1 },
        executionsByEndpoint: { AuthenticateUser: 2, GetAccountPositions: 2 },
      });
      await client.close();
    } finally {
      await sandbox.close();
    }
  });

  it('Bitex: a client with the right key sees no refusal', async () => {
    const sandbox = await startBitexSandbox();
    try {
      const client = createClient(bitex({ ...sandbox.credentials.user, baseURL: sandbox.baseURL }));
      await client.call('users.me', {});
      expect(sandbox.stats()).toMatchObject({
        refused: 0,
        refusals: {},
        executionsByEndpoint: { 'users.me': 1 },
      });
      await client.close();
    } finally {
      await sandbox.close();
    }
  });
});
