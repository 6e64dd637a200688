import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { row } from './measure.mjs';

const RUNS = 11;
const REPORT = "process.on('exit', () => process.stdout.write(String(process.resourceUsage().maxRSS)));";

/** One whole `node` process running `code`: its wall time (ms) and peak resident memory (MB). */
function processRun(code, module) {
  const args = module ? ['--input-type=module', '-e', `${REPORT} ${code}`] : ['-e', `${REPORT} ${code}`];
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: new URL('..', import.meta.url) });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status !== 0) throw new Error(`benchmark process failed: ${child.stderr}`);
  return { ms, mb: Number(child.stdout) / 1024 };
}

/**
 * The median wall time and peak memory of each case's process, the cases interleaved run by run so that a burst of
 * load on the machine weighs on every case alike.
 */
function processCosts(cases) {
  const runs = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  for (let run = 0; run < RUNS; run += 1) {
    for (const [name, [code, module]] of Object.entries(cases)) runs[name].push(processRun(code, module));
  }
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return Object.fromEntries(
    Object.entries(runs).map(([name, costs]) => [
      name,
      { ms: median(costs.map((cost) => cost.ms)), mb: median(costs.map((cost) => cost.mb)) },
    ]),
  );
}

/**
 * What a runtime dependency adds to an install: the bytes and files of its package directory as npm installed it
 * here, and the dependencies it declares itself.
 */
function installed(name) {
  const require = createRequire(new URL('../package.json', import.meta.url));
  const root = dirname(require.resolve(`${name}/package.json`));
  let bytes = 0;
  let files = 0;
  const walk = (directory) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        bytes += statSync(path).size;
        files += 1;
      }
    }
  };
  walk(root);
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const own = Object.keys(manifest.dependencies ?? {});
  return `${manifest.version}: ${(bytes / 1024 / 1024).toFixed(1)} MB installed in ${files} files, ${own.length === 0 ? 'no dependencies of its own' : `depends on ${own.join(', ')}`}`;
}

/** 5. Import cost: whole-process time and peak memory, against axios alone and against ccxt. */
export async function importRows() {
  const { bare, axios, oursCjs, oursEsm, axiosEsm, ccxt, withClient, withAxiosClient, undici } = processCosts(
    {
      bare: ['', false],
      axios: ["require('axios');", false],
      oursCjs: ["require('exchange-auth');", false],
      oursEsm: ["await import('exchange-auth');", true],
      axiosEsm: ["await import('axios');", true],
      ccxt: ["require('ccxt');", false],
      // createClient starts loading its transport at once: the process exits once it is loaded.
      withClient: [
        "const { createClient, bitex } = require('exchange-auth'); createClient(bitex({ apiKey: 'bench_key', environment: 'sandbox' }));",
        false,
      ],
      withAxiosClient: [
        "const { createClient, bitex } = require('exchange-auth'); createClient(bitex({ apiKey: 'bench_key', environment: 'sandbox' }), { transport: 'axios' });",
        false,
      ],
      undici: ["require('undici');", false],
    },
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
      "require + createClient (loads undici's agent, the default transport) vs axios alone",
      fmt(withClient),
      fmt(axios),
      withClient.ms / axios.ms,
      'info',
      true,
    ),
    row(
      '5 import',
      "require + createClient({ transport: 'axios' }) (loads axios) vs axios alone",
      fmt(withAxiosClient),
      fmt(axios),
      withAxiosClient.ms / axios.ms,
      'info',
      true,
    ),
    row(
      '5 import',
      `require('undici') (its whole index; undici ${installed('undici')}) vs axios alone`,
      fmt(undici),
      fmt(axios),
      undici.ms / axios.ms,
      'info',
      true,
    ),
    row('5 import', 'node with nothing to import', fmt(bare), '', undefined, 'info', true),
  );
  return rows;
}
