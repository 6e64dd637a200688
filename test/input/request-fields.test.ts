import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PermissionDeniedError, TransportError } from '../../src/index.js';
import { thrown } from '../support/leaks.js';
import { seeded } from '../support/property.js';
import { bitexOn, expectRefused, startRecorder, untyped } from './support.js';

const USERS_ME = { method: 'GET', path: '/users/me' } as const;

describe('idempotent must be a boolean', () => {
  // Each of these once switched retries on for a request that must not be repeated.
  for (const value of ['false', 'no', 1, {}, [], 'true', 0, null]) {
    it(`refuses ${JSON.stringify(value)}`, async () => {
      const server = await startRecorder();
      await expectRefused(
        () =>
          untyped(bitexOn(server, ['trade'])).request({ method: 'POST', path: '/bids', idempotent: value }),
        server,
        'idempotent',
        value,
      );
    });
  }

  it('refuses any value that is not a boolean (property)', async () => {
    const server = await startRecorder();
    // Strings carry a marker, so "the message does not show the value" means something for short ones too.
    const notBoolean = fc
      .anything()
      .filter((value) => typeof value !== 'boolean' && value !== undefined)
      .map((value) => (typeof value === 'string' ? `Qz7~${value}` : value));
    await fc.assert(
      fc.asyncProperty(notBoolean, async (value) => {
        const client = untyped(bitexOn(server, ['trade']));
        await expectRefused(
          () => client.request({ method: 'POST', path: '/bids', idempotent: value }),
          server,
          'idempotent',
          value,
        );
      }),
      seeded({ numRuns: 100 }),
    );
  });

  it('while true and false are sent', async () => {
    const server = await startRecorder();
    const client = bitexOn(server, ['trade']);
    await client.request({ method: 'POST', path: '/bids', idempotent: false, body: {}, unchecked: true });
    await client.request({ method: 'POST', path: '/bids', idempotent: true, body: {}, unchecked: true });
    expect(server.log.map((request) => request.method)).toEqual(['POST', 'POST']);
  });
});

