import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bitex, createClient } from '../../src/index.js';
import { kiiex } from '../../src/providers/alphapoint/kiiex.js';
import { bitexbit } from '../../src/providers/bitexbit/index.js';
import type { LoopbackServer } from '../../src/testing/index.js';
import { seeded } from '../support/property.js';
import { bitexOn, expectRefused, KEY, startRecorder, untyped } from './support.js';

const USERS_ME = { method: 'GET', path: '/users/me' } as const;
const BID = {
  method: 'POST',
  path: '/bids',
  body: { data: { type: 'bids', attributes: { amount: 1 } } },
} as const;

/** A header value with one character a header cannot carry (a control, or beyond Latin-1) among fine ones. */
const badCharacter = fc
  .oneof(
    fc.integer({ min: 0x00, max: 0x1f }),
    fc.constant(0x7f),
    fc.integer({ min: 0x80, max: 0x9f }),
    fc.integer({ min: 0x100, max: 0xd7ff }),
    fc.integer({ min: 0xe000, max: 0x10ffff }),
  )
  .map((code) => String.fromCodePoint(code));
const fine = fc.stringMatching(/^[ -~\u00a0-\u00ff]{0,12}$/);
const badValue = fc
  .tuple(fine, badCharacter, fine)
  .map(([before, bad, after]) => `Qz7~${before}${bad}${after}`);

/** `name` with each letter's case chosen at random. */
const anyCase = (name: string) =>
  fc
    .array(fc.boolean(), { minLength: name.length, maxLength: name.length })
    .map((upper) => [...name].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join(''));
const framingName = fc
  .constantFrom('host', 'content-length', 'transfer-encoding', 'connection')
  .chain((name) => anyCase(name));

describe('headers must be a plain object of names to Latin-1 strings', () => {
  const shapes: Array<[string, unknown]> = [
    ["a string (once sent as '0: a')", 'abc'],
    ['an array', ['X-Bot: a']],
    ['a Map', new Map([['X-Bot', 'a']])],
    ['a number', 7],
  ];
  for (const [name, headers] of shapes) {
    it(`refuses ${name}`, async () => {
      const server = await startRecorder();
      await expectRefused(
        () => untyped(bitexOn(server)).request({ ...USERS_ME, headers }),
        server,
        'headers',
        headers,
      );
    });
  }

  const values: Array<[string, string]> = [
    ['CR LF', 'a\r\nX-Injected: 1'],
    ['a tab', 'a\tb'],
    ['NUL', 'a\u0000b'],
    ['DEL', 'a\u007fb'],
    ['a C1 control (U+0085)', 'a\u0085b'],
    ['the euro sign (beyond Latin-1)', 'price in €'],
    ['an emoji', 'bot 🤖'],
    ['a zero-width space', 'a\u200bb'],
  ];
  for (const [name, value] of values) {
    it(`refuses a value with ${name} (once silently stripped)`, async () => {
      const server = await startRecorder();
      await expectRefused(
        () => bitexOn(server).request({ ...USERS_ME, headers: { 'X-Note': value } }),
        server,
        'headers.X-Note',
        value,
      );
    });
  }

  it('refuses any value with a control or non-Latin-1 character (property)', async () => {
    const server = await startRecorder();
    await fc.assert(
      fc.asyncProperty(badValue, async (value) => {
        const client = bitexOn(server);
        await expectRefused(
          () => client.request({ ...USERS_ME, headers: { 'X-Note': value } }),
          server,
          'headers.X-Note',
          value,
        );
      }),
      seeded({ numRuns: 200 }),
    );
  });

  it('refuses a value that is not a string, a name that is not a token, and a name given twice', async () => {
    const server = await startRecorder();
    const client = untyped(bitexOn(server));
    await expectRefused(() => client.request({ ...USERS_ME, headers: { 'X-N': 1 } }), server, 'headers.X-N');
    await expectRefused(
      () => client.request({ ...USERS_ME, headers: { 'X Bad\r\nHost': 'a' } }),
      server,
      'headers',
      'X Bad\r\nHost',
    );
    await expectRefused(
      () => client.request({ ...USERS_ME, headers: { 'X-Bot': 'a', 'x-bot': 'b' } }),
      server,
      'headers.x-bot',
    );
  });

  it('checks the headers of call() too', async () => {
    const server = await startRecorder();
    await expectRefused(
      () => bitexOn(server).call('users.me', { headers: { 'X-Note': 'a\nb' } }),
      server,
      'headers.X-Note',
    );
  });

  it('while a header such as X-Bot: a, and Latin-1 text, reach the wire as given', async () => {
    const server = await startRecorder();
    await bitexOn(server).request({ ...USERS_ME, headers: { 'X-Bot': 'a', 'X-Note': 'café ±1' } });
    await bitexOn(server).call('users.me', { headers: { 'X-Bot': 'b' } });
    expect(server.log.map((request) => request.headers['x-bot'])).toEqual(['a', 'b']);
    expect(server.log[0]?.headers['x-note']).toBe('café ±1');
  });
});

