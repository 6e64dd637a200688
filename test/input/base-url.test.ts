import { describe, expect, it } from 'vitest';
import { bitex, createClient } from '../../src/index.js';
import { alphapoint } from '../../src/providers/alphapoint/index.js';
import { kiiex } from '../../src/providers/alphapoint/kiiex.js';
import { ndax } from '../../src/providers/alphapoint/ndax.js';
import { bitexbit } from '../../src/providers/bitexbit/index.js';
import { expectRefused, KEY, startRecorder } from './support.js';

const AP = { apiKey: 'ap_key_0123', apiSecret: 'ap_secret_4567', userId: 7 };

/** Each provider, built on `baseURL` and asked for one request; with the example its messages give. */
const PROVIDERS: Array<[string, string, (baseURL: string) => Promise<unknown>]> = [
  [
    'bitex',
    'https://bitex.la/api',
    (baseURL) => createClient(bitex({ apiKey: KEY, baseURL })).request({ method: 'GET', path: '/tickers' }),
  ],
  [
    'bitexbit',
    'https://bitexbit.com',
    (baseURL) =>
      createClient(bitexbit({ accessKey: 'ak_0123', privateKey: 'sk_4567', access: 'read', baseURL })).call(
        'public.pairs',
      ),
  ],
  [
    'alphapoint',
    'https://apstage.proxy.kiiex.io/ap',
    (baseURL) =>
      createClient(alphapoint({ ...AP, baseURL })).request({
        method: 'POST',
        path: '/GetProducts',
        permission: 'public',
      }),
  ],
  [
    'kiiex',
    'https://apstage.proxy.kiiex.io/ap',
    (baseURL) =>
      createClient(kiiex({ ...AP, baseURL })).request({
        method: 'POST',
        path: '/GetProducts',
        permission: 'public',
      }),
  ],
  [
    'ndax',
    'https://apstage.proxy.kiiex.io/ap',
    (baseURL) =>
      createClient(ndax({ ...AP, baseURL })).request({
        method: 'POST',
        path: '/GetProducts',
        permission: 'public',
      }),
  ],
];

/** A bad base URL on the test's loopback server: were it accepted, the request would reach the server. */
const BAD: Array<[string, (origin: string) => string]> = [
  ['CR LF (once stripped by URL parsing)', (origin) => `${origin}/api\r\nX-Injected: 1`],
  ['a LF in the host', (origin) => `${origin.slice(0, 10)}\n${origin.slice(10)}/api`],
  ['a tab', (origin) => `${origin}/a\tpi`],
  ['a space', (origin) => `${origin}/my api`],
  ['a zero-width space', (origin) => `${origin}/api\u200b`],
  ['a query string', (origin) => `${origin}/api?token=abcd`],
  ['an empty query string', (origin) => `${origin}/api?`],
  ['a fragment', (origin) => `${origin}/api#part`],
  ['a user name and password', (origin) => origin.replace('http://', 'http://user:pa55@')],
  ['a dot segment', (origin) => `${origin}/other/../api`],
  ['an encoded dot segment', (origin) => `${origin}/other/%2e%2e/api`],
  ['a backslash', (origin) => `${origin}\\api`],
  ['no "//" after the scheme', (origin) => origin.replace('http://', 'http:')],
  ['another scheme', (origin) => origin.replace('http://', 'ftp://')],
  ['no scheme', (origin) => origin.replace('http://', '')],
];

for (const [name, example, send] of PROVIDERS) {
  describe(`${name}: baseURL is an http(s) URL kept as written`, () => {
    for (const [what, bad] of BAD) {
      it(`refuses a baseURL with ${what}`, async () => {
        const server = await startRecorder();
        const baseURL = bad(server.origin);
        const error = await expectRefused(() => send(baseURL), server, 'baseURL', baseURL);
        expect(error.message).toMatch(new RegExp(`^${name}: baseURL `));
        expect(error.message).toContain(example);
      });
    }

    it('refuses a baseURL that is not a string', async () => {
      const server = await startRecorder();
      await expectRefused(() => send(42 as unknown as string), server, 'baseURL');
    });

    it('while an origin, a path prefix, a trailing "/" and an upper-case scheme are accepted', async () => {
      const server = await startRecorder();
      for (const baseURL of [
        `${server.origin}/api`,
        `${server.origin}/api/`,
        server.origin.replace('http://', 'HTTP://'),
      ]) {
        await send(baseURL).catch(() => undefined);
      }
      expect(server.log).toHaveLength(3);
    });
  });
}
