// One side of the ccxt cycle section, in a process of its own: fork(ccxt-cycle-child.mjs, [JSON config]);
// config: { side, origin, concurrency, total }. It builds its side, warms it up and says { ready }; then on each
// 'go' it sends `total` requests, `concurrency` at a time, and reports { perSecond, cpuMicros } (this process's
// CPU per request); 'exit' ends it.

import ccxt from 'ccxt';
import { Agent, request } from 'undici';
import { createClient, kiiex } from '../dist/index.js';
import { POSITIONS_BODY } from './answers.mjs';
import { throughput } from './loopback.mjs';

const TOKEN = 'bench-session-token';
const { side, origin, concurrency, total } = JSON.parse(process.argv[2]);

/**
 * ccxt 4.5.84's `ndax` on the loopback: its REST base pointed at the server, its rate limiter off, and a session
 * token, markets and the account set as after `signIn()` and `loadMarkets()`, so that `fetchBalance()` makes one
 * request, `GET /ap/GetAccountPositions?omsId=1&AccountId=9` with `APToken`, and parses the answer into balances.
 */
function ccxtNdax() {
  const exchange = new ccxt.ndax({
    apiKey: 'bench_key',
    secret: 'bench_secret',
    uid: '7',
    login: 'bench',
    password: 'bench',
    enableRateLimit: false,
  });
  exchange.urls.api = { public: `${origin}/ap`, private: `${origin}/ap` };
  exchange.options.sessionToken = TOKEN;
  exchange.options.accountId = POSITIONS_BODY.AccountId;
  // The two products of the answer, as `loadMarkets()` would have them: ccxt parses the balances it knows.
  exchange.setMarkets([], {
    BTC: { id: '1', numericId: 1, code: 'BTC', precision: 1e-8 },
    USD: { id: '2', numericId: 2, code: 'USD', precision: 0.01 },
  });
  exchange.accounts = [
    { id: String(POSITIONS_BODY.AccountId), type: undefined, currency: undefined, info: {} },
  ];
  return exchange;
}

/** A Kiiex client on a warm session, on `transport`; its `GetAccountPositions` checked against the schema. */
async function library(transport) {
  const client = createClient(
    kiiex({ apiKey: 'bench_key', apiSecret: 'bench_secret', userId: 7, baseURL: `${origin}/ap` }),
    { rateLimit: false, retry: false, ...(transport ? { transport } : {}) },
  );
  await client.authenticate();
  return () => client.call('GetAccountPositions', { body: POSITIONS_BODY });
}

/** What a bot on bare undici writes: the session header, the JSON body, the text parsed. */
function bareUndici() {
  const dispatcher = new Agent();
  const body = JSON.stringify(POSITIONS_BODY);
  return async () => {
    const answer = await request(`${origin}/ap/GetAccountPositions`, {
      method: 'POST',
      headers: { aptoken: TOKEN, 'content-type': 'application/json', accept: 'application/json' },
      body,
      dispatcher,
    });
    return JSON.parse(await answer.body.text());
  };
}

const makers = {
  undici: () => library(undefined),
  axios: () => library('axios'),
  bare: bareUndici,
  ccxt: () => {
    const exchange = ccxtNdax();
    return () => exchange.fetchBalance();
  },
  ccxtRaw: () => {
    const exchange = ccxtNdax();
    return () => exchange.privateGetGetAccountPositions({ omsId: 1, AccountId: POSITIONS_BODY.AccountId });
  },
};

const send = await makers[side]();
await throughput(send, { total: 1_000, concurrency });
process.send({ ready: true });
process.on('message', async (message) => {
  if (message === 'exit') process.exit(0);
  const cpu = process.cpuUsage();
  const perSecond = await throughput(send, { total, concurrency });
  const used = process.cpuUsage(cpu);
  process.send({ perSecond, cpuMicros: (used.user + used.system) / total });
});