describe('framing headers are refused: the HTTP client sets them from the request', () => {
  const framing: Array<[string, string]> = [
    ['Content-Length', '0'],
    ['Host', 'evil.test'],
    ['Transfer-Encoding', 'chunked'],
    ['Connection', 'close'],
    ['content-length', '5'],
    ['HOST', 'evil.test'],
  ];
  for (const [name, value] of framing) {
    it(`${name}: ${value} with a body (Content-Length: 0 once smuggled a second request)`, async () => {
      const server = await startRecorder();
      const error = await expectRefused(
        () => bitexOn(server, ['trade']).request({ ...BID, headers: { [name]: value } }),
        server,
        `headers.${name}`,
        value,
      );
      expect(error.message).toContain('set by the HTTP client');
    });
  }

  it('in any case (property)', async () => {
    const server = await startRecorder();
    await fc.assert(
      fc.asyncProperty(framingName, async (name) => {
        const client = bitexOn(server, ['trade']);
        const error = await expectRefused(
          () => client.request({ ...BID, headers: { [name]: 'Qz7~value' } }),
          server,
          `headers.${name}`,
          'Qz7~value',
        );
        expect(error.message).toContain('set by the HTTP client');
      }),
      seeded({ numRuns: 100 }),
    );
  });
});

/** Refuses `headers` on a request `send` makes, naming `field`, with nothing sent. */
async function refusesReserved(
  server: LoopbackServer,
  send: (headers: Record<string, string>) => Promise<unknown>,
  name: string,
) {
  await expectRefused(() => send({ [name]: 'Qz7~mine' }), server, `headers.${name}`, 'Qz7~mine');
}

describe('headers the provider or the credentials set are refused, in any case', () => {
  for (const name of [
    'Version',
    'version',
    'Authorization',
    'AUTHORIZATION',
    'One-Time-Password',
    'Accept',
  ]) {
    const note = name.toLowerCase() === 'version' ? ' (a user Version: 1.0 once replaced 2.1)' : '';
    it(`Bitex: ${name}${note}`, async () => {
      const server = await startRecorder();
      await refusesReserved(server, (headers) => bitexOn(server).request({ ...USERS_ME, headers }), name);
    });
  }

  it("Bitex: a master's delegated client refuses Authorization too", async () => {
    const server = await startRecorder();
    const master = createClient(bitex({ apiKey: KEY, role: 'master', baseURL: `${server.origin}/api` }), {
      retry: false,
    });
    await refusesReserved(
      server,
      (headers) => master.onBehalfOf(600).call('users.me', { headers }),
      'authorization',
    );
  });

  for (const name of ['X-API-Key', 'x-nonce', 'X-Signature', 'X-Key', 'X-TIMEOUT', 'X-Sign']) {
    it(`bitexbit: ${name} (the nonce and the deadline schemes)`, async () => {
      const server = await startRecorder();
      const client = createClient(
        bitexbit({
          accessKey: 'ak_input_0123',
          privateKey: 'sk_input_4567',
          access: 'read',
          baseURL: server.origin,
        }),
        { retry: false, rateLimit: false },
      );
      await refusesReserved(server, (headers) => client.call('balance.get', { headers }), name);
    });
  }

  for (const name of ['aptoken', 'APToken']) {
    it(`AlphaPoint: ${name} (nothing is sent, not even a login)`, async () => {
      const server = await startRecorder();
      const client = createClient(
        kiiex({
          apiKey: 'ap_key_0123',
          apiSecret: 'ap_secret_4567',
          userId: 7,
          baseURL: `${server.origin}/ap`,
        }),
        { retry: false },
      );
      await refusesReserved(
        server,
        (headers) => client.request({ method: 'POST', path: '/GetAccountPositions', body: {}, headers }),
        name,
      );
    });
  }
});
