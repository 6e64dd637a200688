import { describe, expect, it } from 'vitest';
import { ExchangeError } from '../../src/index.js';
import { Connection } from '../../src/providers/alphapoint/websocket/connection.js';
import { readEvent } from '../../src/providers/alphapoint/websocket/events.js';
import { decodeFrame, encodeFrame } from '../../src/providers/alphapoint/websocket/frames.js';
import { readReply } from '../../src/providers/alphapoint/websocket/replies.js';
import { EventBuffer } from '../../src/socket/event-buffer.js';
import type { TextSocket } from '../../src/socket/text-socket.js';

/** A socket the test plays the gateway of. */
function fakeSocket() {
  const sent: string[] = [];
  let receive: (text: string) => void = () => undefined;
  let end: () => void = () => undefined;
  const socket: TextSocket = {
    send: (text) => {
      sent.push(text);
      return true;
    },
    terminate: () => end(),
    onMessage: (listener) => {
      receive = listener;
    },
    onEnd: (listener) => {
      end = listener;
    },
  };
  return { socket, sent, receive: (text: string) => receive(text) };
}

const REPLY_CONTEXT = {
  provider: 'kiiex',
  name: 'GetUserInfo',
  idempotent: true,
  response: undefined,
  redact: (text: string) => text,
};

describe('frames', () => {
  it('the documented AuthenticateUser frame, byte for byte (reference/alphapoint-websocket.md 1.3)', () => {
    const payload = JSON.stringify({
      APIKey: '28c68ac3fcfafc3d4e8d653fe57e5baf',
      Signature: 'e7090b97250335a14c2cbc209a860984ab875f5978442feb17943f5e2fbed78e',
      UserId: '96',
      Nonce: '2247733562',
    });
    const frame = encodeFrame(2, 'AuthenticateUser', payload);
    expect(frame).toBe(
      '{"m":0,"i":2,"n":"AuthenticateUser","o":"{\\"APIKey\\":\\"28c68ac3fcfafc3d4e8d653fe57e5baf\\",\\"Signature\\":\\"e7090b97250335a14c2cbc209a860984ab875f5978442feb17943f5e2fbed78e\\",\\"UserId\\":\\"96\\",\\"Nonce\\":\\"2247733562\\"}"}',
    );
    expect(frame.length).toBe(218);
  });

  it('text that is not a frame is ignored, never thrown', () => {
    for (const text of ['not json', '{"m":0}', 'null', '[1,2]']) expect(decodeFrame(text)).toBeUndefined();
  });

  it('a reply is matched on m and i together: an event carrying the same i does not settle the request', async () => {
    const { socket, sent, receive } = fakeSocket();
    const events: string[] = [];
    const connection = new Connection(
      socket,
      () => 0,
      (frame) => events.push(frame.n),
      () => undefined,
    );
    const reply = connection.request('GetUserInfo', '{}');
    const { i } = JSON.parse(sent[0] ?? '') as { i: number };
    expect(i).toBe(2);
    receive(JSON.stringify({ m: 3, i, n: 'Level1UpdateEvent', o: '{}' }));
    expect(connection.waiting).toBe(1);
    receive(JSON.stringify({ m: 1, i, n: 'GetUserInfo', o: '{"UserId":1}' }));
    expect((await reply).o).toBe('{"UserId":1}');
    expect(events).toEqual(['Level1UpdateEvent']);
  });

  it('an m 5 frame with plain text in o is an ExchangeError, not a crash', () => {
    const frame = { m: 5, i: 26, n: 'NoSuchFunction', o: 'Endpoint Not Found' };
    expect(() => readReply(frame, REPLY_CONTEXT)).toThrow(ExchangeError);
    expect(() => readReply(frame, REPLY_CONTEXT)).toThrow(/Endpoint Not Found/);
  });

  it('the session refusal (errorcode 20) is read as such, other refusals are ExchangeErrors with their code', () => {
    const refused = {
      m: 1,
      i: 2,
      n: 'GetUserInfo',
      o: '{"result":false,"errormsg":"Not Authorized","errorcode":20}',
    };
    expect(readReply(refused, REPLY_CONTEXT)).toEqual({ kind: 'session-refused' });
    const other = { ...refused, o: '{"result":false,"errormsg":"Resource Not Found","errorcode":104}' };
    expect(() => readReply(other, REPLY_CONTEXT)).toThrow(expect.objectContaining({ exchangeCode: 104 }));
  });
});

describe('events and the drift policy', () => {
  it('a documented event that matches is typed; one that drifts is delivered as sent, with drift', () => {
    // Every field GetAccountPositions documents as required (the APEX 3.5 notional ones are optional).
    const position = {
      ...{ OMSId: 1, AccountId: 7, ProductSymbol: 'BTC', ProductId: 1, Amount: 10.5, Hold: 0 },
      ...{ PendingDeposits: 0, PendingWithdraws: 0, TotalDayDeposits: 0, TotalMonthDeposits: 0 },
      ...{ TotalYearDeposits: 0, TotalYearDepositNotional: 0, TotalDayWithdraws: 0, TotalMonthWithdraws: 0 },
      ...{ TotalYearWithdraws: 0, TotalYearWithdrawNotional: 0 },
    };
    const good = readEvent({ m: 3, i: 8, n: 'AccountPositionEvent', o: JSON.stringify(position) });
    expect(good.drift).toBeUndefined();
    const drifted = readEvent({ m: 3, i: 10, n: 'AccountPositionEvent', o: '{"AccountId":"seven"}' });
    expect(drifted.drift?.issues.length).toBeGreaterThan(0);
    expect(drifted.data).toEqual({ AccountId: 'seven' });
    const notJson = readEvent({ m: 3, i: 12, n: 'OrderStateEvent', o: 'garbage' });
    expect(notJson.drift?.issues).toEqual(['the event is not JSON']);
  });
});

describe('the event buffer', () => {
  it('keeps at most its capacity: the oldest are dropped and counted, the newest kept, in order', async () => {
    const drops: number[] = [];
    const buffer = new EventBuffer<number>(
      3,
      () => undefined,
      (dropped) => drops.push(dropped),
    );
    for (let n = 1; n <= 10; n += 1) buffer.push(n);
    expect(buffer.size).toBe(3);
    expect(buffer.dropped).toBe(7);
    expect(drops.at(-1)).toBe(7);
    const read: number[] = [];
    buffer.end();
    for await (const value of buffer) read.push(value);
    expect(read).toEqual([8, 9, 10]);
  });

  it('a waiting reader gets the next item at once; return() releases the buffer', async () => {
    let released = 0;
    const buffer = new EventBuffer<string>(
      2,
      () => {
        released += 1;
      },
      () => undefined,
    );
    const next = buffer.next();
    buffer.push('a');
    expect(await next).toEqual({ value: 'a', done: false });
    await buffer.return();
    expect(released).toBe(1);
    buffer.push('b');
    expect(await buffer.next()).toEqual({ value: undefined, done: true });
  });
});
