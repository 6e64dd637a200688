import { createClient, kiiex } from '../../index.js';
import type { AlphaPointSandbox } from '../../testing/alphapoint/index.js';
import { check, type StepRunner } from '../report.js';

/** Kiiex (AlphaPoint) flows: login, a burst sharing one login, expiry healed, 2FA, logout. */
export async function kiiexFlows(sandbox: AlphaPointSandbox, run: StepRunner): Promise<void> {
  const settings = { rateLimit: false } as const;
  const trader = createClient(kiiex({ ...sandbox.credentials.trader, baseURL: sandbox.baseURL }), settings);
  const logins = () => sandbox.stats().logins ?? 0;
  // The ids every private call of the trader names, as the login gives them: the exchange refuses an account
  // that is not the key's own, so another key's calls name that key's (the sandbox's `accountIds`).
  const ids = { OMSId: 0, AccountId: 0 };
  const positions = (body: { OMSId: number; AccountId: number } = ids) =>
    ({ method: 'POST', path: '/GetAccountPositions', body: { ...body } }) as const;

  await run.step('kiiex', 'login exchanges the HMAC signature for a session', async () => {
    const identity = await trader.authenticate();
    ids.OMSId = Number(identity.omsId);
    ids.AccountId = Number(identity.accountId);
    return `user ${identity.userId}, account ${identity.accountId}, OMS ${identity.omsId}`;
  });

  await run.step('kiiex', 'a burst of 200 concurrent calls on a fresh key shares one login', async () => {
    // A key of its own: every client of one key in the process shares its session, the trader's included.
    const credentials = sandbox.addAccount({});
    const fresh = createClient(kiiex({ ...credentials, baseURL: sandbox.baseURL }), settings);
    const own = sandbox.accountIds(credentials.apiKey);
    const before = logins();
    await Promise.all(Array.from({ length: 200 }, () => fresh.request(positions(own))));
    const made = logins() - before;
    check(made === 1, `${made} logins`);
    return '200 calls, 1 login, every call with aptoken';
  });

  await run.step('kiiex', 'the exchange ends the session: healed with one new login', async () => {
    sandbox.expireAllSessions();
    const before = logins();
    const executed = () => sandbox.stats().executions.SendOrder ?? 0;
    const ordersBefore = executed();
    const orders = await Promise.all(
      Array.from({ length: 10 }, () =>
        trader.call('SendOrder', {
          body: { ...ids, InstrumentId: 1, Side: 0, Quantity: 0.001, LimitPrice: 100, OrderType: 2 },
        }),
      ),
    );
    check(logins() - before === 1, `${logins() - before} logins`);
    check(executed() - ordersBefore === 10, `${executed() - ordersBefore} orders executed`);
    return `${orders.length} orders placed after errorcode 20, each executed once, 1 new login`;
  });

  await run.step('kiiex', 'two-factor account logs in with a TOTP code', async () => {
    const client = createClient(
      kiiex({ ...sandbox.credentials.twoFactor, baseURL: sandbox.baseURL }),
      settings,
    );
    await client.request(positions(sandbox.accountIds(sandbox.credentials.twoFactor.apiKey)));
    await client.close();
    return 'AuthenticateUser → Requires2FA → Authenticate2FA → session';
  });

  await run.step('kiiex', 'close() logs out once', async () => {
    const before = sandbox.stats().logouts;
    await trader.close();
    await trader.close();
    check(sandbox.stats().logouts - before === 1, 'LogOut not sent exactly once');
    return 'LogOut sent once';
  });
}
