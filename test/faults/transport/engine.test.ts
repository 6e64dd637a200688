import { afterEach, describe, expect, it } from 'vitest';
import { clientFor, PROVIDERS, settings } from '../support/clients.js';
import { answeredLogin, closeServers, startHttp } from '../support/servers.js';

afterEach(closeServers);

// The fault suites run twice (vitest.config.ts): on the default transport, and with EXCHANGE_AUTH_TEST_TRANSPORT
// set to 'axios' on the axios transport. This checks at the wire that each run sends through the engine it says,
// so a change in how the axios run is selected cannot quietly run both on one engine.
const expected = process.env.EXCHANGE_AUTH_TEST_TRANSPORT === 'axios' ? /^axios\// : /^exchange-auth$/;

describe(`the transport of this run (${process.env.EXCHANGE_AUTH_TEST_TRANSPORT ?? 'default: undici'})`, () => {
  it.each(PROVIDERS)('%s: a client with no transport option sends through it', async (provider) => {
    const server = await startHttp((arrival, res) => {
      if (answeredLogin(arrival, res)) return;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
    const { call } = clientFor(provider, server.origin, settings());
    await call().catch(() => undefined);
    const agents = server.arrivals.map((arrival) => String(arrival.headers['user-agent']));
    expect(agents.length).toBeGreaterThan(0);
    expect(agents.filter((agent) => !expected.test(agent))).toEqual([]);
  });
});
