// Type-checks every ```ts block of README.md and docs/ against the built package, strict, with node16 and
// with bundler module resolution. A block preceded by `<!-- sample: partial -->` is skipped, and said so.
// Usage: npm run build && node scripts/check-samples.mjs
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Inside the package, so `import … from 'exchange-auth'` resolves to the built package itself (self-reference).
const out = join(root, 'temp', 'samples');

function markdownFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'api') return [];
    return statSync(path).isDirectory() ? markdownFiles(path) : name.endsWith('.md') ? [path] : [];
  });
}

/** The ```ts blocks of a file, with their line numbers and whether they are marked partial. */
function blocks(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const found = [];
  for (let i = 0; i < lines.length; i += 1) {
    if (!/^```(ts|typescript)\s*$/.test(lines[i].trim())) continue;
    const partial =
      /<!--\s*sample:\s*partial\s*-->/.test(lines[i - 1] ?? '') ||
      /<!--\s*sample:\s*partial\s*-->/.test(lines[i - 2] ?? '');
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end].trim() !== '```') end += 1;
    found.push({ line: start, partial, code: lines.slice(start, end).join('\n') });
    i = end;
  }
  return found;
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const files = [join(root, 'README.md'), ...markdownFiles(join(root, 'docs'))];
const checked = [];
const skipped = [];
for (const file of files) {
  for (const block of blocks(file)) {
    const where = `${relative(root, file)}:${block.line}`;
    if (block.partial) {
      skipped.push(where);
      continue;
    }
    const name = `${relative(root, file).replace(/[^A-Za-z0-9]+/g, '_')}_${block.line}.ts`;
    // Each sample is a module of its own; top-level await is allowed, as in an ESM script.
    writeFileSync(join(out, name), `${block.code}\nexport {};\n`);
    checked.push({ where, name });
  }
}

const base = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  target: 'ES2022',
  lib: ['ES2022', 'DOM'],
  types: ['node'],
  skipLibCheck: true,
  noEmit: true,
  noUnusedLocals: false,
};
const modes = {
  node16: { ...base, module: 'Node16', moduleResolution: 'Node16' },
  bundler: { ...base, module: 'ESNext', moduleResolution: 'Bundler' },
};

let failed = 0;
for (const [mode, compilerOptions] of Object.entries(modes)) {
  const config = join(out, `tsconfig.${mode}.json`);
  writeFileSync(config, JSON.stringify({ compilerOptions, include: ['./*.ts'] }, null, 2));
  const result = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', config], {
    encoding: 'utf8',
  });
  const output = `${result.stdout}${result.stderr}`.trim();
  if (result.status !== 0) {
    failed += 1;
    const byName = new Map(checked.map((sample) => [sample.name, sample.where]));
    console.error(
      `samples (${mode}): type errors\n${output.replace(/([A-Za-z0-9_]+\.ts)\((\d+),(\d+)\)/g, (_m, n, l) => `${byName.get(n) ?? n} (+${Number(l) - 1} lines)`)}`,
    );
  } else {
    console.log(`samples (${mode}): ${checked.length} compile`);
  }
}
for (const where of skipped) console.log(`skipped (marked partial): ${where}`);
if (failed > 0) process.exit(1);
