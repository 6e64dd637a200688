import { describe, expect, it } from 'vitest';
import { alphapoint, ConfigurationError, createAuthorizer, createClient, kiiex } from '../../../src/index.js';
import { bitexOn, startRecorder } from '../../input/support.js';
import { thrown } from '../../support/leaks.js';

// Inputs that used to end in a bare TypeError (or, for `__proto__`, in an entry silently not sent): each is a
// ConfigurationError naming the field, and nothing reaches the exchange.

const AP = { apiKey: 'k_0123456789', apiSecret: 's_0123456789', userId: 1, baseURL: 'https://x.test/ap' };

/** Runs `make`, expecting a ConfigurationError naming `field`. */
async function expectField(make: () => unknown, field: string): Promise<void> {
  const error = await thrown(make);
  expect(error).toBeInstanceOf(ConfigurationError);
  expect((error as ConfigurationError).field).toBe(field);
}

describe('options that were unchecked: 6 of 6 are ConfigurationErrors naming the field', () => {
  it('kiiex({ environment: a null-prototype object })', async () => {
    await expectField(() => kiiex({ environment: Object.create(null) } as never), 'environment');
  });
  it('alphapoint({ name: Symbol() })', async () => {
    await expectField(() => alphapoint({ ...AP, name: Symbol('x') as never }), 'name');
  });
  it('alphapoint({ name: a null-prototype object })', async () => {
    await expectField(() => alphapoint({ ...AP, name: Object.create(null) as never }), 'name');
  });
  it('createClient(null)', async () => {
    await expectField(() => createClient(null as never), 'provider');
  });
  it('createClient({})', async () => {
    await expectField(() => createClient({} as never), 'provider');
  });
  it('createAuthorizer({})', async () => {
    await expectField(() => createAuthorizer({} as never), 'provider');
  });
});

describe('an entry named __proto__ is refused, never silently dropped: 3 of 3, 0 requests sent', () => {
  const own = (name: string) => JSON.parse(`{"${name}":"1"}`) as Record<string, string>;
  for (const [part, options, field] of [
    ['a header', { headers: own('__proto__') }, 'headers.__proto__'],
    ['a query parameter', { query: own('__proto__') }, 'query.__proto__'],
  ] as const) {
    it(`${part} named __proto__`, async () => {
      const server = await startRecorder();
      await expectField(
        () => bitexOn(server).request({ method: 'GET', path: '/users/me', ...options }),
        field,
      );
      expect(server.log).toHaveLength(0);
    });
  }
  it('a path parameter named __proto__', async () => {
    const server = await startRecorder();
    await expectField(
      () =>
        (bitexOn(server).call as (n: string, o: object) => Promise<unknown>)('tickers.get', {
          params: own('__proto__'),
        }),
      'params.__proto__',
    );
    expect(server.log).toHaveLength(0);
  });
});
