import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Runs the built package (`npm test` builds first) and lists what `exchange-auth/testing` offers at run time: its
// exports, and the members of each running sandbox, of the loopback server and of an injected fault.
function runtimeSurface(): Record<string, string[]> {
  const script = `
    import * as testing from 'exchange-auth/testing';
    const all = await testing.startSandbox();
    const server = await testing.startHttpServer(() => ({ status: 200 }));
    const members = (object, hidden = []) => Object.keys(object).filter((name) => !hidden.includes(name));
    const surface = {
      exports: Object.keys(testing),
      startSandbox: members(all),
      bitex: members(all.bitex),
      bitexbit: members(all.bitexbit, ['exchange']),
      kiiex: members(all.kiiex),
      stats: [...members(all.bitex.stats()), ...members(all.kiiex.stats())],
      market: [...members(all.bitexbit.market), ...members(all.kiiex.market)],
      server: members(server),
      injected: ['hits', 'seen', 'cancel'].filter((name) => name in server.inject({ fault: 'drop' })),
      matchers: members(testing.sandboxMatchers()),
    };
    await server.close();
    await all.close();
    console.log(JSON.stringify(surface));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  return JSON.parse(out) as Record<string, string[]>;
}

/** Every inline code span and code block of a Markdown file, where a documented name must appear. */
function codeOf(file: string): string {
  const text = readFileSync(file, 'utf8');
  const blocks = [...text.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map((match) => match[1]);
  const spans = [...text.replace(/```[\s\S]*?```/g, '').matchAll(/`([^`\n]+)`/g)].map((match) => match[1]);
  return [...blocks, ...spans].join('\n');
}

describe('docs/testing.md covers everything exchange-auth/testing offers', () => {
  it('names every runtime export and every member of the running sandboxes in its code', () => {
    const surface = runtimeSurface();
    expect(surface.exports).toContain('startSandbox');
    expect(surface.bitexbit).toContain('addKey');
    const code = codeOf('docs/testing.md');
    const missing = Object.entries(surface).flatMap(([where, names]) =>
      [...new Set(names)]
        .filter((name) => !new RegExp(`\\b${name}\\b`).test(code))
        .map((name) => `${where}: ${name}`),
    );
    expect(missing).toEqual([]);
  });
});
