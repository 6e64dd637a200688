import ccxt from 'ccxt';
import { Agent, request } from 'undici';
import { createClient, kiiex } from '../dist/index.js';
import { POSITIONS_BODY } from './answers.mjs';
import { throughput } from './loopback.mjs';
import { startLoopbackProcess } from './loopback-process.mjs';
import { row } from './measure.mjs';

const SECTION = '8 ccxt cycle';
// Interleaved short rounds, as in the pipeline section: this VM's speed drifts within a minute, and a ratio
// taken inside one round drifts far less than either side's rate.
const ROUNDS = 15;
const TOTAL = 800;
const TOKEN = 'bench-session-token';

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Requests per second of `send`, and CPU microseconds per request of this process (the server runs elsewhere). */
async function measure(send, concurrency) {
  const cpu = process.cpuUsage();
  const perSecond = await throughput(send, { total: TOTAL, concurrency });
  const used = process.cpuUsage(cpu);
  return { perSecond, cpuMicros: (used.user + used.system) / TOTAL };
}

/**
 * ccxt 4.5.84's `ndax` on the loopback: its REST base pointed at the server, its rate limiter off, and a session
 * token, markets and the account set as after `signIn()` and `loadMarkets()`, so that `fetchBalance()` makes one
 * request, `GET /ap/GetAccountPositions?omsId=1&AccountId=9` with `APToken`, and parses the answer into balances.
 */
function ccxtNdax(origin) {
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

/**
 * One Kiiex `call('GetAccountPositions')` on a warm session, answer checked against its documented schema, on
 * the default transport (undici) and on the axios transport; the same request sent with undici's own
 * `request()` (what a bot on bare undici writes: the session header, the JSON body, the text parsed); and ccxt
 * `ndax.fetchBalance()` and its raw `privateGetGetAccountPositions()`. All go to one keep-alive loopback server in
 * another process that answers AlphaPoint's documented answer, at one concurrency, in interleaved rounds, each
 * round started by a different side. Ratios are medians of the per-round ratios.
 */
async function compare(origin, concurrency) {
  const provider = () =>
    kiiex({ apiKey: 'bench_key', apiSecret: 'bench_secret', userId: 7, baseURL: `${origin}/ap` });
  const settings = { rateLimit: false, retry: false };
  const undiciClient = createClient(provider(), settings);
  const axiosClient = createClient(provider(), { ...settings, transport: 'axios' });
  await undiciClient.authenticate();
  await axiosClient.authenticate();
  const bare = new Agent();
  const body = JSON.stringify(POSITIONS_BODY);
  const exchange = ccxtNdax(origin);
  const sides = {
    undici: () => undiciClient.call('GetAccountPositions', { body: POSITIONS_BODY }),
    axios: () => axiosClient.call('GetAccountPositions', { body: POSITIONS_BODY }),
    bare: async () => {
      const answer = await request(`${origin}/ap/GetAccountPositions`, {
        method: 'POST',
        headers: { aptoken: TOKEN, 'content-type': 'application/json', accept: 'application/json' },
        body,
        dispatcher: bare,
      });
      return JSON.parse(await answer.body.text());
    },
    ccxt: () => exchange.fetchBalance(),
    ccxtRaw: () => exchange.privateGetGetAccountPositions({ omsId: 1, AccountId: POSITIONS_BODY.AccountId }),
  };
  for (const send of Object.values(sides)) await throughput(send, { total: 300, concurrency });
  const results = Object.fromEntries(Object.keys(sides).map((side) => [side, []]));
  const order = Object.keys(sides);
  for (let round = 0; round < ROUNDS; round += 1) {
    for (let i = 0; i < order.length; i += 1) {
      const side = order[(round + i) % order.length];
      results[side].push(await measure(sides[side], concurrency));
    }
  }
  await Promise.all([undiciClient.close(), axiosClient.close(), bare.close()]);
  await exchange.close?.();
  const figures = Object.fromEntries(
    order.map((side) => [
      side,
      {
        perSecond: median(results[side].map((m) => m.perSecond)),
        cpuMicros: median(results[side].map((m) => m.cpuMicros)),
      },
    ]),
  );
  const against = (side, base, field) =>
    median(results[side].map((m, round) => m[field] / results[base][round][field]));
  return { figures, against };
}

/**
 * 8. The whole request cycle against ccxt (the library a bot would pick instead): throughput and CPU per request,
 * as ratios, at concurrency 1 and 16; the pipeline against the bare transport it runs on; the axios transport
 * beside them.
 */
export async function ccxtCycleRows() {
  const server = await startLoopbackProcess();
  const rows = [];
  for (const concurrency of [1, 16]) {
    const { figures, against } = await compare(server.origin, concurrency);
    const rate = (side) => `${figures[side].perSecond.toFixed(0)}/s`;
    const cpu = (side) => `${figures[side].cpuMicros.toFixed(0)} µs`;
    const at = `concurrency ${concurrency}`;
    const pair = (what, ours, base, rateTarget, cpuTarget) => {
      const rateRatio = against(ours, base, 'perSecond');
      const cpuRatio = against(ours, base, 'cpuMicros');
      rows.push(
        row(
          SECTION,
          `${what}, ${at}: requests/s (median of ${ROUNDS} rounds)`,
          rate(ours),
          rate(base),
          rateRatio,
          rateTarget ? `≥ ${rateTarget.toFixed(2)}x` : 'info',
          rateTarget ? rateRatio >= rateTarget : true,
        ),
        row(
          SECTION,
          `${what}, ${at}: CPU per request (median of ${ROUNDS} rounds)`,
          cpu(ours),
          cpu(base),
          cpuRatio,
          cpuTarget ? `≤ ${cpuTarget.toFixed(2)}x` : 'info',
          cpuTarget ? cpuRatio <= cpuTarget : true,
        ),
      );
    };
    pair('Kiiex GetAccountPositions (undici, validated) vs ccxt ndax.fetchBalance()', 'undici', 'ccxt', 1, 1);
    pair(
      'Kiiex GetAccountPositions (undici, validated) vs ccxt privateGetGetAccountPositions()',
      'undici',
      'ccxtRaw',
    );
    pair('the same call (undici) vs bare undici request() of the same request', 'undici', 'bare', 0.95);
    pair('the same call on the axios transport vs ccxt ndax.fetchBalance()', 'axios', 'ccxt');
    pair('the same call on the axios transport vs on undici', 'axios', 'undici');
  }
  await server.close();
  return rows;
}
