import { expect, onTestFinished } from 'vitest';
import { bitex, ConfigurationError, createClient } from '../../src/index.js';
import type { BitexKeyPermission } from '../../src/providers/bitex/options.js';
import { type LoopbackServer, startHttpServer } from '../../src/testing/index.js';
import { fixture } from '../fixtures/shape.js';
import { thrown } from '../support/leaks.js';

export const KEY = 'inputKey_7f3a9c1e5b2d';

/** Bitex's documented answer (test/fixtures/bitex/) for each route these tests reach, by `METHOD path`. */
const DOCUMENTED: ReadonlyArray<readonly [string, RegExp, string]> = [
  ['GET', /^\/api\/tickers$/, 'tickers-list'],
  ['GET', /^\/api\/tickers\/[^/]+$/, 'tickers-get'],
  ['GET', /^\/api\/users\/me$/, 'users-me'],
  ['GET', /^\/api\/users$/, 'users-list'],
  ['POST', /^\/api\/users$/, 'users-create'],
  ['GET', /^\/api\/coin_wallets$/, 'coin-wallets'],
  ['GET', /^\/api\/orders$/, 'orders-list'],
  ['POST', /^\/api\/bids$/, 'bids-create'],
  ['POST', /^\/api\/asks$/, 'asks-create'],
  ['POST', /^\/api\/coin_withdrawals$/, 'coin-withdrawals-create'],
];

const CANCEL = /^\/api\/(?:(?:bids|asks)\/[^/]+\/cancel|orders\/cancel)$/;

/**
 * A loopback exchange for the running test (closed when it finishes) that answers as Bitex documents: 204 for a
 * cancel, else 200 with the recorded answer for its route (a bare JSON:API resource where the catalog has none).
 * Its `log` holds everything that reached the network.
 */
export async function startRecorder(): Promise<LoopbackServer> {
  const server = await startHttpServer((request) => {
    // Bitex answers its cancels 204, with no body.
    if (request.method === 'POST' && CANCEL.test(request.path)) return { status: 204 };
    const route = DOCUMENTED.find(([method, path]) => method === request.method && path.test(request.path));
    return {
      status: 200,
      body: route ? fixture(`bitex/${route[2]}.json`) : { data: { id: '1', type: 'things' } },
    };
  });
  onTestFinished(() => server.close());
  return server;
}

/** A fresh Bitex client on `server`, granted `permissions` (read-only unless told), without retries. */
export function bitexOn(server: LoopbackServer, permissions: readonly BitexKeyPermission[] = ['read']) {
  return createClient(
    bitex({ apiKey: KEY, baseURL: `${server.origin}/api`, permissions, otp: () => '123456' }),
    { retry: false, rateLimit: false },
  );
}

/** A Bitex client seen as JavaScript sees it: any options at all can be passed. */
export function untyped(client: ReturnType<typeof bitexOn>) {
  return client as unknown as {
    request(options: unknown): Promise<{ status: number }>;
    call(name: string, options?: unknown): Promise<{ status: number }>;
  };
}

function json(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

/**
 * Whether `text` shows `value`: quoted (as JSON or in single quotes) always, and bare when it is long enough for
 * a match to mean something (a bare `1` or `no` is inside many honest words).
 */
export function shows(text: string, value: unknown): boolean {
  const raw = typeof value === 'string' ? value : json(value);
  if (raw === undefined || raw === '') return false;
  const forms = [`"${raw}"`, `'${raw}'`, ...(raw.length >= 4 ? [raw] : [])];
  return forms.some((form) => text.includes(form));
}

/**
 * The action fails with a ConfigurationError naming `field`, whose message and JSON do not show `offending`,
 * and nothing reached `server`.
 */
export async function expectRefused(
  action: () => unknown,
  server: LoopbackServer,
  field: string,
  offending?: unknown,
): Promise<ConfigurationError> {
  const error = await thrown(action);
  expect(server.log).toEqual([]);
  expect(error).toBeInstanceOf(ConfigurationError);
  const refused = error as ConfigurationError;
  expect(refused.field).toBe(field);
  expect(refused.message).toMatch(/^[a-z-]+: /);
  if (offending !== undefined) {
    expect(shows(refused.message, offending), refused.message).toBe(false);
    expect(shows(JSON.stringify(refused), offending)).toBe(false);
  }
  expect(refused.message).not.toContain(KEY);
  return refused;
}
