import { spawnSync } from 'node:child_process';
import { row } from './measure.mjs';

const RUNS = 9;
const REPORT = "process.on('exit', () => process.stdout.write(String(process.resourceUsage().maxRSS)));";

/** Median wall time (ms) and peak resident memory (MB) of a whole `node` process running `code`. */
function processCost(code, module) {
  const times = [];
  const peaks = [];
  for (let run = 0; run < RUNS; run += 1) {
    const args = module ? ['--input-type=module', '-e', `${REPORT} ${code}`] : ['-e', `${REPORT} ${code}`];
    const started = process.hrtime.bigint();
    const child = spawnSync(process.execPath, args, {
      encoding: 'utf8',
      cwd: new URL('..', import.meta.url),
    });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (child.status !== 0) throw new Error(`benchmark process failed: ${child.stderr}`);
    peaks.push(Number(child.stdout) / 1024);
  }
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { ms: median(times), mb: median(peaks) };
}

/** 5. Import cost: whole-process time and peak memory, against axios alone and against ccxt. */
export async function importRows() {
  const bare = processCost('', false);
  const axios = processCost("require('axios');", false);
  const oursCjs = processCost("require('exchange-auth');", false);
  const oursEsm = processCost("await import('exchange-auth');", true);
  const axiosEsm = processCost("await import('axios');", true);
  const ccxt = processCost("require('ccxt');", false);
  const withClient = processCost(
    "const { createClient, bitex } = require('exchange-auth'); createClient(bitex({ apiKey: 'bench_key', environment: 'sandbox' }));",
    false,
  );
  const fmt = (cost) => `${cost.ms.toFixed(0)} ms, ${cost.mb.toFixed(0)} MB`;
  const rows = [];
  for (const [name, ours, base] of [
    ['require', oursCjs, axios],
    ['import', oursEsm, axiosEsm],
  ]) {
    const ratio = ours.ms / base.ms;
    rows.push(
      row(
        '5 import',
        `${name}('exchange-auth') vs axios alone`,
        fmt(ours),
        fmt(base),
        ratio,
        '≤ 1.3x',
        ratio <= 1.3,
      ),
    );
  }
  rows.push(
    row(
      '5 import',
      "require('ccxt') vs require('exchange-auth')",
      fmt(ccxt),
      fmt(oursCjs),
      ccxt.ms / oursCjs.ms,
      'info',
      true,
    ),
    row(
      '5 import',
      'require + createClient (loads axios) vs axios alone',
      fmt(withClient),
      fmt(axios),
      withClient.ms / axios.ms,
      'info',
      true,
    ),
    row('5 import', 'node with nothing to import', fmt(bare), '', undefined, 'info', true),
  );
  return rows;
}
