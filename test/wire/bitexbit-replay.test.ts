import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bitexbit, createClient } from '../../src/index.js';
import { bitexbitCatalog } from '../../src/providers/bitexbit/catalog.js';
import { answers1 } from '../catalog/bitexbit-examples/answers-1.js';
import { answers2 } from '../catalog/bitexbit-examples/answers-2.js';
import { REQUESTS } from '../catalog/bitexbit-examples/requests.js';
import { closeServers, json, startHttp } from '../faults/support/servers.js';

// bitexbit: no public recording of its traffic was found (no SDK cassettes, no client quoting answers), so its
// corpus is its own docs' examples (bitexbit/api-docs-v2 and api-docs-gateway, test/catalog/bitexbit-examples,
// each naming its section). Each is replayed on loopback through client.call() with the documented request, as
// the recordings of Bitex and AlphaPoint are (test/wire/).

type Name = keyof typeof bitexbitCatalog;
const ANSWERS = { ...answers1, ...answers2 };
const names = Object.keys(ANSWERS) as Name[];

let answer: unknown;
let origin = '';
beforeAll(async () => {
  const server = await startHttp((_arrival, res) => json(res, 200, answer));
  origin = server.origin;
});
afterAll(closeServers);

const PATH_VALUES: Readonly<Record<string, string>> = {
  id: '33852806',
  code: 'BTC',
  symbol: 'BTC_USD',
  txid: 'x',
};

describe(`bitexbit: ${names.length} documented answers (docs, no public recording exists) replayed through client.call()`, () => {
  for (const name of names) {
    it(`${name} · ${ANSWERS[name]?.source}: accepted, no drift`, async () => {
      answer = ANSWERS[name]?.example;
      const client = createClient(
        bitexbit({
          accessKey: 'replayAccess_0123',
          privateKey: 'replayPrivate_0123',
          access: 'withdraw',
          baseURL: origin,
        }),
        { retry: false, rateLimit: false },
      );
      const endpoint = bitexbitCatalog[name];
      const params = Object.fromEntries(
        [...endpoint.path.matchAll(/:([a-z_]+)/g)].map(([, key]) => [key, PATH_VALUES[key as string] ?? '1']),
      );
      const request = REQUESTS[name];
      const input = {
        ...(Object.keys(params).length > 0 ? { params } : {}),
        ...(request?.query && Object.keys(request.query).length > 0 ? { query: request.query } : {}),
        ...(request?.body ? { body: request.body } : {}),
      };
      const result = await (
        client.call as (n: string, i: object) => Promise<{ status: number; drift?: unknown }>
      )(name, input);
      expect(result.status).toBe(200);
      expect(result.drift).toBeUndefined();
    });
  }
});
