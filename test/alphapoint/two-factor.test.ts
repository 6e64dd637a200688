import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthenticationError, createClient, kiiex, ndax, TwoFactorRequiredError } from '../../src/index.js';
import { type AlphaPointSandbox, startAlphaPointSandbox, startHttpServer } from '../../src/testing/index.js';
import { TestClock } from '../support/clock.js';
import { everythingPrintable, thrown } from '../support/leaks.js';
import { accepted, routes, signedWith } from './wire.js';

// Two exchanges that take the second factor as deployed: Kiiex (the sandbox's default: POST Authenticate2FA with
// the four headers signed anew) and NDAX over HTTP (GET Authenticate2FA?Code= with the Pending2FaToken the
// challenge gave). Both answer the login of a 2FA account with `Authenticated: true, Requires2FA: true` and no
// SessionToken. A fresh pair for every test: what one test left pending can never help another.
let kiiexSandbox: AlphaPointSandbox;
let ndaxSandbox: AlphaPointSandbox;
beforeEach(async () => {
  kiiexSandbox = await startAlphaPointSandbox();
  ndaxSandbox = await startAlphaPointSandbox({ twoFactorStep: { method: 'GET', send: 'pending-token' } });
});
afterEach(async () => {
  await kiiexSandbox.close();
  await ndaxSandbox.close();
});

const settings = () => ({ rateLimit: false, retry: { minDelayMs: 5 }, clock: new TestClock() }) as const;
/** GetAccountPositions of the 2FA account of `sandbox` (the sandbox refuses any other account). */
const positions = (sandbox: AlphaPointSandbox) =>
  ({
    method: 'POST',
    path: '/GetAccountPositions',
    body: sandbox.accountIds(sandbox.credentials.twoFactor.apiKey),
  }) as const;

const variants = [
  {
    name: 'Kiiex',
    sandbox: () => kiiexSandbox,
    client: (twoFactor?: () => string | Promise<string>, baseURL = kiiexSandbox.baseURL) => {
      const { twoFactor: _given, ...credentials } = kiiexSandbox.credentials.twoFactor;
      return createClient(
        kiiex({ ...credentials, baseURL, ...(twoFactor ? { twoFactor } : {}) }),
        settings(),
      );
    },
    login: 'POST /ap/AuthenticateUser',
    second: 'POST /ap/Authenticate2FA',
  },
  {
    name: 'NDAX',
    sandbox: () => ndaxSandbox,
    client: (twoFactor?: () => string | Promise<string>, baseURL = ndaxSandbox.baseURL) => {
      const { twoFactor: _given, ...credentials } = ndaxSandbox.credentials.twoFactor;
      return createClient(ndax({ ...credentials, baseURL, ...(twoFactor ? { twoFactor } : {}) }), settings());
    },
    login: 'POST /ap/Authenticate',
    second: 'GET /ap/Authenticate2FA',
  },
] as const;

/** The exchange's current code for its 2FA account, as an authenticator app shows it. */
const codeOf = (sandbox: AlphaPointSandbox) => () => sandbox.credentials.twoFactor.twoFactor?.() ?? '';

describe('a 2FA account logs in: the challenge, the code, one session', () => {
  for (const variant of variants) {
    it(`${variant.name}: the login, then Authenticate2FA; the session it issues carries the calls`, async () => {
      const sandbox = variant.sandbox();
      const client = variant.client(codeOf(sandbox));
      const identity = await client.authenticate();
      expect(routes(sandbox.log)).toEqual([variant.login, variant.second]);
      expect(sandbox.stats().logins).toBe(1);
      expect(sandbox.stats().pendingTwoFactor).toBe(0);
      // Kiiex's answers name no user after a challenge: the configured id, as given. NDAX's names it.
      const { userId } = sandbox.credentials.twoFactor;
      expect(identity).toEqual({
        userId: variant.name === 'NDAX' ? Number(userId) : userId,
        accountId: undefined,
        omsId: undefined,
      });

      expect(await accepted(client.request(positions(sandbox)))).toBe(true);
      expect(sandbox.stats().executions.GetAccountPositions).toBe(1);
      const call = sandbox.log.at(-1);
      expect(call?.path).toBe('/ap/GetAccountPositions');
      expect(call?.headers.aptoken).toMatch(/.{16,}/);
      expect(sandbox.stats().logins).toBe(1);
    });
  }

  it('Kiiex: the code goes in a JSON body with the four headers, signed again over a fresh nonce', async () => {
    const client = variants[0].client(codeOf(kiiexSandbox));
    await client.authenticate();
    const [login, second] = kiiexSandbox.log;
    const account = kiiexSandbox.credentials.twoFactor;
    expect(signedWith(login, account)).toBe(true);
    expect(signedWith(second, account)).toBe(true);
    expect(second?.headers.nonce).not.toBe(login?.headers.nonce);
    expect(second?.headers.signature).not.toBe(login?.headers.signature);
    expect(second?.headers.pending2fatoken).toBeUndefined();
    expect(JSON.parse(second?.body ?? '')).toEqual({ Code: expect.stringMatching(/^[0-9]{6}$/) });
  });

  it('NDAX: the code goes in the query with the Pending2FaToken header, and nothing signed', async () => {
    const client = variants[1].client(codeOf(ndaxSandbox));
    await client.authenticate();
    const second = ndaxSandbox.log[1];
    expect(second?.query).toEqual({ Code: expect.stringMatching(/^[0-9]{6}$/) });
    expect(second?.body).toBe('');
    expect(second?.headers.pending2fatoken).toMatch(/^[0-9a-f-]{36}$/);
    for (const name of ['apikey', 'signature', 'nonce', 'aptoken'])
      expect(second?.headers[name]).toBeUndefined();
  });
});

