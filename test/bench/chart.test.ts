import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// bench/chart.mjs run as `npm run bench` runs it, on a small results file: one bar per row with a ratio, one red
// tick per target that names a ratio, and text that cannot break the SVG.
const dir = mkdtempSync(join(tmpdir(), 'bench-chart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rows = [
  { section: '1 signing', measure: 'authorize vs bare HMAC', ratio: 1.11, target: '≤ 1.3x', holds: true },
  {
    section: '3 pipeline',
    measure: 'kiiex <concurrency 16> & "more"',
    ratio: 0.89,
    target: '≥ 0.95x',
    holds: false,
  },
  { section: '2 ccxt', measure: 'ccxt sign() vs ours', ratio: 5.82, target: '≥ 3x faster', holds: true },
  { section: '7 fleet', measure: '8 processes vs 1', ratio: '0.33–0.37x', target: '≥ 0.8x', holds: false },
  { section: '4 login storm', measure: 'fresh vs warm', ratio: 1.31, target: 'info', holds: true },
  { section: '6 types', measure: 'instantiations', ratio: null, target: '≤ 15,000', holds: true },
];

describe('bench/chart.mjs', () => {
  it('draws one bar per row that has a ratio, with its target where the target is a ratio', () => {
    const input = join(dir, 'results.json');
    const output = join(dir, 'chart.svg');
    writeFileSync(input, JSON.stringify({ title: 'fixture', rows }));
    const run = spawnSync(process.execPath, ['bench/chart.mjs', input, output], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const svg = readFileSync(output, 'utf8');
    const bars = [
      ...svg.matchAll(/<rect class="bar" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"[^>]*fill="(#[0-9a-f]+)"/g),
    ];
    expect(bars).toHaveLength(5);
    expect(svg.match(/class="target"/g)).toHaveLength(4);
    // Bars in proportion to their ratios, coloured by whether the row holds.
    const widths = bars.map((bar) => Number(bar[2]));
    expect((widths[0] ?? 0) / (widths[1] ?? 1)).toBeCloseTo(1.11 / 0.89, 1);
    expect((widths[3] ?? 0) / (widths[0] ?? 1)).toBeCloseTo(0.35 / 1.11, 1);
    expect(bars.map((bar) => bar[3])).toEqual(['#2da44e', '#d1812a', '#2da44e', '#d1812a', '#2da44e']);
    expect(svg).toContain('kiiex &lt;concurrency 16&gt; &amp; &quot;more&quot;');
    expect(svg).not.toContain('instantiations');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  });

  it('docs/benchmarks.svg is the chart of docs/benchmarks.json as committed', () => {
    const output = join(dir, 'committed.svg');
    spawnSync(process.execPath, ['bench/chart.mjs', 'docs/benchmarks.json', output]);
    expect(readFileSync(output, 'utf8')).toBe(readFileSync('docs/benchmarks.svg', 'utf8'));
  });
});