describe('method is one of GET POST PUT PATCH DELETE HEAD, in any case', () => {
  for (const value of ['CONNECT', 'TRACE', 'G E T', 'GET\r\n', 'PÖST', 42, null, undefined]) {
    it(`refuses ${JSON.stringify(value) ?? 'a missing method'} with a ConfigurationError, not a TransportError`, async () => {
      const server = await startRecorder();
      const error = await expectRefused(
        () => untyped(bitexOn(server)).request({ method: value, path: '/users/me' }),
        server,
        'method',
        value,
      );
      expect(error).not.toBeInstanceOf(TransportError);
    });
  }

  it("a lowercase 'get' is sent as GET", async () => {
    const server = await startRecorder();
    const response = await untyped(bitexOn(server)).request({ method: 'get', path: '/users/me' });
    expect(response.status).toBe(200);
    expect(server.log.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /api/users/me']);
  });

  it("a lowercase 'post' is gated as POST: a read-only key cannot create a bid", async () => {
    const server = await startRecorder();
    const error = await thrown(() =>
      untyped(bitexOn(server)).request({ method: 'post', path: '/bids', body: {} }),
    );
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect((error as PermissionDeniedError).required).toBe('trade');
    expect(server.log).toEqual([]);
  });

  it("a lowercase 'post' from a trading key is sent as POST", async () => {
    const server = await startRecorder();
    await untyped(bitexOn(server, ['trade'])).request({
      method: 'Post',
      path: '/bids',
      body: {},
      unchecked: true,
    });
    expect(server.log.map((request) => request.method)).toEqual(['POST']);
  });
});

describe('timeout is a whole number of milliseconds from 1 to 2^31-1', () => {
  const bad: Array<[string, unknown]> = [
    ['0 (once waited forever)', 0],
    ['NaN (once waited forever)', Number.NaN],
    ["'5s' (once meant 5 ms)", '5s'],
    ["'5000' as a string", '5000'],
    ['-1 (once reported unknown)', -1],
    ['1.5', 1.5],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['2^31 (a Node timer would fire at once)', 2 ** 31],
  ];
  for (const [name, value] of bad) {
    it(`refuses ${name}`, async () => {
      const server = await startRecorder();
      await expectRefused(
        () => untyped(bitexOn(server)).request({ ...USERS_ME, timeout: value }),
        server,
        'timeout',
        value,
      );
    });
  }

  it('refuses a bad timeout on call() too', async () => {
    const server = await startRecorder();
    await expectRefused(() => untyped(bitexOn(server)).call('users.me', { timeout: 0 }), server, 'timeout');
  });

  it('while 1 and 2^31-1 are accepted', async () => {
    const server = await startRecorder();
    const client = bitexOn(server);
    await client.request({ ...USERS_ME, timeout: 2 ** 31 - 1 });
    await client.call('users.me', { timeout: 5_000 });
    expect(server.log).toHaveLength(2);
  });
});

describe('the other fields are checked before anything is sent', () => {
  const cases: Array<[string, Record<string, unknown>, string, unknown]> = [
    ['a misspelt field', { ...USERS_ME, idempotant: true }, 'idempotant', undefined],
    ['an otp that is not 6 digits', { ...USERS_ME, otp: '12ab56' }, 'otp', '12ab56'],
    ['an otp given as a number', { ...USERS_ME, otp: 123456 }, 'otp', 123456],
    ['a signal that is not an AbortSignal', { ...USERS_ME, signal: { aborted: false } }, 'signal', undefined],
    ['a permission that does not exist', { ...USERS_ME, permission: 'admin' }, 'permission', 'admin'],
    ['a query that is a string', { ...USERS_ME, query: 'a=1' }, 'query', 'a=1'],
    ['a query value that is an object', { ...USERS_ME, query: { page: { n: 1 } } }, 'query.page', undefined],
    ['a query value that is NaN', { ...USERS_ME, query: { page: Number.NaN } }, 'query.page', undefined],
    ['a body that is a function', { method: 'POST', path: '/bids', body: () => 1 }, 'body', undefined],
    [
      'a body with a BigInt',
      { method: 'POST', path: '/bids', body: { n: 10n }, unchecked: true },
      'body',
      undefined,
    ],
  ];
  for (const [name, options, field, offending] of cases) {
    it(name, async () => {
      const server = await startRecorder();
      await expectRefused(
        () => untyped(bitexOn(server, ['trade'])).request(options),
        server,
        field,
        offending,
      );
    });
  }

  for (const input of [null, 'GET /users/me', ['GET', '/users/me'], 7]) {
    it(`request(${JSON.stringify(input)}) is refused`, async () => {
      const server = await startRecorder();
      await expectRefused(() => untyped(bitexOn(server)).request(input), server, 'request');
    });
  }

  it("call()'s options: a misspelt field, and options that are not an object", async () => {
    const server = await startRecorder();
    await expectRefused(() => untyped(bitexOn(server)).call('users.me', { parms: {} }), server, 'parms');
    await expectRefused(() => untyped(bitexOn(server)).call('users.me', 'otp'), server, 'options');
  });

  it("call({ body }) alone, the common shape checked without zod's copy, refuses what zod refuses", async () => {
    const server = await startRecorder();
    const client = untyped(bitexOn(server, ['trade']));
    await expectRefused(() => client.call('bids.create', { body: () => 1 }), server, 'body');
    await expectRefused(() => client.call('bids.create', { body: 10n }), server, 'body');
    await expectRefused(() => client.call('bids.create', { body: Symbol('x') }), server, 'body');
    await expectRefused(() => client.call('bids.create', { body: {}, bdy: {} }), server, 'bdy');
  });

  it('while valid query values, arrays and an abort signal are sent', async () => {
    const server = await startRecorder();
    await bitexOn(server).request({
      ...USERS_ME,
      query: { page: 2, on: true, tags: ['a', 'b'], skip: undefined },
      signal: new AbortController().signal,
      otp: '123456',
    });
    expect(server.log.map((request) => request.url)).toEqual(['/api/users/me?page=2&on=true&tags=a&tags=b']);
  });
});
