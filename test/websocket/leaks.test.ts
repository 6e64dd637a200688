import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, kiiex } from '../../src/index.js';
import { type AlphaPointSandbox, startAlphaPointSandbox } from '../../src/testing/index.js';
import { TestClock } from '../support/clock.js';
import { everythingPrintable } from '../support/leaks.js';
import { ORDER, sent, until } from './support.js';

let sandbox: AlphaPointSandbox;
beforeEach(async () => {
  sandbox = await startAlphaPointSandbox();
});
afterEach(() => sandbox.close());

describe('no credential in anything the socket surfaces', () => {
  it('errors, statuses, events and log lines hold no key, secret, signature or token', async () => {
    const { trader } = sandbox.credentials;
    const printed: string[] = [];
    const log = (...args: unknown[]) => printed.push(everythingPrintable(args));
    const client = createClient(kiiex({ ...trader, baseURL: sandbox.baseURL, websocketURL: sandbox.wsURL }), {
      clock: new TestClock(),
      logger: { debug: log, info: log, warn: log, error: log },
    });
    const statuses: unknown[] = [];
    const socket = client.websocket({ onStatus: (status) => statuses.push(status), maxAuthFailures: 2 });
    socket.on((event) => printed.push(everythingPrintable(event)));
    const { accountId } = await socket.connect();
    await socket.subscribe('SubscribeAccountEvents');
    // An order lost in a drop, a renewal after the sessions end, refusals that echo the key.
    sandbox.dropSocketOnNext('SendOrder');
    printed.push(
      everythingPrintable(
        await socket.call('SendOrder', { ...ORDER, AccountId: Number(accountId) }).catch((e: unknown) => e),
      ),
    );
    sandbox.expireAllSessions();
    await socket.call('GetUserInfo', { OMSId: 1 });
    sandbox.expireAllSessions();
    sandbox.refuseNextLogins(10, { errormsg: `bad key ${trader.apiKey} ${trader.apiSecret}` });
    sandbox.dropSockets();
    printed.push(
      everythingPrintable(await socket.call('GetUserInfo', { OMSId: 1 }).catch((e: unknown) => e)),
    );
    await until(() => statuses.some((status) => (status as { type: string }).type === 'breaker-open'));
    printed.push(everythingPrintable(statuses));
    await client.close();

    const tokens = sent(sandbox, 'WebAuthenticateUser').map((payload) => String(payload.SessionToken));
    const signatures = sent(sandbox, 'AuthenticateUser').map((payload) => String(payload.Signature));
    expect(tokens.length).toBeGreaterThan(0);
    expect(signatures.length).toBeGreaterThan(2);
    const text = printed.join('\n');
    expect(text).toContain('bad key');
    for (const secret of [trader.apiKey, trader.apiSecret, ...tokens, ...signatures]) {
      expect(text).not.toContain(secret);
    }
  });
});
