import { describe, expect, it } from 'vitest';
import { thrown } from '../support/leaks.js';
import { cjs, esm } from './copies.js';

type Library = typeof esm;
const fields = { provider: 'test' } as const;

/** One error of each class the library exports, made by the given copy, with its class's name. */
function oneOfEach(library: Library) {
  return [
    ['ExchangeAuthError', new library.ExchangeAuthError('exchange', 'base', fields)],
    ['ConfigurationError', new library.ConfigurationError('configuration', { ...fields, field: 'apiKey' })],
    ['AuthenticationError', new library.AuthenticationError('authentication', fields)],
    [
      'PermissionDeniedError',
      new library.PermissionDeniedError('permission', {
        ...fields,
        required: 'trade',
        granted: ['read'],
        source: 'local',
      }),
    ],
    ['RateLimitError', new library.RateLimitError('slow down', fields)],
    ['ExchangeError', new library.ExchangeError('exchange', fields)],
    ['TransportError', new library.TransportError('transport', { ...fields, outcome: 'not-sent' })],
    ['ResponseValidationError', new library.ResponseValidationError('validation', fields)],
    ['TwoFactorRequiredError', new library.TwoFactorRequiredError('two factor', fields)],
  ] as const;
}

type ClassName = ReturnType<typeof oneOfEach>[number][0];
const classOf = (library: Library, name: ClassName) =>
  library[name] as abstract new (
    ...args: never[]
  ) => unknown;
const SUBCLASSES = oneOfEach(esm)
  .map(([name]) => name)
  .filter((name) => name !== 'ExchangeAuthError');
/** A class other than `name` and the base: the next subclass in the list. */
const siblingOf = (name: ClassName): ClassName =>
  SUBCLASSES[(SUBCLASSES.indexOf(name as (typeof SUBCLASSES)[number]) + 1) % SUBCLASSES.length] as ClassName;

describe('instanceof across the ESM and the CJS copy', () => {
  const pairs = [
    ['CJS error, ESM class', cjs, esm],
    ['ESM error, CJS class', esm, cjs],
  ] as const;

  for (const [label, maker, checker] of pairs) {
    it(`${label}: true for its own class and ExchangeAuthError, false for a sibling`, () => {
      for (const [name, error] of oneOfEach(maker)) {
        expect(error instanceof classOf(maker, name), `${name} in its own copy`).toBe(true);
        expect(error instanceof classOf(checker, name), name).toBe(true);
        expect(error instanceof checker.ExchangeAuthError, `${name} is an ExchangeAuthError`).toBe(true);
        expect(error instanceof Error).toBe(true);
        if (name === 'ExchangeAuthError') {
          expect(error instanceof checker.ConfigurationError, 'the base is no subclass').toBe(false);
          continue;
        }
        const sibling = siblingOf(name);
        expect(error instanceof classOf(checker, sibling), `${name} is not a ${sibling}`).toBe(false);
        expect(error instanceof classOf(maker, sibling), `${name} is not a ${sibling} (own copy)`).toBe(
          false,
        );
      }
    });
  }

  it('error.name is the class name in both built copies (the bundler renames classes, the brand does not)', () => {
    for (const library of [esm, cjs]) {
      for (const [name, error] of oneOfEach(library)) {
        expect((error as Error).name).toBe(name);
        expect(JSON.parse(JSON.stringify(error)).name).toBe(name);
      }
    }
    class MyError extends esm.ConfigurationError {}
    expect(new MyError('mine', { provider: 'test', field: 'x' }).name).toBe('MyError');
  });

  it('an error thrown by one copy is caught by the other copy’s class', async () => {
    const error = await thrown(() =>
      cjs.bitexbit({ accessKey: '', privateKey: 'private-key', access: 'read' }),
    );
    expect(error).toBeInstanceOf(esm.ConfigurationError);
    expect(error).toBeInstanceOf(esm.ExchangeAuthError);
    expect(error).not.toBeInstanceOf(esm.AuthenticationError);
    expect(error).not.toBeInstanceOf(cjs.TransportError);
  });

  it('anything else is no instance: plain errors, look-alikes, primitives', () => {
    for (const library of [esm, cjs]) {
      for (const value of [new Error('plain'), { name: 'ConfigurationError' }, null, undefined, 'x', 7]) {
        expect(value instanceof library.ExchangeAuthError).toBe(false);
        expect(value instanceof library.ConfigurationError).toBe(false);
      }
    }
  });

  it('a subclass of your own keeps the ordinary check, and its instances are still the library’s class', () => {
    class MyError extends esm.ConfigurationError {}
    const mine = new MyError('mine', { provider: 'test', field: 'x' });
    expect(mine instanceof MyError).toBe(true);
    expect(mine instanceof cjs.ConfigurationError).toBe(true);
    expect(mine instanceof cjs.ExchangeAuthError).toBe(true);
    expect(mine instanceof cjs.TransportError).toBe(false);
    expect(new cjs.ConfigurationError('theirs', { provider: 'test', field: 'x' }) instanceof MyError).toBe(
      false,
    );
  });
});
