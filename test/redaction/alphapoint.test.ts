import fc from 'fast-check';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient, ExchangeAuthError, kiiex } from '../../src/index.js';
import { AP_ACCOUNT, AP_ORDER } from '../support/documented.js';
import { everythingPrintable, thrown } from '../support/leaks.js';
import { seeded } from '../support/property.js';

const ORIGIN = 'https://kiiex.redaction.test';
const BASE = `${ORIGIN}/ap`;
const text = (min: number) =>
  fc.string({
    unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_'),
    minLength: min,
    maxLength: 48,
  });
const credentials = fc.record({ apiKey: text(12), apiSecret: text(16), token: text(20) });

type Secrets = { apiKey: string; apiSecret: string; token: string };
// nock intercepts Node's http module, which the axios transport sends through (undici does not).
const settings = { transport: 'axios', retry: false, rateLimit: false } as const;
const client = (s: Secrets, extra: Record<string, unknown> = {}) =>
  createClient(
    kiiex({ apiKey: s.apiKey, apiSecret: s.apiSecret, userId: 7, baseURL: BASE, ...extra }),
    settings,
  );

/** The exchange hands out the session token; every later answer echoes every secret it can see. */
function login(s: Secrets, fields: Record<string, unknown> = {}) {
  let signature = '';
  nock(ORIGIN)
    .post('/ap/AuthenticateUser')
    .reply((request) => {
      signature = String(request.headers.get('signature'));
      return [
        200,
        {
          Authenticated: true,
          SessionToken: s.token,
          User: { UserId: 7, AccountId: 9, OMSId: 1 },
          ...fields,
        },
      ];
    });
  return () => signature;
}

const echo = (s: Secrets, signature: () => string) => `${s.apiKey} ${s.apiSecret} ${s.token} ${signature()}`;

const paths: Array<{
  name: string;
  run: (s: Secrets) => Promise<{ error: unknown; signature: () => string }>;
}> = [
  {
    name: 'login refused, echoing the key and signature',
    run: async (s) => {
      let signature = '';
      nock(ORIGIN)
        .post('/ap/AuthenticateUser')
        .reply((request) => {
          signature = String(request.headers.get('signature'));
          return [200, { Authenticated: false, errormsg: `bad ${s.apiKey} ${signature} ${s.apiSecret}` }];
        });
      return { error: await thrown(() => client(s).authenticate()), signature: () => signature };
    },
  },
  {
    name: 'authenticated without a token',
    run: async (s) => {
      const signature = login(s, { SessionToken: null });
      return { error: await thrown(() => client(s).authenticate()), signature };
    },
  },
  {
    name: 'locked',
    run: async (s) => {
      const signature = login(s, { Authenticated: false, Locked: true, errormsg: s.apiKey });
      return { error: await thrown(() => client(s).authenticate()), signature };
    },
  },
  {
    name: 'an exchange error echoing every secret',
    run: async (s) => {
      const signature = login(s);
      nock(ORIGIN)
        .post('/ap/SendOrder')
        .reply(() => [
          200,
          { result: false, errorcode: 101, errormsg: echo(s, signature), detail: echo(s, signature) },
        ]);
      return { error: await thrown(() => client(s).call('SendOrder', { body: AP_ORDER })), signature };
    },
  },
  {
    name: 'the session refused twice',
    run: async (s) => {
      const signature = login(s);
      login(s);
      nock(ORIGIN)
        .post('/ap/GetAccountPositions')
        .times(2)
        .reply(() => [401, { result: false, errorcode: 20, errormsg: echo(s, signature) }]);
      return {
        error: await thrown(() => client(s).call('GetAccountPositions', { body: AP_ACCOUNT })),
        signature,
      };
    },
  },
  {
    name: 'an HTML page',
    run: async (s) => {
      const signature = login(s);
      nock(ORIGIN)
        .post('/ap/GetOpenOrders')
        .reply(() => [502, `<html>${echo(s, signature)}</html>`, { 'Content-Type': 'text/html' }]);
      return { error: await thrown(() => client(s).call('GetOpenOrders', { body: AP_ACCOUNT })), signature };
    },
  },
  {
    name: 'connection reset during a call',
    run: async (s) => {
      const signature = login(s);
      nock(ORIGIN)
        .post('/ap/SendOrder')
        .replyWithError(Object.assign(new Error(`reset ${s.token}`), { code: 'ECONNRESET' }) as never);
      return { error: await thrown(() => client(s).call('SendOrder', { body: AP_ORDER })), signature };
    },
  },
  {
    name: 'a two-factor code of the wrong shape',
    run: async (s) => {
      const signature = login(s, { Authenticated: false, Requires2FA: true, TwoFAType: 'Google' });
      const error = await thrown(() => client(s, { twoFactor: () => s.apiSecret }).authenticate());
      return { error, signature };
    },
  },
  {
    name: 'a secret with a control character',
    run: async (s) => ({
      error: await thrown(() =>
        kiiex({ apiKey: s.apiKey, apiSecret: `${s.apiSecret}\u0007`, userId: 7, baseURL: BASE }),
      ),
      signature: () => '',
    }),
  },
];

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('no error an AlphaPoint client throws reveals the secret, a signature or a session token', () => {
  // A key's session is process-wide (src/core/registry.ts) and every path draws from the run's one seed, so the
  // paths would draw the same keys: a per-path prefix keeps the session one path opened out of the next.
  paths.forEach((path, index) => {
    it(path.name, async () => {
      await fc.assert(
        fc.asyncProperty(credentials, async (drawn) => {
          const s = { ...drawn, apiKey: `p${index}-${drawn.apiKey}` };
          nock.cleanAll();
          const { error, signature } = await path.run(s);
          expect(error).toBeInstanceOf(ExchangeAuthError);
          const printable = everythingPrintable(error);
          for (const secret of [s.apiSecret, s.token, s.apiKey, signature()].filter(
            (value) => value.length >= 12,
          )) {
            expect(printable).not.toContain(secret);
          }
        }),
        seeded({ numRuns: 30 }),
      );
    });
  });
});
