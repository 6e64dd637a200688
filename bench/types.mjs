import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { row } from './measure.mjs';

// 6. Type-checking cost: the same five lines as a user writes them, on this package (as installed: its built
// types, through its exports) and on axios, checked by tsc in one run. Instantiations are exact; memory is tsc's
// own report, compared as a ratio.

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** A scratch project with the package and axios installed (as links), the two files, and `type: module`. */
function scratch() {
  const dir = mkdtempSync(join(tmpdir(), 'exchange-auth-types-'));
  const modules = join(dir, 'node_modules');
  mkdirSync(join(modules, '@types'), { recursive: true });
  symlinkSync(ROOT, join(modules, 'exchange-auth'));
  for (const name of ['axios', 'zod']) symlinkSync(join(ROOT, 'node_modules', name), join(modules, name));
  symlinkSync(join(ROOT, 'node_modules', '@types', 'node'), join(modules, '@types', 'node'));
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  for (const file of ['five.ts', 'five-axios.ts'])
    cpSync(join(ROOT, 'bench', 'types', file), join(dir, file));
  return dir;
}

/** tsc's instantiation count and memory (MB) for one file. */
function check(dir, file) {
  const flags = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext'];
  const child = spawnSync(
    process.execPath,
    [TSC, ...flags, '--target', 'es2022', '--skipLibCheck', '--types', 'node', '--extendedDiagnostics', file],
    { cwd: dir, encoding: 'utf8' },
  );
  if (child.status !== 0) throw new Error(`tsc failed on ${file}: ${child.stdout.slice(0, 400)}`);
  const read = (label) => Number(new RegExp(`${label}:\\s+(\\d+)`).exec(child.stdout)?.[1]);
  return { instantiations: read('Instantiations'), mb: read('Memory used') / 1024 };
}

export async function typesRows() {
  const dir = scratch();
  try {
    const ours = check(dir, 'five.ts');
    const axios = check(dir, 'five-axios.ts');
    return [
      row(
        '6 types',
        'a five-line client: type instantiations (tsc, exact)',
        String(ours.instantiations),
        `${axios.instantiations} (axios)`,
        ours.instantiations / 15_000,
        '≤ 15,000',
        ours.instantiations <= 15_000,
      ),
      row(
        '6 types',
        "a five-line client: tsc's memory vs the same five lines on axios",
        `${ours.mb.toFixed(0)} MB`,
        `${axios.mb.toFixed(0)} MB`,
        ours.mb / axios.mb,
        '≤ 1.3x',
        ours.mb / axios.mb <= 1.3,
      ),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
