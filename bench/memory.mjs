import { spawnSync } from 'node:child_process';
import { row } from './measure.mjs';

/** 6. Memory: heap after 1,000,000 authorisations against after 10,000, per strategy, in a fresh process. */
export async function memoryRows() {
  const rows = [];
  for (const strategy of ['bitexbit', 'bitex']) {
    const child = spawnSync(
      process.execPath,
      ['--expose-gc', new URL('memory-child.mjs', import.meta.url).pathname, strategy],
      {
        encoding: 'utf8',
      },
    );
    if (child.status !== 0) throw new Error(`memory benchmark failed: ${child.stderr}`);
    const { small, large } = JSON.parse(child.stdout);
    const growth = (large - small) / 1024 / 1024;
    rows.push(
      row(
        '6 memory',
        `${strategy}: heap after 1,000,000 authorisations vs after 10,000`,
        `${(large / 1024 / 1024).toFixed(1)} MB`,
        `${(small / 1024 / 1024).toFixed(1)} MB`,
        large / small,
        'growth < 5 MB',
        growth < 5,
      ),
    );
  }
  return rows;
}
