import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI_ENV_VARIABLES } from '../../src/cli/env.js';
import { bitexbitFromEnv, bitexFromEnv, ConfigurationError, kiiexFromEnv } from '../../src/index.js';
import { cli } from './run-cli.js';

// One list of environment variables: docs/cli.md's table, the CLI's help and the library's *FromEnv() functions
// must say the same names, options and which are required.
const table = Object.entries(CLI_ENV_VARIABLES).flatMap(([provider, variables]) =>
  Object.entries(variables).map(([name, variable]) => ({
    provider,
    name,
    option: variable.option,
    required: variable.required,
  })),
);

const documented = readFileSync('docs/cli.md', 'utf8')
  .split('\n')
  .map((line) => /^\| `([A-Z0-9_]+)` \| `([a-zA-Z]+)` \| (yes|no) \|/.exec(line))
  .filter((match) => match !== null)
  .map(([, name, option, required]) => ({ name, option, required: required === 'yes' }));

describe('one table of environment variables', () => {
  it('docs/cli.md lists every variable with its option and whether it is required, and no other', () => {
    expect(documented).toEqual(table.map(({ name, option, required }) => ({ name, option, required })));
  });

  it('the help of whoami and sign lists every variable, "required" exactly where the table says', async () => {
    for (const command of ['whoami', 'sign']) {
      const { stdout } = await cli([command, '--help']);
      for (const { name, required } of table) {
        const line = new RegExp(`^ {4}${name} +(required; )?`, 'm').exec(stdout);
        expect(line, `${command} --help lists ${name}`).not.toBeNull();
        expect(Boolean(line?.[1]), `${name} required`).toBe(required);
      }
      expect(stdout).toContain(`Providers: ${Object.keys(CLI_ENV_VARIABLES).join(', ')}.`);
    }
  });

  it.each([
    ['bitex', () => bitexFromEnv({}, {})],
    ['bitexbit', () => bitexbitFromEnv({}, {})],
    ['kiiex', () => kiiexFromEnv({ environment: 'staging' } as never, {})],
  ])(
    '%sFromEnv() with nothing set asks for exactly the required variables of the table',
    (provider, build) => {
      let error: unknown;
      try {
        build();
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConfigurationError);
      const asked = [...(error as Error).message.matchAll(/\b([A-Z][A-Z0-9]*_[A-Z0-9_]+) \(/g)].map(
        (m) => m[1],
      );
      const required = table
        .filter((row) => row.provider === provider && row.required)
        .map((row) => row.name);
      expect(asked).toEqual(required);
    },
  );
});
