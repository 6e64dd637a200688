import { cpus } from 'node:os';
import { ccxtRows } from './ccxt.mjs';
import { importRows } from './import-cost.mjs';
import { loginStormRows } from './login-storm.mjs';
import { memoryRows } from './memory.mjs';
import { pipelineRows } from './pipeline.mjs';
import { signingRows } from './signing.mjs';

const sections = [signingRows, ccxtRows, pipelineRows, loginStormRows, importRows, memoryRows];

const started = Date.now();
const rows = [];
for (const section of sections) rows.push(...(await section()));

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
    ratio: r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}x`,
    target: r.target,
    holds: r.holds ? 'yes' : 'NO',
  })),
);
console.log(
  `${rows.filter((r) => r.holds).length} of ${rows.length} targets hold (${((Date.now() - started) / 1000).toFixed(0)} s)`,
);
