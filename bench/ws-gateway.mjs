// A minimal APEX gateway for the WebSocket benchmarks: it takes any AuthenticateUser, answers Ping and
// GetUserInfo at once, and on `blast(n)` sends n Level1UpdateEvent frames to every subscribed socket. Nothing
// is kept per frame, so the heap it leaves is flat; the library and raw `ws` talk to the same server.
import { WebSocketServer } from 'ws';

const LEVEL1 = JSON.stringify({
  OMSId: 1,
  InstrumentId: 1,
  BestBid: 100,
  BestOffer: 101,
  LastTradedPx: 100.5,
  LastTradedQty: 0.1,
  LastTradeTime: 1700000000000,
  SessionOpen: 99,
  SessionHigh: 102,
  SessionLow: 98,
  SessionClose: 100,
  Volume: 10,
  CurrentDayVolume: 10,
  CurrentDayNumTrades: 5,
  CurrentDayPxChange: 1,
  BidQty: 1,
  AskQty: 1,
  BidOrderCt: 3,
  AskOrderCt: 2,
  Rolling24HrPxChangePercent: 1,
  Rolling24HrVolume: 10,
  Rolling24NumTrades: 5,
  Rolling24HrPxChange: 1,
  TimeStamp: '1700000000000',
});

export async function startGateway() {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const subscribed = new Set();
  server.on('connection', (socket) => {
    socket.on('message', (data) => {
      const { i, n } = JSON.parse(String(data));
      const reply = (o) => socket.send(JSON.stringify({ m: 1, i, n, o: JSON.stringify(o) }));
      if (n === 'AuthenticateUser')
        reply({
          Authenticated: true,
          SessionToken: 'bench-token',
          User: { UserId: 1, AccountId: 1, OMSId: 1 },
        });
      else if (n === 'Ping') reply({ msg: 'PONG' });
      else if (n === 'SubscribeLevel1') {
        subscribed.add(socket);
        reply({ result: true });
      } else reply({ UserId: 1 });
    });
    socket.on('close', () => subscribed.delete(socket));
  });
  let counter = 0;
  return {
    url: `ws://127.0.0.1:${server.address().port}/WSGateway/`,
    blast(count) {
      for (let k = 0; k < count; k += 1) {
        counter += 2;
        const frame = `{"m":3,"i":${counter},"n":"Level1UpdateEvent","o":${JSON.stringify(LEVEL1)}}`;
        for (const socket of subscribed) socket.send(frame);
      }
    },
    close: () =>
      new Promise((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(resolve);
      }),
  };
}
