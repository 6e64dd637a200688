import { Session } from 'node:inspector/promises';
import { fileURLToPath } from 'node:url';
import { createClient, kiiex } from '../src/index.js';
import { startAlphaPointSandbox } from '../src/testing/index.js';

// Lists the files of src/ whose code runs while a Kiiex call meets an expired session (errorcode 20, a new
// login, the call again), in the order V8 reports them, with how many of their functions ran. Issue 20 asked
// for this list; run it before and after a change to the session path:
//
//   npx tsx scripts/session-path.ts

const sandbox = await startAlphaPointSandbox();
const client = createClient(kiiex({ ...sandbox.credentials.trader, baseURL: sandbox.baseURL }));
const body = sandbox.accountIds(sandbox.credentials.trader.apiKey);
await client.call('GetAccountPositions', { body });
sandbox.expireAllSessions();

const inspector = new Session();
inspector.connect();
await inspector.post('Profiler.enable');
await inspector.post('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
await client.call('GetAccountPositions', { body });
const { result } = await inspector.post('Profiler.takePreciseCoverage');
await inspector.post('Profiler.stopPreciseCoverage');
inspector.disconnect();
await client.close();
await sandbox.close();

const src = fileURLToPath(new URL('../src/', import.meta.url));
const rows: string[] = [];
for (const script of result) {
  if (!script.url.startsWith('file://')) continue;
  const path = fileURLToPath(script.url);
  if (!path.startsWith(src) || path.includes('/testing/')) continue;
  const ran = script.functions.filter(
    (fn) => fn.functionName !== '' && fn.ranges[0] && fn.ranges[0].count > 0,
  );
  if (ran.length > 0) rows.push(`${path.slice(src.length)} (${ran.length})`);
}
console.log(`${rows.length} files of src/ ran for one Kiiex call that met an expired session:`);
for (const row of rows) console.log(`  ${row}`);
