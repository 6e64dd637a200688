// Type-checks every ```ts block of README.md and docs/ against the built package (dist/), strict, once with
// node16 and once with bundler module resolution, as a user's project would compile it.
//
// Each block is a module of its own (top-level await allowed, as in an ESM script) and must declare what it uses.
// The line before a block (blank lines aside) may say otherwise:
// - `<!-- sample: excerpt examples/x/y.ts -->`: the block is quoted from that file and must appear in it verbatim,
//   as consecutive lines (the file itself is type-checked by `npm run typecheck` and run by `npm run examples`), so
//   a guide that walks through an example cannot drift from it;
// - `<!-- sample: partial -->`: a fragment (an interface excerpt, say) that is not compiled; the summary lists
//   each one, so a skipped block is never silent.
//
// Usage: npm run build && npm run samples
// Output: each failing block as `file:line` (the line in the Markdown file) with tsc's messages, then
// "N samples compiled, M partial (skipped)". Exit 1 when a block does not compile in either mode.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Inside the package, so `import … from 'exchange-auth'` resolves to the built package itself (self-reference
// through package.json "exports"), exactly as it resolves in a consumer's node_modules.
const out = join(root, 'temp', 'samples');
const MARKER = /^<!--\s*sample:\s*(partial|excerpt\s+(\S+))\s*-->$/;
const OPENING = /^```(ts|typescript)\s*$/;

function markdownFiles(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (name === 'api' || name === 'node_modules') return []; // docs/api is typedoc's output
      if (statSync(path).isDirectory()) return markdownFiles(path);
      return name.endsWith('.md') ? [path] : [];
    });
}

/** The ```ts blocks of a file: the Markdown line of their first code line, whether marked partial, the code. */
function blocks(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const found = [];
  for (let i = 0; i < lines.length; i += 1) {
    if (!OPENING.test(lines[i].trim())) continue;
    let before = i - 1;
    while (before >= 0 && lines[before].trim() === '') before -= 1;
    const marker = before >= 0 ? MARKER.exec(lines[before].trim()) : null;
    let end = i + 1;
    while (end < lines.length && lines[end].trim() !== '```') end += 1;
    if (end === lines.length)
      throw new Error(`${relative(root, file)}:${i + 1}: a \`\`\`ts block is never closed`);
    const code = lines.slice(i + 1, end).join('\n');
    found.push({ line: i + 2, partial: marker?.[1] === 'partial', excerptOf: marker?.[2], code });
    i = end;
  }
  return found;
}

if (
  !existsSync(join(root, 'dist', 'index.d.ts')) ||
  !existsSync(join(root, 'dist', 'testing', 'index.d.ts'))
) {
  console.error('samples: dist/ has no type declarations; run `npm run build` first');
  process.exit(1);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const files = [join(root, 'README.md'), ...markdownFiles(join(root, 'docs'))];
const samples = [];
const partial = [];
const excerpts = [];
const badExcerpts = [];
// Compared line by line without leading or trailing blanks, so a quote from inside a function may be dedented.
const trimmed = (text) => text.split('\n').map((line) => line.trim());
for (const file of files) {
  for (const block of blocks(file)) {
    const where = `${relative(root, file)}:${block.line}`;
    if (block.partial) {
      partial.push(where);
      continue;
    }
    if (block.excerptOf) {
      const source = join(root, block.excerptOf);
      const quoted = trimmed(block.code.trim());
      const lines = existsSync(source) ? trimmed(readFileSync(source, 'utf8')) : undefined;
      const at = lines?.findIndex((_, start) => quoted.every((line, k) => lines[start + k] === line)) ?? -1;
      if (block.code.trim() === '') {
        badExcerpts.push(`${where}: an empty excerpt of ${block.excerptOf}`);
      } else if (at === -1) {
        badExcerpts.push(
          lines
            ? `${where}: not found verbatim in ${block.excerptOf}; copy the lines again from the file`
            : `${where}: ${block.excerptOf} does not exist`,
        );
      } else excerpts.push(`${where} = ${block.excerptOf}:${at + 1}-${at + quoted.length}`);
      continue;
    }
    const name = `${relative(root, file).replace(/[^A-Za-z0-9]+/g, '_')}_${block.line}.ts`;
    // `export {}` makes even an import-free block a module, so blocks never see each other's names.
    writeFileSync(join(out, name), `${block.code}\nexport {};\n`);
    samples.push({ where, name, file: relative(root, file), line: block.line, errors: [] });
  }
}

const base = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  target: 'ES2022',
  lib: ['ES2022'],
  types: ['node'],
  skipLibCheck: true,
  noEmit: true,
};
const modes = {
  node16: { ...base, module: 'Node16', moduleResolution: 'Node16' },
  bundler: { ...base, module: 'ESNext', moduleResolution: 'Bundler' },
};

// The compiler API rather than the tsc binary: tsc stops at the first syntax error anywhere and then reports no
// type error at all, so one broken block would hide every other one.
for (const [mode, json] of Object.entries(modes)) {
  const { options, errors } = ts.convertCompilerOptionsFromJson(json, out);
  if (errors.length > 0) throw new Error(ts.formatDiagnostics(errors, host(mode)));
  const program = ts.createProgram({
    rootNames: samples.map((sample) => join(out, sample.name)),
    options,
  });
  const global = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
  if (global.length > 0) throw new Error(ts.formatDiagnostics(global, host(mode)));
  for (const sample of samples) {
    const source = program.getSourceFile(join(out, sample.name));
    const diagnostics = [
      ...program.getSyntacticDiagnostics(source),
      ...program.getSemanticDiagnostics(source),
    ];
    for (const diagnostic of diagnostics) {
      const at =
        diagnostic.start === undefined ? undefined : source.getLineAndCharacterOfPosition(diagnostic.start);
      sample.errors.push({
        mode,
        line: sample.line + (at?.line ?? 0),
        column: (at?.character ?? 0) + 1,
        code: `TS${diagnostic.code}`,
        message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n      '),
      });
    }
  }
}

function host(mode) {
  return { getCanonicalFileName: (f) => f, getCurrentDirectory: () => out, getNewLine: () => `\n[${mode}] ` };
}

const failing = samples.filter((sample) => sample.errors.length > 0);
for (const sample of failing) {
  console.error(`\n✗ ${sample.where}: does not compile`);
  // The same error in both modes is printed once, naming both.
  const seen = new Map();
  sample.errors.sort((a, b) => a.line - b.line || a.column - b.column);
  for (const error of sample.errors) {
    const key = `${error.line}:${error.column} ${error.code} ${error.message}`;
    seen.set(key, [...(seen.get(key) ?? []), error.mode]);
  }
  for (const [key, modesSeen] of seen) {
    const [position, ...rest] = key.split(' ');
    console.error(`  ${sample.file}:${position} [${modesSeen.join(', ')}] ${rest.join(' ')}`);
  }
}

for (const problem of badExcerpts) console.error(`\n✗ ${problem}`);

console.log('');
for (const where of excerpts) console.log(`- excerpt (matches its file): ${where}`);
for (const where of partial) console.log(`- partial (skipped): ${where}`);
const failed = failing.length + badExcerpts.length;
console.log(
  `${samples.length - failing.length} samples compiled, ${partial.length} partial (skipped), ` +
    `${excerpts.length} excerpts matched their files` +
    (failed > 0 ? `; ${failed} FAILED` : '') +
    ' (compiled strict, node16 and bundler resolution, against dist/)',
);
if (failed > 0) process.exit(1);
