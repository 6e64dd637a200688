import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Runs every example the way its header says a reader runs it, `npx tsx <file>`: each starts its sandbox, prints
// a line per step, stops the sandbox and must exit 0 with something printed. `npm run examples`; build first.
//
// The examples import the package by name. Node resolves `exchange-auth` from inside this package to its own
// "exports" (package self-reference), that is to dist/, exactly as for a user who installed the package. tsx would
// rather follow the `paths` of the root tsconfig.json (to src/, as tsc and vitest do), so the examples run here
// with an empty tsconfig: this checks the built package, which nothing else runs the examples against.
//
// An example is a .ts file under examples/ that starts itself when it is the entry point (it compares
// import.meta.url with process.argv[1]); every bot in examples/bots/ must.

const root = fileURLToPath(new URL('..', import.meta.url));
const TIMEOUT_MS = 60_000; // a guard against an example that never exits, not a speed limit
const RUNS_ITSELF = /import\.meta\.url === pathToFileURL\(/;

const args = process.argv.slice(2);
if (args.length > 0) {
  console.error(`run-examples: unknown argument ${args.join(' ')} (it takes none)`);
  process.exit(2);
}

const built = ['dist/index.js', 'dist/testing/index.js'];
const missing = built.filter((file) => !existsSync(join(root, file)));
if (missing.length > 0) {
  console.error(`run-examples: ${missing.join(', ')} missing: run npm run build first`);
  process.exit(1);
}
const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .reduce((latest, entry) => Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs), 0);
if (newest(join(root, 'src')) > statSync(join(root, 'dist/index.js')).mtimeMs) {
  console.warn(
    'run-examples: warning: src/ changed after the last build; the examples run against dist/ as built',
  );
}

const files = readdirSync(join(root, 'examples'), { recursive: true })
  .filter((file) => file.endsWith('.ts'))
  .map((file) => join('examples', file).split('\\').join('/'))
  .sort();
const examples = files.filter((file) => RUNS_ITSELF.test(readFileSync(join(root, file), 'utf8')));
const inert = files.filter((file) => file.startsWith('examples/bots/') && !examples.includes(file));

const tsx = createRequire(import.meta.url).resolve('tsx/cli');
const scratch = mkdtempSync(join(tmpdir(), 'run-examples-'));
const tsconfig = join(scratch, 'tsconfig.json');
writeFileSync(tsconfig, '{}\n');

/** Runs one example; resolves to what it printed, how it ended and how long it took. */
function run(file) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [tsx, '--tsconfig', tsconfig, file], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = performance.now() - started;
      const problem = timedOut
        ? `still running after ${TIMEOUT_MS / 1000} s`
        : code !== 0
          ? `exit ${code ?? signal}`
          : stdout.trim() === ''
            ? 'printed nothing'
            : undefined;
      resolve({ file, ms, stdout, stderr, problem });
    });
  });
}

const started = performance.now();
const results = [];
const queue = [...examples];
const workers = Array.from({ length: Math.min(4, availableParallelism(), queue.length) }, async () => {
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) results.push(await run(file));
});
await Promise.all(workers);
rmSync(scratch, { recursive: true, force: true });

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const indent = (text) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
for (const result of results.sort((a, b) => a.file.localeCompare(b.file))) {
  console.log(`\n${result.problem ? 'FAIL' : 'ok  '} ${result.file} (${seconds(result.ms)})`);
  if (result.stdout.trim() !== '') console.log(indent(result.stdout));
  if (result.problem) {
    console.log(`  ${result.problem}`);
    if (result.stderr.trim() !== '') console.log(indent(result.stderr));
  }
}
for (const file of inert)
  console.log(`\nFAIL ${file}\n  does nothing when run directly (no entry-point block)`);

const failed = results.filter((result) => result.problem).length + inert.length;
const total = results.length + inert.length;
console.log(
  `\n${total} examples, run against dist/: ${total - failed} ok, ${failed} failed, ` +
    `${seconds(performance.now() - started)} in all`,
);
if (total === 0) {
  console.error('run-examples: no example found under examples/');
  process.exit(1);
}
process.exit(failed > 0 ? 1 : 0);
