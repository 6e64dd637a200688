import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

/**
 * The built binary (npm test builds first), spawned as a user's shell would. EXCHANGE_AUTH_CLI points the tests
 * at another build of it.
 */
export const BIN = process.env.EXCHANGE_AUTH_CLI ?? 'dist/cli/main.js';
const run = promisify(execFile);

/** Runs the binary to its end with only `env` (and PATH) as its environment. */
export async function cli(args: readonly string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      timeout: 30_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Spawns the binary with piped output, as `spawn` does. */
export function spawnCli(args: readonly string[], env: Record<string, string> = {}) {
  return spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
