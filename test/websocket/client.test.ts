import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigurationError, ExchangeError, PermissionDeniedError } from '../../src/index.js';
import { type AlphaPointSandbox, startAlphaPointSandbox } from '../../src/testing/index.js';
import { ORDER, sent, socketClient, until } from './support.js';

let sandbox: AlphaPointSandbox;
beforeEach(async () => {
  sandbox = await startAlphaPointSandbox();
});
afterEach(() => sandbox.close());

describe('client.websocket(): frames and calls', () => {
  it('logs in once on the socket, calls with ids even from 2, and reads typed replies', async () => {
    const { client, socket } = socketClient(sandbox);
    const who = await socket.connect();
    expect(who.accountId).toBeDefined();
    const info = await socket.call('GetUserInfo', { OMSId: 1 });
    expect(info.data).toMatchObject({ UserId: Number(sandbox.credentials.trader.userId) });
    const ids = sandbox.frames.map((frame) => (JSON.parse(frame.text) as { i: number }).i);
    expect(ids).toEqual(ids.map((_, index) => 2 + 2 * index));
    const frames = sandbox.frames.map((frame) => JSON.parse(frame.text) as { m: number; o: unknown });
    expect(frames.every((frame) => frame.m === 0 && typeof frame.o === 'string')).toBe(true);
    expect(sandbox.stats().logins).toBe(1);
    await client.close();
    await until(() => sandbox.stats().openSockets === 0);
  });

  it('a plain-text m 5 reply is an ExchangeError, and the socket goes on', async () => {
    const { client, socket } = socketClient(sandbox);
    const { accountId } = await socket.connect();
    // A catalog call this gateway does not serve: `{"m":5,…,"o":"Endpoint Not Found"}`.
    const error = await socket
      .call('GetTreasuryProductsForAccount', { OMSId: 1, AccountId: Number(accountId) })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ExchangeError);
    expect((error as Error).message).toContain('Endpoint Not Found');
    expect((await socket.call('GetUserInfo', { OMSId: 1 })).data).toBeDefined();
    // A name outside the catalog is refused locally, before anything is sent.
    await expect(socket.call('NoSuchFunction' as 'GetUserInfo', { OMSId: 1 })).rejects.toThrow(
      ConfigurationError,
    );
    await expect(
      (socket as unknown as { subscribe: (n: string) => Promise<unknown> }).subscribe('SubscribeNothing'),
    ).rejects.toThrow(ConfigurationError);
    await client.close();
  });

  it('the permission gate refuses before anything is sent', async () => {
    const key = sandbox.addAccount({ permissions: [] });
    const { client, socket } = socketClient(sandbox, key, {}, []);
    const withoutTrading = socket as unknown as { call: (n: string, b: unknown) => Promise<unknown> };
    await expect(withoutTrading.call('SendOrder', { ...ORDER, AccountId: 1 })).rejects.toThrow(
      PermissionDeniedError,
    );
    expect(sandbox.frames).toEqual([]);
    await client.close();
  });

  it('input checks name the field before anything is sent', async () => {
    const { client, socket } = socketClient(sandbox);
    const loose = socket as unknown as { call: (n: string, b: unknown) => Promise<unknown> };
    await expect(loose.call('SendOrder', { ...ORDER, AccountId: 1, Sides: 0 })).rejects.toThrow(/Sides/);
    expect(sandbox.frames).toEqual([]);
    await client.close();
  });

  it('an exchange refusal is an ExchangeError with its code', async () => {
    const { client, socket } = socketClient(sandbox);
    await socket.connect();
    const error = await socket
      .call('GetOrderStatus', { OMSId: 1, AccountId: 999_999, OrderId: 1 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ExchangeError);
    await client.close();
    expect(sent(sandbox, 'GetOrderStatus')).toHaveLength(1);
  });
});
