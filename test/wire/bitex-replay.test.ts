import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import {
  bitex,
  bitexCatalog,
  createClient,
  ExchangeAuthError,
  ResponseValidationError,
} from '../../src/index.js';
import { closeServers, startHttp } from '../faults/support/servers.js';
import { paramsOf, recordedYear, type WireFixture, wireFixtures } from './fixtures.js';

// Every answer Bitex sent to its official Ruby SDK (bitex-sdk-ruby cassettes as first recorded, never the later
// hand edits; test/fixtures/wire/bitex/README.md) is replayed on loopback through client.call() with the request
// the SDK sent. The current API is what the SDK recorded from January 2019 on; the Oct–Dec 2018 cassettes hit
// older routes and shapes and are history. Every current 2xx answer must resolve without drift; every current
// error answer must end as the library's own error, never as a validation failure.

type Name = keyof typeof bitexCatalog;

const all = wireFixtures('bitex');
const current = all.filter(
  (fixture) =>
    fixture.source.kind === 'recording' && fixture.endpoint !== null && (recordedYear(fixture) ?? 0) >= 2019,
);
const answers = current.filter((fixture) => fixture.status >= 200 && fixture.status < 300);
// Bitex's error answers kept their shape across versions: every recorded one of a catalogued route counts.
const refusals = all.filter(
  (fixture) => fixture.source.kind === 'recording' && fixture.endpoint !== null && fixture.status >= 400,
);

let replaying: WireFixture | undefined;
let origin = '';
beforeAll(async () => {
  const server = await startHttp((_arrival, res) => {
    const fixture = replaying;
    if (!fixture) {
      res.writeHead(500).end();
      return;
    }
    if (fixture.body === '') {
      res.writeHead(fixture.status).end();
      return;
    }
    res.writeHead(fixture.status, {
      'content-type': 'application/vnd.api+json; charset=utf-8',
      'content-length': Buffer.byteLength(fixture.body),
    });
    res.end(fixture.body);
  });
  origin = server.origin;
});
afterAll(closeServers);

const client = () =>
  createClient(
    bitex({
      apiKey: 'wireReplayKey_0123456789',
      baseURL: `${origin}/api`,
      role: 'master',
      otp: () => '123456',
    }),
    { retry: false, rateLimit: false },
  );

/** A query as the endpoint's schema reads it: the wire's strings, with whole numbers as numbers. */
function typedQuery(query: Readonly<Record<string, string>>): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(query).map(([name, value]) => [name, /^-?\d+$/.test(value) ? Number(value) : value]),
  );
}

/** Whether the endpoint's request schemas take this recorded request's body and query. */
function takes(name: Name, fixture: WireFixture): boolean {
  const request = (bitexCatalog[name] as { request?: { body?: ZodType; query?: ZodType } }).request;
  const { body, query } = fixture.request;
  if (body !== undefined && request?.body && !request.body.safeParse(body).success) return false;
  if (query !== undefined && request?.query && !request.query.safeParse(typedQuery(query)).success)
    return false;
  return true;
}

/**
 * Calls the fixture's endpoint with the request the SDK recorded, or, where our request schema refuses that one
 * (the SDK of 2019-01-18 also sent `attributes.type`), with the newest recorded request of the endpoint that it
 * takes. The answer replayed is the fixture's either way.
 */
function replay(fixture: WireFixture) {
  replaying = fixture;
  const name = fixture.endpoint as Name;
  const endpoint = bitexCatalog[name];
  const params = paramsOf(endpoint.path, fixture.request.path);
  if (!params) throw new Error(`${fixture.file}: ${fixture.request.path} does not fit ${endpoint.path}`);
  const request = takes(name, fixture)
    ? fixture.request
    : all
        .filter((other) => other.endpoint === name && takes(name, other))
        .sort((a, b) => Date.parse(b.source.recorded_at ?? '') - Date.parse(a.source.recorded_at ?? ''))[0]
        ?.request;
  if (!request) throw new Error(`${fixture.file}: no recorded request of ${name} passes its request schema`);
  const input: Record<string, unknown> = {};
  if (Object.keys(params).length > 0) input.params = params;
  if (request.query) input.query = typedQuery(request.query);
  if (request.body !== undefined) input.body = request.body;
  return (client().call as (name: string, input: object) => Promise<{ status: number; drift?: unknown }>)(
    name,
    input,
  );
}

describe(`Bitex: ${answers.length} recorded 2xx answers (${new Set(answers.map((f) => f.endpoint)).size} endpoints) replayed through client.call()`, () => {
  it('the corpus is what the README says: recordings with a source commit each', () => {
    expect(all.length).toBeGreaterThanOrEqual(300);
    for (const fixture of all) {
      expect(fixture.source.repo).toBe('bitex-la/bitex-sdk-ruby');
      expect(fixture.source.commit).toMatch(/^[0-9a-f]{40}$/);
    }
  });

  for (const fixture of answers) {
    it(`${fixture.endpoint} · ${fixture.file}: accepted, no drift`, async () => {
      const result = await replay(fixture);
      expect(result.status).toBe(fixture.status);
      expect(result.drift).toBeUndefined();
    });
  }
});

describe(`Bitex: ${refusals.length} recorded error answers end as the library's errors`, () => {
  for (const fixture of refusals) {
    it(`${fixture.endpoint} · ${fixture.file} (HTTP ${fixture.status})`, async () => {
      const error = await replay(fixture).then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(ExchangeAuthError);
      expect(error).not.toBeInstanceOf(ResponseValidationError);
      expect((error as ExchangeAuthError).status).toBe(fixture.status);
    });
  }
});