describe('without a code callback', () => {
  for (const variant of variants) {
    it(`${variant.name}: TwoFactorRequiredError naming the type; only the login was sent`, async () => {
      const sandbox = variant.sandbox();
      const error = await thrown(() => variant.client().request(positions(sandbox)));
      expect(error).toBeInstanceOf(TwoFactorRequiredError);
      expect((error as TwoFactorRequiredError).twoFactorType).toBe('Google');
      expect(routes(sandbox.log)).toEqual([variant.login]);
      expect(sandbox.stats().logins).toBe(0);
    });
  }
});

describe('a wrong code', () => {
  /**
   * Six digits that are no code the exchange accepts now: its 2FA account's codes from a minute before to a minute
   * after the exchange's now are read through the account's own callback (the exchange's clock shifted and put
   * back), and the first candidate outside them is taken.
   */
  async function wrongCode(sandbox: AlphaPointSandbox): Promise<string> {
    const accepted = new Set<string>();
    for (const shift of [-60_000, -30_000, 0, 30_000, 60_000]) {
      sandbox.shiftClock(shift);
      accepted.add(await codeOf(sandbox)());
      sandbox.shiftClock(-shift);
    }
    return (
      ['000000', '111111', '222222', '333333', '444444', '555555'].find((code) => !accepted.has(code)) ?? ''
    );
  }

  for (const variant of variants) {
    it(`${variant.name}: refused by the exchange, AuthenticationError with its message; no session`, async () => {
      const sandbox = variant.sandbox();
      const wrong = await wrongCode(sandbox);
      const error = await thrown(() => variant.client(() => wrong).authenticate());
      expect(error).toBeInstanceOf(AuthenticationError);
      expect((error as AuthenticationError).message).toMatch(/Invalid two-factor code/);
      expect(routes(sandbox.log)).toEqual([variant.login, variant.second]);
      expect(sandbox.stats().logins).toBe(0);
    });
  }
});

describe('the pending 2FA token is a credential: masked wherever the exchange echoes it', () => {
  it('NDAX: a second-step refusal quoting the token reaches the caller with the token masked', async () => {
    // A front that passes the login through to the exchange and answers Authenticate2FA itself, echoing the token.
    const echoed: string[] = [];
    const front = await startHttpServer(async (request) => {
      if (request.path.endsWith('/Authenticate2FA')) {
        const token = request.headers.pending2fatoken ?? '';
        echoed.push(token);
        return { status: 200, body: { Authenticated: false, errormsg: `no pending login for ${token}` } };
      }
      const response = await fetch(`${ndaxSandbox.baseURL}${request.path.slice('/ap'.length)}`, {
        method: request.method,
        headers: request.headers,
        body: request.body,
      });
      return { status: response.status, body: await response.json() };
    });
    try {
      const error = await thrown(() =>
        variants[1].client(codeOf(ndaxSandbox), `${front.origin}/ap`).authenticate(),
      );
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(echoed).toHaveLength(1);
      expect(echoed[0]).toMatch(/.{12,}/);
      expect(everythingPrintable(error)).not.toContain(echoed[0]);
      expect((error as Error).message).toMatch(/no pending login for/);
    } finally {
      await front.close();
    }
  });
});
