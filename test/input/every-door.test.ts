import { describe, expect, it } from 'vitest';
import { ConfigurationError, createAuthorizer } from '../../src/index.js';
import { bitex } from '../../src/providers/bitex/index.js';
import { thrown } from '../support/leaks.js';
import { bitexOn, KEY, startRecorder } from './support.js';

// One rule for every door: request() and authorize() on a catalogued route check the body and query as call()
// does, before anything is sent. `unchecked: true` is the raw escape hatch. Counted at a loopback server.

const BID = { data: { type: 'bids', attributes: { orderbook_code: 'btc_usd', amount: 1, price: 100 } } };
/** A bid whose JSON:API type names an ask: Bitex would place the wrong order. */
const BID_AS_ASK = { data: { ...BID.data, type: 'asks' } };
/** A misspelt attribute. */
const MISSPELT = { data: { type: 'bids', attributes: { ...BID.data.attributes, ammount: 1 } } };

describe('request() on a catalogued route checks the body as call() does', () => {
  it('a bid typed "asks": ConfigurationError naming body.data.type, 0 requests sent', async () => {
    const server = await startRecorder();
    const error = await thrown(() =>
      bitexOn(server, ['trade']).request({ method: 'POST', path: '/bids', body: BID_AS_ASK }),
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).field).toBe('body.data.type');
    expect(server.log).toHaveLength(0);
  });

  it('a misspelt attribute in a JSON string body: refused, naming it, 0 requests sent', async () => {
    const server = await startRecorder();
    const error = await thrown(() =>
      bitexOn(server, ['trade']).request({ method: 'POST', path: '/bids', body: JSON.stringify(MISSPELT) }),
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).message).toContain('ammount');
    expect(server.log).toHaveLength(0);
  });

  it('a string that is not JSON on a JSON route: refused, 0 requests sent', async () => {
    const server = await startRecorder();
    const error = await thrown(() =>
      bitexOn(server, ['trade']).request({ method: 'POST', path: '/bids', body: 'amount=1' }),
    );
    expect((error as ConfigurationError).field).toBe('body');
    expect(server.log).toHaveLength(0);
  });

  it('the documented bid is sent once, byte for byte as given', async () => {
    const server = await startRecorder();
    await bitexOn(server, ['trade']).request({ method: 'POST', path: '/bids', body: BID });
    expect(server.log).toHaveLength(1);
    expect(server.log[0]?.body).toBe(JSON.stringify(BID));
  });

  it('unchecked: true sends what the catalog would refuse (1 request), as given', async () => {
    const server = await startRecorder();
    await bitexOn(server, ['trade']).request({
      method: 'POST',
      path: '/bids',
      body: MISSPELT,
      unchecked: true,
    });
    expect(server.log).toHaveLength(1);
    expect(server.log[0]?.body).toBe(JSON.stringify(MISSPELT));
  });
});

describe('authorize() on a catalogued route checks the body as call() does', () => {
  it('a bid typed "asks": ConfigurationError naming body.data.type, nothing signed', async () => {
    const authorizer = createAuthorizer(
      bitex({ apiKey: KEY, baseURL: 'http://127.0.0.1:9/api', permissions: ['trade'] }),
    );
    const error = await thrown(() =>
      authorizer.authorize({ method: 'POST', path: '/bids', body: BID_AS_ASK }),
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).field).toBe('body.data.type');
  });

  it('the documented bid is authorised with its body as given; unchecked: true passes the misspelt one', async () => {
    const authorizer = createAuthorizer(
      bitex({ apiKey: KEY, baseURL: 'http://127.0.0.1:9/api', permissions: ['trade'] }),
    );
    const good = await authorizer.authorize({ method: 'POST', path: '/bids', body: BID });
    expect(good.body).toBe(JSON.stringify(BID));
    const raw = await authorizer.authorize({
      method: 'POST',
      path: '/bids',
      body: MISSPELT,
      unchecked: true,
    });
    expect(raw.body).toBe(JSON.stringify(MISSPELT));
  });
});
