import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  alphapoint,
  type alphapointCatalog,
  createClient,
  ExchangeAuthError,
  ResponseValidationError,
} from '../../src/index.js';
import { REQUESTS } from '../catalog/alphapoint-examples/index.js';
import { answeredLogin, closeServers, startHttp } from '../faults/support/servers.js';
import { type WireFixture, wireFixtures } from './fixtures.js';

// Answers that NDAX and other AlphaPoint APEX exchanges sent, quoted in public code (ccxt's ndax.ts comments and
// static responses) and two doc examples where nothing was recorded (test/fixtures/wire/alphapoint/README.md),
// replayed on loopback through client.call(). The request is the call's documented one (the quoting clients sent
// GET with lower-case query names; this catalog sends POST with the documented body); the answer is the wire's.
// Answers made up in other clients' tests (`example-in-code`) are not asserted on.

type Name = keyof typeof alphapointCatalog;

const all = wireFixtures('alphapoint');
const asserted = all.filter(
  (fixture) =>
    fixture.endpoint !== null && (fixture.source.kind === 'recording' || fixture.source.kind === 'docs'),
);
/** APEX refuses at HTTP 200: an answer is a refusal when its body says so (result false, status Rejected). */
const refused = (fixture: WireFixture) =>
  /"(result"\s*:\s*false|status"\s*:\s*"Rejected")/.test(fixture.body);
const answers = asserted.filter((fixture) => !refused(fixture));
const refusals = asserted.filter(refused);

let replaying: WireFixture | undefined;
let origin = '';
beforeAll(async () => {
  const server = await startHttp((arrival, res) => {
    if (answeredLogin(arrival, res)) return;
    const body = replaying?.body ?? '';
    res.writeHead(replaying?.status ?? 500, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  });
  origin = server.origin;
});
afterAll(closeServers);

const client = () =>
  createClient(
    alphapoint({
      name: 'apex-replay',
      apiKey: 'wireReplayKey_0123456789',
      apiSecret: 'wireReplaySecret_0123456789',
      userId: 7,
      baseURL: `${origin}/ap`,
    }),
    { retry: false, rateLimit: false },
  );

function replay(fixture: WireFixture) {
  replaying = fixture;
  const name = fixture.endpoint as Name;
  const documented = REQUESTS[name]?.[0]?.value;
  const input = documented === undefined ? {} : { body: documented };
  return (client().call as (name: string, input: object) => Promise<{ status: number; drift?: unknown }>)(
    name,
    input,
  );
}

describe(`AlphaPoint: ${answers.length} answers from the wire (${new Set(answers.map((f) => f.endpoint)).size} calls) replayed through client.call()`, () => {
  it(`the corpus names its sources: ${all.length} fixtures, ${asserted.length} recordings or docs, each with a commit`, () => {
    for (const fixture of all) expect(fixture.source.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(asserted.filter((fixture) => fixture.source.kind === 'recording').length).toBeGreaterThanOrEqual(
      20,
    );
  });

  for (const fixture of answers) {
    it(`${fixture.endpoint} · ${fixture.file} (${fixture.source.kind}): accepted, no drift`, async () => {
      const result = await replay(fixture);
      expect(result.status).toBe(200);
      expect(result.drift).toBeUndefined();
    });
  }
});

describe(`AlphaPoint: ${refusals.length} refusals from the wire end as the library's errors`, () => {
  for (const fixture of refusals) {
    it(`${fixture.endpoint} · ${fixture.file}`, async () => {
      const error = await replay(fixture).then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(ExchangeAuthError);
      expect(error).not.toBeInstanceOf(ResponseValidationError);
    });
  }
});
