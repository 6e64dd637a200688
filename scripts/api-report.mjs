import { existsSync, mkdirSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CompilerState, Extractor, ExtractorConfig } from '@microsoft/api-extractor';

// The public API report: etc/api/<name>.api.md for each entry point of the package, made by API Extractor
// from the built declarations (dist/**/*.d.ts), so run `npm run build` first.
//
//   node scripts/api-report.mjs           (npm run api:check)  CI mode: fail when the surface differs from etc/api
//   node scripts/api-report.mjs --update  (npm run api:update) rewrite etc/api from dist
//
// Each entry point has its own config at the root (api-extractor.json, api-extractor.testing.json,
// api-extractor.redis.json); the candidate reports go to temp/api/ (git-ignored). Checking them all in one
// process shares one TypeScript program.
const CONFIGS = ['api-extractor.json', 'api-extractor.testing.json', 'api-extractor.redis.json'];
const UPDATE_HINT = 'run npm run api:update and commit etc/api';

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--update');
if (unknown.length > 0) {
  console.error(`api-report: unknown argument ${unknown.join(' ')} (the only option is --update)`);
  process.exit(2);
}
const update = args.includes('--update');

const root = fileURLToPath(new URL('..', import.meta.url));
const configs = CONFIGS.map((file) => {
  const configObjectFullPath = resolve(root, file);
  return ExtractorConfig.prepare({
    configObject: ExtractorConfig.loadFile(configObjectFullPath),
    configObjectFullPath,
    packageJsonFullPath: resolve(root, 'package.json'),
    ignoreMissingEntryPoint: true, // checked below, with a hint
  });
});

const missing = configs.map((c) => c.mainEntryPointFilePath).filter((entry) => !existsSync(entry));
if (missing.length > 0) {
  console.error(
    `api-report: ${missing.map((m) => relative(root, m)).join(', ')} not found; run npm run build first.`,
  );
  process.exit(1);
}

const compilerState = CompilerState.create(configs[0], {
  additionalEntryPoints: configs.map((c) => c.mainEntryPointFilePath),
});

// API Extractor's own advice on a changed report ("copy the file ... or perform a local build") is replaced by
// the summary below; its diff of the report still prints. The TypeScript version line prints once.
let preambleShown = false;
const messageCallback = (message) => {
  if (message.messageId === 'console-api-report-not-copied') message.handled = true;
  if (message.messageId === 'console-preamble') {
    message.handled = preambleShown;
    preambleShown = true;
  }
};

const changed = [];
const failed = [];
for (const config of configs) {
  if (update) mkdirSync(config.reportFolder, { recursive: true });
  const result = Extractor.invoke(config, {
    compilerState,
    localBuild: update,
    printApiReportDiff: !update,
    messageCallback,
  });
  const report = config.reportConfigs
    .map((r) => relative(root, resolve(config.reportFolder, r.fileName)))
    .join(', ');
  if (result.apiReportChanged) changed.push(report);
  if (!result.succeeded && !result.apiReportChanged) {
    failed.push(`${report} (${result.errorCount} errors, ${result.warningCount} warnings)`);
  }
}

console.log('');
if (failed.length > 0) {
  console.error(`api-report: API Extractor reported problems (see above) for: ${failed.join('; ')}`);
}
if (update) {
  console.log(
    changed.length > 0 ? `api-report: updated ${changed.join(', ')}` : 'api-report: etc/api is up to date',
  );
} else if (changed.length > 0) {
  console.error(`api-report: the public API changed (${changed.join(', ')}); ${UPDATE_HINT}`);
} else if (failed.length === 0) {
  console.log(`api-report: the public API matches etc/api (${configs.length} entry points)`);
}
process.exit(failed.length > 0 || (!update && changed.length > 0) ? 1 : 0);
