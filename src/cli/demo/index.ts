import { startSandbox } from '../../testing/sandbox.js';
import { COMMON_FLAGS, type Command, helpText, parseCommand } from '../args.js';
import { formatStep, StepRunner } from '../report.js';
import { terminalJson, terminalText } from '../terminal.js';
import { bitexFlows } from './bitex.js';
import { bitexbitFlows } from './bitexbit.js';
import { kiiexFlows } from './kiiex.js';

/** `exchange-auth demo`. */
export const DEMO_COMMAND = {
  name: 'demo',
  positionals: [],
  summary: 'start the embedded sandbox and run every flow through the public API',
  description: `Starts the embedded sandbox exchanges on 127.0.0.1 and runs every flow through the public API, one
line per step, then a summary. Exits 1 if any step fails.`,
  flags: {
    json: {
      type: 'boolean',
      describe: 'print one JSON report instead: {"steps": [...], "passed", "failed", "ms"}',
    },
    ...COMMON_FLAGS,
  },
} as const satisfies Command;

/** `exchange-auth demo`: resolves to the exit code. */
export async function runDemo(argv: readonly string[]): Promise<number> {
  const { values, help } = parseCommand(DEMO_COMMAND, argv);
  if (help) {
    process.stdout.write(`${helpText(DEMO_COMMAND)}\n`);
    return 0;
  }
  const json = values.json === true;
  const run = new StepRunner((result) => {
    if (!json) process.stdout.write(`${terminalText(formatStep(result))}\n`);
  });
  const started = performance.now();
  const sandbox = await startSandbox();
  try {
    await bitexFlows(sandbox.bitex, run);
    await bitexbitFlows(sandbox.bitexbit, run);
    await kiiexFlows(sandbox.kiiex, run);
  } finally {
    await sandbox.close();
  }
  const total = run.results.length;
  const failed = run.failed;
  const ms = Math.round(performance.now() - started);
  if (json) {
    process.stdout.write(`${terminalJson({ steps: run.results, passed: total - failed, failed, ms }, 2)}\n`);
  } else {
    process.stdout.write(`\n${total} steps: ${total - failed} passed, ${failed} failed (${ms} ms)\n`);
  }
  return failed === 0 ? 0 : 1;
}
