import { describe, expect, it } from 'vitest';
import { buildRequest } from '../../src/index.js';

// buildRequest joins a plain path to an already parsed base URL instead of parsing the whole URL again. The
// WHATWG URL parser is the judge: every URL and path must be what `new URL` makes of base + path + query.

const BASES = [
  'https://bitexbit.com',
  'https://www.bitexbit.com/',
  'https://API.Kiiex.IO/AP/',
  'http://127.0.0.1:8080/ap',
  'https://bitex.la:443/api//',
  'http://[::1]:9000/a/./b/../c',
  'https://example.test/v%41/x',
  'https://user:pw@example.test/api',
  'https://example.test/api?x=1',
  'https://bücher.example/api',
];

const PATHS = [
  '/GetAccountPositions',
  '/api/v2/private/balance',
  '/',
  '//double',
  '/a/b/c-d_e.f~g',
  '/./dot',
  '/x/../up',
  '/..',
  '/with%20space',
  '/ümlaut',
  '/semi;colon',
  '/orders?limit=5',
];

describe('buildRequest URLs are what the URL parser makes of base, path and query', () => {
  for (const baseURL of BASES) {
    it(baseURL, () => {
      for (const path of PATHS) {
        for (const query of [undefined, { side: 'buy', amount: 0.5 }]) {
          const built = buildRequest({ baseURL, method: 'GET', path, query });
          const search = new URLSearchParams(path.split('?')[1] ?? '');
          for (const [key, value] of Object.entries(query ?? {})) search.append(key, String(value));
          const text = search.toString();
          const expected = new URL(
            `${baseURL.replace(/\/+$/, '')}${path.split('?')[0]}${text ? `?${text}` : ''}`,
          );
          expect({ path, url: built.url, pathname: built.path }).toEqual({
            path,
            url: expected.toString(),
            pathname: expected.pathname,
          });
        }
      }
    });
  }
});
