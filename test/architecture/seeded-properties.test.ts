import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// A property run is replayable only when its seed is known: every fc.assert in test/ takes its parameters from
// seeded() (test/support/property.ts), which passes the run's one seed (FC_SEED, or random and printed).
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.ts$/.test(path) ? [path] : [];
  });
}

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

describe('property tests', () => {
  it('every fc.assert is given the run seed through seeded()', () => {
    const withAsserts = files('test').filter((file) => /\bfc\.assert\(/.test(readFileSync(file, 'utf8')));
    const unseeded = withAsserts.filter((file) => {
      const text = readFileSync(file, 'utf8');
      return count(text, /\bfc\.assert\(/g) > count(text, /\bseeded\(/g);
    });
    expect(withAsserts.length).toBeGreaterThan(0);
    expect(unseeded).toEqual([]);
  });
});
