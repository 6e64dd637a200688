import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// scripts/check-links.mjs run as CI runs it: on this repository and its packed tarball, and on a small tree of
// pages with one mistake of each kind, which it must name.
const check = (...args: string[]) => {
  const run = spawnSync(process.execPath, ['scripts/check-links.mjs', ...args], { encoding: 'utf8' });
  return { status: run.status, out: run.stdout + run.stderr };
};

const fixture = mkdtempSync(join(tmpdir(), 'links-fixture-'));
afterAll(() => rmSync(fixture, { recursive: true, force: true }));
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(fixture, path)), { recursive: true });
  writeFileSync(join(fixture, path), text);
};
const repo = 'https://github.com/acme/lib';

describe('scripts/check-links.mjs', () => {
  it('finds every link of README.md and docs/ resolving, in the repository and in the packed tarball', () => {
    const { status, out } = check('--tarball');
    expect(out).toMatch(/links: repository: every link resolves \(\d+ pages\)/);
    expect(out).toMatch(/links: tarball: every link resolves \(\d+ pages\)/);
    expect(status).toBe(0);
  }, 120_000);

  it('names each broken link, and passes the same pages once they are right', () => {
    write('package.json', JSON.stringify({ version: '2.0.0', repository: { url: `git+${repo}.git` } }));
    write('src/a.ts', '');
    write('docs/guide.md', '# Guide\n\n## Two words\n\n## Two words\n');
    const good = [
      '# Read me',
      '[guide](docs/guide.md#two-words-1), [top](#read-me), [source](https://github.com/acme/lib/blob/v2.0.0/src/a.ts)',
      '[`src/a.ts`](https://github.com/acme/lib/blob/v2.0.0/src/a.ts), [elsewhere](https://example.com/x)',
      '```md',
      '[inside a sample](nowhere.md) `src/in-a-sample.ts`',
      '```',
      '',
    ].join('\n');
    write('README.md', good);
    expect(check('--root', fixture)).toMatchObject({ status: 0 });

    write(
      'README.md',
      [
        good,
        '[missing](docs/missing.md) [anchor](docs/guide.md#three-words) [out](../outside.md)',
        '[old tag](https://github.com/acme/lib/blob/v1.9.0/src/a.ts) [gone](https://github.com/acme/lib/blob/v2.0.0/src/b.ts)',
        'see `src/a.ts`',
      ].join('\n'),
    );
    const { status, out } = check('--root', fixture);
    expect(status).toBe(1);
    expect(out).toContain('links: repository: 6 broken');
    expect(out).toContain('README.md:8 docs/missing.md: no such file');
    expect(out).toContain('README.md:8 docs/guide.md#three-words: no heading or anchor #three-words');
    expect(out).toContain('README.md:8 ../outside.md: leaves the tree');
    expect(out).toContain('links tag v1.9.0, package.json says v2.0.0');
    expect(out).toContain('README.md:9 https://github.com/acme/lib/blob/v2.0.0/src/b.ts: no such file');
    expect(out).toContain(
      'README.md:10 `src/a.ts`: not in the package; link it at https://github.com/acme/lib/blob/v2.0.0/src/a.ts',
    );
  });

  it('--retag moves the tagged links to the version of package.json', () => {
    write('package.json', JSON.stringify({ version: '2.0.0', repository: { url: `git+${repo}.git` } }));
    write('src/a.ts', '');
    write('README.md', '# R\n[`src/a.ts`](https://github.com/acme/lib/blob/v1.0.0/src/a.ts)\n');
    expect(check('--root', fixture)).toMatchObject({ status: 1 });
    expect(check('--root', fixture, '--retag')).toMatchObject({ status: 0 });
  });
});
