import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { chartSvg } from './chart.mjs';

// Each section runs in a fresh process; within a section, ours and the baseline are measured side by side.
const SECTIONS = [
  'signing',
  'ccxt',
  'pipeline-bitex',
  'pipeline-bitexbit',
  'pipeline-kiiex',
  'ccxt-cycle',
  'login-storm',
  'import',
  'types',
  'memory',
  'fleet',
  'websocket',
];

const started = Date.now();
const rows = [];
for (const section of SECTIONS) {
  const child = spawnSync(process.execPath, [new URL('section.mjs', import.meta.url).pathname, section], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status === 0) {
    rows.push(...JSON.parse(child.stdout));
    continue;
  }
  // One failing section is reported as a row that does not hold; the others still run.
  const reason = (child.stderr || `exit ${child.status}`)
    .trim()
    .split('\n')
    .slice(-3)
    .join(' ')
    .slice(0, 160);
  console.error(`benchmark section ${section} failed:\n${child.stderr}`);
  rows.push({
    section,
    measure: `section failed: ${reason}`,
    ours: '',
    baseline: '',
    target: 'runs',
    holds: false,
  });
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `exchange-auth benchmarks — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, ${cpu}, Node ${process.version}`,
);
console.table(
  rows.map((r) => ({
    section: r.section,
    measure: r.measure,
    ours: r.ours,
    baseline: r.baseline,
    ratio: r.ratio === undefined || r.ratio === null ? '' : `${r.ratio.toFixed(2)}x`,
    target: r.target,
    holds: r.holds ? 'yes' : 'NO',
  })),
);
console.log(
  `${rows.filter((r) => r.holds).length} of ${rows.length} targets hold (${((Date.now() - started) / 1000).toFixed(0)} s)`,
);

// The run as JSON (docs/benchmarks.json) and drawn from that JSON (docs/benchmarks.svg, bench/chart.mjs).
const results = {
  title: `exchange-auth benchmarks, ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores, Node ${process.version}`,
  recorded: `npm run bench, ${new Date().toISOString()}, ${cpu}`,
  rows,
};
const json = new URL('../docs/benchmarks.json', import.meta.url);
const svg = new URL('../docs/benchmarks.svg', import.meta.url);
writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(svg, chartSvg(results));
console.log('results: docs/benchmarks.json; chart: docs/benchmarks.svg');
