import { fork } from 'node:child_process';
import { startLoopbackProcess } from './loopback-process.mjs';
import { row } from './measure.mjs';

const SECTION = '8 ccxt cycle';
// Interleaved short rounds, as in the pipeline section: this VM's speed drifts within a minute, and a ratio
// taken inside one round drifts far less than either side's rate.
const ROUNDS = 21;
const TOTAL = 800;
const CHILD = new URL('ccxt-cycle-child.mjs', import.meta.url).pathname;
const SIDES = ['undici', 'axios', 'bare', 'ccxt', 'ccxtRaw'];

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The next message of `child`; rejects if it exits first. */
function nextMessage(child) {
  return new Promise((resolve, reject) => {
    const onExit = (code) => reject(new Error(`a ccxt cycle child exited (code ${code}) without a report`));
    child.once('exit', onExit);
    child.once('message', (message) => {
      child.off('exit', onExit);
      resolve(message);
    });
  });
}

/**
 * One Kiiex `call('GetAccountPositions')` on a warm session, answer checked against its documented schema, on
 * the default transport (undici) and on the axios transport; the same request sent with undici's own
 * `request()` (what a bot on bare undici writes: the session header, the JSON body, the text parsed); and ccxt
 * `ndax.fetchBalance()` and its raw `privateGetGetAccountPositions()` (see ccxt-cycle-child.mjs). Each side runs
 * in a process of its own, as a bot runs one library, so that no side's garbage is collected and no side's
 * shapes are compiled on another's time; one side at a time sends, in interleaved rounds, each round started by
 * a different side, all to one keep-alive loopback server in another process. Ratios are medians of the
 * per-round ratios.
 */
async function compare(origin, concurrency) {
  const children = Object.fromEntries(
    SIDES.map((side) => [
      side,
      fork(CHILD, [JSON.stringify({ side, origin, concurrency, total: TOTAL })], {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      }),
    ]),
  );
  try {
    // Warmed up one after another, so that none warms up while another is measured.
    for (const side of SIDES) await nextMessage(children[side]);
    const results = Object.fromEntries(SIDES.map((side) => [side, []]));
    for (let round = 0; round < ROUNDS; round += 1) {
      for (let i = 0; i < SIDES.length; i += 1) {
        const side = SIDES[(round + i) % SIDES.length];
        const report = nextMessage(children[side]);
        children[side].send('go');
        results[side].push(await report);
      }
    }
    const figures = Object.fromEntries(
      SIDES.map((side) => [
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
  } finally {
    for (const child of Object.values(children)) child.send('exit');
  }
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
