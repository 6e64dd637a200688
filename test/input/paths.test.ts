import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seeded } from '../support/property.js';
import { bitexOn, expectRefused, startRecorder, untyped } from './support.js';

/** `.` as written in a path: plainly, or percent-encoded in either case. */
const dot = fc.constantFrom('.', '%2e', '%2E');
/** A `.` or `..` segment, in every mix of plain and encoded dots (`.%2e`, `%2E.` ...). */
const dotSegment = fc.oneof(
  dot,
  fc.tuple(dot, dot).map(([a, b]) => a + b),
);
const segment = fc.stringMatching(/^[a-z0-9_]{1,8}$/);

/** A path with a dot segment somewhere: first, in the middle or last, with or without a trailing `/` or query. */
const dottedPath = fc
  .record({
    before: fc.array(segment, { maxLength: 3 }),
    dots: dotSegment,
    after: fc.array(segment, { maxLength: 3 }),
    slash: fc.boolean(),
    query: fc.boolean(),
  })
  .map(
    ({ before, dots, after, slash, query }) =>
      `/${[...before, dots, ...after].join('/')}${slash ? '/' : ''}${query ? '?page=1' : ''}`,
  );

describe('a path with a dot segment is refused (new URL() would resolve it after the gate)', () => {
  it("a read-only key's POST /users/../bids/1/cancel with permission 'read' (once sent as a cancel)", async () => {
    const server = await startRecorder();
    const path = '/users/../bids/1/cancel';
    await expectRefused(
      () => bitexOn(server).request({ method: 'POST', path, permission: 'read' }),
      server,
      'path',
      path,
    );
  });

  for (const path of [
    '/users/%2e%2e/bids/1/cancel',
    '/users/%2E./bids/1/cancel',
    '/users/.%2E/bids/7/cancel',
  ]) {
    it(`the encoded form ${path}`, async () => {
      const server = await startRecorder();
      await expectRefused(
        () => bitexOn(server).request({ method: 'POST', path, permission: 'read' }),
        server,
        'path',
        path,
      );
    });
  }

  it('any mix of plain and encoded dots, anywhere in the path (property)', async () => {
    const server = await startRecorder();
    const method = fc.constantFrom('GET', 'POST', 'post', 'DELETE');
    await fc.assert(
      fc.asyncProperty(dottedPath, method, async (path, verb) => {
        const client = untyped(bitexOn(server));
        await expectRefused(
          () => client.request({ method: verb, path, permission: 'read' }),
          server,
          'path',
          path,
        );
      }),
      seeded({ numRuns: 150 }),
    );
  });
});

describe('other paths the server would read differently from the gate are refused', () => {
  const cases: Array<[string, string]> = [
    ['a scheme and host', 'https://evil.test/api/users/me'],
    ['a protocol-relative host', '//evil.test/api/users/me'],
    ['a relative path', 'users/me'],
    ['a backslash (read as "/")', '/users\\..\\bids\\1\\cancel'],
    ['an empty segment (merged by many servers)', '/bids//1/cancel'],
    ['an encoded letter', '/bi%64s/1/cancel'],
    ['an encoded slash', '/bids%2F1%2Fcancel'],
    ['an encoded backslash', '/bids%5c1%5ccancel'],
    ['a stray percent sign', '/users/me%'],
    ['a fragment', '/users/me#x'],
    ['a tab', '/users/\tme'],
    ['a zero-width space', '/users/\u200bme'],
  ];
  for (const [name, path] of cases) {
    it(name, async () => {
      const server = await startRecorder();
      await expectRefused(
        () => bitexOn(server).request({ method: 'POST', path, permission: 'read' }),
        server,
        'path',
        path,
      );
    });
  }

  it('a path that is not a string', async () => {
    const server = await startRecorder();
    await expectRefused(() => untyped(bitexOn(server)).request({ method: 'GET', path: 42 }), server, 'path');
  });

  it('while dots inside a segment or in the query, and encoded spaces, are sent as written', async () => {
    const server = await startRecorder();
    const client = bitexOn(server);
    await client.request({ method: 'GET', path: '/files/v1.2/.../x..y?next=..', permission: 'read' });
    await client.request({ method: 'GET', path: '/tickers/btc%20usd', permission: 'public' });
    expect(server.log.map((request) => request.url)).toEqual([
      '/api/files/v1.2/.../x..y?next=..',
      '/api/tickers/btc%20usd',
    ]);
  });
});

describe("path parameters are one real segment: never '.', '..' or a '/'", () => {
  it("params.id '..' (once turned a cancel into POST /api/cancel)", async () => {
    const server = await startRecorder();
    await expectRefused(
      () => bitexOn(server, ['trade']).call('bids.cancel', { params: { id: '..' } }),
      server,
      'params.id',
      '..',
    );
  });

  it('any mix of plain and encoded dots (property)', async () => {
    const server = await startRecorder();
    await fc.assert(
      fc.asyncProperty(dotSegment, async (id) => {
        const client = bitexOn(server, ['trade']);
        await expectRefused(() => client.call('bids.cancel', { params: { id } }), server, 'params.id', id);
      }),
      seeded({ numRuns: 50 }),
    );
  });

  const bad: Array<[string, unknown]> = [
    ['a slash', '12/../../users'],
    ['a backslash', '12\\..'],
    ['an empty string', ''],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['an object', { id: 1 }],
    ['a boolean', true],
  ];
  for (const [name, id] of bad) {
    it(`params.id that is ${name}`, async () => {
      const server = await startRecorder();
      await expectRefused(
        () => untyped(bitexOn(server, ['trade'])).call('bids.cancel', { params: { id } }),
        server,
        'params.id',
        id,
      );
    });
  }

  it('params that are not an object', async () => {
    const server = await startRecorder();
    await expectRefused(
      () => untyped(bitexOn(server, ['trade'])).call('bids.cancel', { params: ['..'] }),
      server,
      'params',
    );
  });

  it('while numbers, ids with dots inside, and encoded characters are sent in one segment', async () => {
    const server = await startRecorder();
    const client = bitexOn(server, ['trade']);
    await client.call('bids.cancel', { params: { id: 12 } });
    await client.call('bids.cancel', { params: { id: '...' } });
    await client.call('bids.cancel', { params: { id: 'v1.2 x' } });
    expect(server.log.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /api/bids/12/cancel',
      'POST /api/bids/.../cancel',
      'POST /api/bids/v1.2%20x/cancel',
    ]);
  });
});
