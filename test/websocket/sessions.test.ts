import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthenticationError } from '../../src/index.js';
import { type AlphaPointSandbox, startAlphaPointSandbox } from '../../src/testing/index.js';
import { sent, socketClient, until } from './support.js';

// The exchange's own counts (logins, login attempts, frames received) are the expectation.

let sandbox: AlphaPointSandbox;
beforeEach(async () => {
  sandbox = await startAlphaPointSandbox();
});
afterEach(() => sandbox.close());

describe('one session per key, whatever the channel', () => {
  it('HTTP first, then the socket: 1 login; the socket sends the HTTP token to WebAuthenticateUser', async () => {
    const { client, socket } = socketClient(sandbox);
    await client.call('GetUserInfo', { body: { OMSId: 1 } });
    await socket.connect();
    await socket.call('GetUserInfo', { OMSId: 1 });
    await client.call('GetUserInfo', { body: { OMSId: 1 } });
    expect(sandbox.stats().logins).toBe(1);
    expect(sent(sandbox, 'AuthenticateUser')).toHaveLength(0);
    expect(sent(sandbox, 'WebAuthenticateUser')).toHaveLength(1);
    await client.close();
  });

  it('the socket first, then HTTP: 1 login, on the socket, and HTTP rides its token', async () => {
    const { client, socket } = socketClient(sandbox);
    await socket.connect();
    await client.call('GetUserInfo', { body: { OMSId: 1 } });
    await socket.call('GetUserInfo', { OMSId: 1 });
    expect(sandbox.stats().logins).toBe(1);
    expect(sent(sandbox, 'AuthenticateUser')).toHaveLength(1);
    expect(sandbox.log.filter((request) => request.path.endsWith('/AuthenticateUser'))).toHaveLength(0);
    await client.close();
  });

  it('the login on the socket carries UserId and Nonce as strings, signed over a fresh nonce each time', async () => {
    const { client, socket, statuses } = socketClient(sandbox);
    await socket.connect();
    sandbox.expireAllSessions();
    sandbox.dropSockets();
    await until(() => statuses.filter((status) => status.type === 'authenticated').length === 2);
    const logins = sent(sandbox, 'AuthenticateUser');
    expect(logins).toHaveLength(2);
    for (const login of logins) {
      expect(typeof login.UserId).toBe('string');
      expect(typeof login.Nonce).toBe('string');
    }
    expect(logins[0]?.Nonce).not.toBe(logins[1]?.Nonce);
    expect(logins[0]?.Signature).not.toBe(logins[1]?.Signature);
    // The second connection first offered the old token (refused), then logged in anew.
    expect(sent(sandbox, 'WebAuthenticateUser')).toHaveLength(1);
    expect(sandbox.stats().logins).toBe(2);
    await client.close();
  });

  it('errorcode 20 on a call renews the shared session once and sends the call once more', async () => {
    const { client, socket } = socketClient(sandbox);
    await socket.connect();
    sandbox.expireAllSessions();
    const info = await socket.call('GetUserInfo', { OMSId: 1 });
    expect(info.data).toMatchObject({ UserId: Number(sandbox.credentials.trader.userId) });
    expect(sandbox.stats().logins).toBe(2);
    expect(sent(sandbox, 'GetUserInfo')).toHaveLength(2);
    // HTTP uses the renewed session: no third login.
    await client.call('GetUserInfo', { body: { OMSId: 1 } });
    expect(sandbox.stats().logins).toBe(2);
    await client.close();
  });

  it('a second factor is answered on the socket with Authenticate2FA {Code}', async () => {
    const { client, socket } = socketClient(sandbox, sandbox.credentials.twoFactor);
    await socket.connect();
    expect(sent(sandbox, 'Authenticate2FA')).toHaveLength(1);
    expect(Object.keys(sent(sandbox, 'Authenticate2FA')[0] ?? {})).toEqual(['Code']);
    await client.call('GetUserInfo', { body: { OMSId: 1 } });
    expect(sandbox.stats().logins).toBe(1);
    await client.close();
  });
});

describe('the breaker', () => {
  it('stops a refused key after maxAuthFailures attempts, and calls fail with the refusal', async () => {
    const { client, socket, statuses } = socketClient(sandbox, undefined, { maxAuthFailures: 3 });
    sandbox.refuseNextLogins(1_000);
    const error = await socket.connect().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(sandbox.stats().loginAttempts).toBe(3);
    expect(statuses.filter((status) => status.type === 'breaker-open')).toHaveLength(1);
    await expect(socket.call('GetUserInfo', { OMSId: 1 })).rejects.toThrow(AuthenticationError);
    expect(sandbox.stats().loginAttempts).toBe(3);
    await client.close();
  });

  it('a locked account trips it at once', async () => {
    const { client, socket } = socketClient(sandbox, sandbox.credentials.locked);
    await expect(socket.connect()).rejects.toThrow(/locked/);
    expect(sandbox.stats().loginAttempts).toBe(1);
    await client.close();
  });
});
