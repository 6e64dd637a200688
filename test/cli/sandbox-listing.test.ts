import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cli, spawnCli } from './run-cli.js';

// `exchange-auth sandbox` as a person uses it: paste a printed line into a shell, run a command with it, watch the
// request appear in the log, press Ctrl-C.
function startListing() {
  const child = spawnCli(['sandbox']);
  let out = '';
  let err = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  const wake = () => {
    for (const waiter of [...waiters]) {
      if (waiter.pattern.test(err)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
    wake();
  });
  const listed = new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (/# locked\n[^\n]*\n/.test(out)) resolve();
    });
  });
  const exited = new Promise<number | string | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal)),
  );
  return {
    child,
    listed,
    exited,
    out: () => out,
    err: () => err,
    stderrMatches: (pattern: RegExp) =>
      new Promise<void>((resolve) => {
        waiters.push({ pattern, resolve });
        wake();
      }),
  };
}

/** What a POSIX shell makes of one pasted line: the variables it exports. */
function pasted(line: string): Record<string, string> {
  const out = execFileSync('/bin/sh', ['-c', `export ${line}; env -0`], { env: {}, encoding: 'utf8' });
  const env = Object.fromEntries(
    out
      .split('\0')
      .filter(Boolean)
      .map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]),
  );
  delete env.PWD;
  delete env.SHLVL;
  delete env._;
  return env;
}

describe('exchange-auth sandbox, as printed', () => {
  it('prints lines a shell takes as they are, logs each request, and says it stopped on Ctrl-C (exit 130)', async () => {
    const sandbox = startListing();
    await sandbox.listed;
    const lines = sandbox.out().split('\n');
    const credentialLines = lines.filter((line) => line !== '' && !line.startsWith('#'));
    expect(credentialLines.length).toBe(9);
    for (const line of credentialLines) {
      expect(line).toMatch(/^([A-Z0-9_]+=\S+)( [A-Z0-9_]+=\S+)*$/);
      expect(line).not.toMatch(/totpSecret|permissions|"/);
    }
    // The user's line and its URL, pasted as they are, make a whoami that works.
    const bitexUrl = /^# bitex {2}--url (\S+)$/m.exec(sandbox.out())?.[1] ?? '';
    const userLine = lines[lines.indexOf('# user') + 1] ?? '';
    const env = pasted(userLine);
    expect(Object.keys(env)).toEqual(['BITEX_API_KEY']);
    const whoami = await cli(['whoami', 'bitex', '--url', bitexUrl], env);
    expect(whoami).toMatchObject({ code: 0, stderr: '' });

    // One request, one log line: time, exchange, method, path, status.
    await sandbox.stderrMatches(/ bitex +GET \/api\/users\/me 200\n/);
    expect(sandbox.err().match(/^\d\d:\d\d:\d\d\.\d{3} bitex +GET \/api\/users\/me 200$/gm)).toHaveLength(1);

    // A refused one is logged with its status too.
    await cli(['whoami', 'bitex', '--url', bitexUrl], { BITEX_API_KEY: 'x'.repeat(40) });
    await sandbox.stderrMatches(/ bitex +GET \/api\/users\/me 401\n/);

    sandbox.child.kill('SIGINT');
    expect(await sandbox.exited).toBe(130);
    expect(sandbox.err()).toMatch(/exchange-auth sandbox: stopped \(SIGINT\); every exchange closed\n$/);
  });

  it('stops on SIGTERM with exit code 143', async () => {
    const sandbox = startListing();
    await sandbox.listed;
    sandbox.child.kill('SIGTERM');
    expect(await sandbox.exited).toBe(143);
    expect(sandbox.err()).toContain('stopped (SIGTERM)');
  });
});
