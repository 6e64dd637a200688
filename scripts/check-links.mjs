#!/usr/bin/env node
// Every link and anchor of README.md and docs/**/*.md resolves: in the repository, and (--tarball) in the package
// as npm would install it (`npm pack`, unpacked into a temporary folder). Files the package does not ship are linked
// at the tagged repository (scripts/links/check.mjs says how); --retag rewrites those links to package.json's version.
//
//   node scripts/check-links.mjs [--tarball] [--retag] [--root <dir>]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkTree, pages, repository } from './links/check.mjs';

const args = process.argv.slice(2);
const rootIndex = args.indexOf('--root');
const root = resolve(rootIndex >= 0 ? args[rootIndex + 1] : '.');
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const repo = repository(packageJson);

if (args.includes('--retag')) {
  const pattern = new RegExp(
    `(${repo.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/(?:blob|tree)/)v[^/]+/`,
    'g',
  );
  for (const page of pages(root)) {
    const file = join(root, page);
    const text = readFileSync(file, 'utf8');
    const retagged = text.replace(pattern, `$1${repo.tag}/`);
    if (retagged !== text) writeFileSync(file, retagged);
  }
}

let failed = false;
const report = (label, problems) => {
  if (problems.length === 0) {
    console.log(
      `links: ${label}: every link resolves (${pages(label === 'repository' ? root : packed).length} pages)`,
    );
    return;
  }
  failed = true;
  console.error(`links: ${label}: ${problems.length} broken`);
  for (const problem of problems) console.error(`  ${problem}`);
};

let packed = root;
report('repository', checkTree(root, root, packageJson));

if (args.includes('--tarball')) {
  const temp = mkdtempSync(join(tmpdir(), 'exchange-auth-links-'));
  try {
    const out = execFileSync(
      'npm',
      ['pack', '--silent', '--json', '--ignore-scripts', '--pack-destination', temp],
      {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    const [{ filename }] = JSON.parse(out);
    execFileSync('tar', ['-xzf', join(temp, filename), '-C', temp]);
    packed = join(temp, 'package');
    report('tarball', checkTree(packed, root, packageJson));
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

process.exit(failed ? 1 : 0);
