#!/usr/bin/env node
// The benchmark figures drawn: one horizontal bar per row that has a ratio (ours against that row's baseline),
// its target as a red tick where the target names a ratio (`≤ 1.3x`, `≥ 0.95x`), and the 1.0x line (as fast, or as
// big, as the baseline). Plain SVG written by hand: no dependency, renders on GitHub, npm and in typedoc.
//
//   node bench/chart.mjs [results.json] [chart.svg]     (defaults: docs/benchmarks.json, docs/benchmarks.svg)
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROW = 24;
const LABEL = 470;
const PLOT = 380;
const TOP = 64;
const WIDTH = LABEL + PLOT + 90;

const xmlText = (text) =>
  String(text).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  );

/** The ratio a target names (`≤ 1.3x` → 1.3), or undefined for targets that are not a ratio (`info`, `≤ 1 ms`). */
export function targetRatio(target) {
  const m = /^\s*[≤≥<>=]\s*([0-9]+(?:\.[0-9]+)?)x\b/.exec(String(target ?? ''));
  return m ? Number(m[1]) : undefined;
}

/** A row's ratio as a number: `1.2`, `"1.20x"`, or the middle of a range `"0.33–0.37x"`. */
export function ratioOf(row) {
  if (typeof row.ratio === 'number') return Number.isFinite(row.ratio) ? row.ratio : undefined;
  const m = /^\s*([0-9.]+)(?:\s*[–-]\s*([0-9.]+))?x/.exec(String(row.ratio ?? ''));
  if (!m) return undefined;
  return m[2] === undefined ? Number(m[1]) : (Number(m[1]) + Number(m[2])) / 2;
}

/** The SVG text of the chart of `results` (`{ title?, rows: [{ section, measure, ratio, target, holds }] }`). */
export function chartSvg(results) {
  const rows = results.rows
    .map((row) => ({ ...row, value: ratioOf(row), goal: targetRatio(row.target) }))
    .filter((row) => row.value !== undefined);
  const top = Math.max(2, ...rows.map((row) => Math.max(row.value, row.goal ?? 0))) * 1.08;
  const max = Math.min(top, 6.5);
  const x = (ratio) => Number((LABEL + (Math.min(ratio, max) / max) * PLOT).toFixed(1));
  const height = TOP + rows.length * ROW + 40;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, -apple-system, Segoe UI, sans-serif" font-size="12" role="img" aria-labelledby="chart-title">`,
    `<title id="chart-title">${xmlText(results.title ?? 'exchange-auth benchmarks')}: each row's ratio against its baseline, with its target</title>`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="12" y="22" font-size="15" font-weight="600" fill="#1f2328">${xmlText(results.title ?? 'exchange-auth benchmarks')}</text>`,
    `<text x="12" y="40" fill="#59636e">ours ÷ the row's baseline, measured side by side; green holds its target (red tick), orange does not; dashed: 1.0x</text>`,
  ];
  for (let tick = 0; tick <= max; tick += max > 4 ? 1 : 0.5) {
    out.push(
      `<line x1="${x(tick)}" y1="${TOP - 8}" x2="${x(tick)}" y2="${TOP + rows.length * ROW}" stroke="#d1d9e0" stroke-width="1"/>`,
      `<text x="${x(tick)}" y="${TOP - 12}" text-anchor="middle" fill="#59636e">${tick}x</text>`,
    );
  }
  rows.forEach((row, i) => {
    const y = TOP + i * ROW;
    const label = `${row.section} · ${row.measure}`;
    const short = label.length > 78 ? `${label.slice(0, 77)}…` : label;
    const colour = row.holds === false ? '#d1812a' : '#2da44e';
    out.push(
      `<g class="row"><title>${xmlText(`${label}: ${row.value}x, target ${row.target ?? '-'}`)}</title>`,
      `<text x="${LABEL - 8}" y="${y + 16}" text-anchor="end" fill="#1f2328">${xmlText(short)}</text>`,
      `<rect class="bar" x="${LABEL}" y="${y + 5}" width="${(x(row.value) - LABEL).toFixed(1)}" height="${ROW - 10}" fill="${colour}"/>`,
      `<text x="${(x(row.value) + 6).toFixed(1)}" y="${y + 16}" fill="#1f2328">${row.value.toFixed(2)}x${row.value > max ? ' →' : ''}</text>`,
    );
    if (row.goal !== undefined) {
      out.push(
        `<line class="target" x1="${x(row.goal).toFixed(1)}" y1="${y + 1}" x2="${x(row.goal).toFixed(1)}" y2="${y + ROW - 1}" stroke="#cf222e" stroke-width="2.5"/>`,
      );
    }
    out.push('</g>');
  });
  out.push(
    `<line x1="${x(1)}" y1="${TOP - 8}" x2="${x(1)}" y2="${TOP + rows.length * ROW}" stroke="#1f2328" stroke-width="1" stroke-dasharray="4 3"/>`,
    '</svg>',
    '',
  );
  return out.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [input = 'docs/benchmarks.json', output = 'docs/benchmarks.svg'] = process.argv.slice(2);
  const results = JSON.parse(readFileSync(input, 'utf8'));
  writeFileSync(output, chartSvg(results));
  console.log(`bench chart: ${output} from ${input}`);
}
