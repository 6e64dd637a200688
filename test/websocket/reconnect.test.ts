import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TransportError } from '../../src/index.js';
import type { AlphaPointEvent } from '../../src/providers/alphapoint/websocket/events.js';
import { type AlphaPointSandbox, startAlphaPointSandbox } from '../../src/testing/index.js';
import { ORDER, sent, socketClient, until } from './support.js';

let sandbox: AlphaPointSandbox;
beforeEach(async () => {
  sandbox = await startAlphaPointSandbox();
});
afterEach(() => sandbox.close());

/** The subscription frames the gateway got on socket number `socket`. */
const subscriptionsOn = (socket: number) =>
  sandbox.frames
    .filter((frame) => frame.socket === socket)
    .map((frame) => (JSON.parse(frame.text) as { n: string }).n)
    .filter((name) => name.startsWith('Subscribe'))
    .sort();

const tcpHandles = () => process.getActiveResourcesInfo().filter((name) => name.startsWith('TCP')).length;

describe('reconnection', () => {
  it('a dropped socket reconnects, authenticates before anything else, and restores every subscription', async () => {
    const { client, socket, statuses } = socketClient(sandbox);
    const events: AlphaPointEvent[] = [];
    socket.on((event) => events.push(event));
    const { accountId } = await socket.connect();
    await socket.subscribe('SubscribeAccountEvents');
    await socket.subscribe('SubscribeLevel1', { OMSId: 1, InstrumentId: 1 });
    expect(sandbox.dropSockets()).toBe(1);
    await until(() => statuses.filter((status) => status.type === 'authenticated').length === 2);
    const second = sandbox.frames
      .filter((frame) => frame.socket === 2)
      .map((frame) => JSON.parse(frame.text).n);
    expect(second[0]).toBe('WebAuthenticateUser');
    expect(subscriptionsOn(2)).toEqual(['SubscribeAccountEvents', 'SubscribeLevel1']);
    // Both are live on the new socket: an order placed over HTTP and a market move each arrive.
    await client.call('SendOrder', { body: { ...ORDER, AccountId: Number(accountId) } });
    sandbox.moveMarket({ BestBid: 101 });
    await until(() => events.some((event) => event.name === 'OrderStateEvent'));
    await until(() => events.some((event) => event.name === 'Level1UpdateEvent'));
    expect(events.every((event) => event.drift === undefined)).toBe(true);
    await client.close();
  });

  it('50 drops in a row end with every subscription live and nothing leaked', async () => {
    const { client, socket, statuses, clock } = socketClient(sandbox);
    const events: AlphaPointEvent[] = [];
    socket.on((event) => events.push(event));
    const reader = socket.events();
    await socket.connect();
    await socket.subscribe('SubscribeAccountEvents');
    await socket.subscribe('SubscribeLevel1', { OMSId: 1, InstrumentId: 1 });
    const handlesBefore = tcpHandles();
    const timersBefore = clock.pendingTimers;
    for (let drop = 1; drop <= 50; drop += 1) {
      expect(sandbox.dropSockets()).toBe(1);
      await until(() => statuses.filter((status) => status.type === 'authenticated').length === drop + 1);
    }
    expect(sandbox.stats().socketsOpened).toBe(51);
    await until(() => sandbox.stats().openSockets === 1);
    expect(socket.stats()).toMatchObject({
      connections: 51,
      drops: 50,
      subscriptions: 2,
      readers: 1,
      listeners: 1,
      waiting: 0,
      openSockets: 1,
    });
    expect(subscriptionsOn(51)).toEqual(['SubscribeAccountEvents', 'SubscribeLevel1']);
    expect(sandbox.stats().logins).toBe(1);
    // No timer, socket or handle outlives its connection.
    expect(clock.pendingTimers).toBe(timersBefore);
    expect(tcpHandles()).toBe(handlesBefore);
    sandbox.moveMarket({ BestBid: 102 });
    await until(() => events.some((event) => event.name === 'Level1UpdateEvent'));
    const first = await reader.next();
    expect(first.value?.name).toBe('Level1UpdateEvent');
    await client.close();
    expect(socket.stats()).toMatchObject({ readers: 0, listeners: 0 });
    expect(await reader.next()).toEqual({ value: undefined, done: true });
    await until(() => socket.stats().openSockets === 0);
  });

  it('a SendOrder whose reply is lost in a drop is executed once, reported unknown, and never sent again', async () => {
    const { client, socket, statuses } = socketClient(sandbox);
    const { accountId } = await socket.connect();
    sandbox.dropSocketOnNext('SendOrder');
    const error = await socket
      .call('SendOrder', { ...ORDER, AccountId: Number(accountId) })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).outcome).toBe('unknown');
    await until(() => statuses.filter((status) => status.type === 'authenticated').length === 2);
    await socket.call('GetUserInfo', { OMSId: 1 });
    expect(sandbox.stats().executions.SendOrder).toBe(1);
    expect(sent(sandbox, 'SendOrder')).toHaveLength(1);
    await client.close();
  });

  it('a read whose reply is lost in a drop is sent again on the next connection', async () => {
    const { client, socket } = socketClient(sandbox);
    await socket.connect();
    sandbox.dropSocketOnNext('GetUserInfo');
    const info = await socket.call('GetUserInfo', { OMSId: 1 });
    expect(info.data).toMatchObject({ UserId: Number(sandbox.credentials.trader.userId) });
    expect(sent(sandbox, 'GetUserInfo')).toHaveLength(2);
    await client.close();
  });
});

describe('keep-alive', () => {
  it('a stalled connection gets a Ping, then is ended at the dead deadline and replaced', async () => {
    const { client, socket, statuses, clock } = socketClient(sandbox, undefined, {
      pingIntervalMs: 10_000,
      deadAfterMs: 5_000,
    });
    await socket.connect();
    await clock.advance(10_000);
    await until(() => sent(sandbox, 'Ping').length === 1);
    // A reply sent after the pong proves the pong arrived (the gateway answers in order).
    await socket.call('GetUserInfo', { OMSId: 1 });
    await clock.advance(5_000);
    expect(statuses.some((status) => status.type === 'dead')).toBe(false);
    sandbox.stallSockets();
    await clock.advance(5_000);
    await until(() => sent(sandbox, 'Ping').length === 2);
    await clock.advance(5_000);
    await until(() => statuses.some((status) => status.type === 'dead'));
    await until(() => statuses.filter((status) => status.type === 'authenticated').length === 2);
    await client.close();
  });
});
