import { describe, expect, it } from 'vitest';
import { bid, call, coinWithdrawal, sandbox } from './bitex-support.js';

describe('Bitex sandbox: public market data', () => {
  it('answers without a key, in JSON:API shape', async () => {
    const exchange = await sandbox();
    const tickers = await call(exchange, 'GET', '/tickers');
    expect(tickers.status).toBe(200);
    expect(tickers.json.data.map((ticker: { id: string }) => ticker.id)).toContain('btc_usd');

    const ticker = await call(exchange, 'GET', '/tickers/btc_ars');
    expect(ticker.json.data).toMatchObject({ id: 'btc_ars', type: 'tickers' });
    expect(Number(ticker.json.data.attributes.ask)).toBeGreaterThan(Number(ticker.json.data.attributes.bid));

    const market = await call(exchange, 'GET', '/markets/btc_usd?include=asks,bids');
    expect(market.json.data).toMatchObject({ id: 'btc_usd', type: 'markets' });
    expect(market.json.data.relationships.asks.data.length).toBeGreaterThan(0);
    expect(market.json.included[0]).toMatchObject({ type: 'order_groups' });

    for (const path of ['/orderbooks', '/transactions', '/candles', '/transactions?orderbook_code=bch_usd']) {
      const answer = await call(exchange, 'GET', path);
      expect(answer.status, path).toBe(200);
      expect(Array.isArray(answer.json.data), path).toBe(true);
    }
    expect((await call(exchange, 'GET', '/tickers/doge_usd')).status).toBe(404);
  });

  it('logs every request with its raw headers under lower-case names', async () => {
    const exchange = await sandbox();
    await call(exchange, 'GET', '/tickers?x=1', { key: 'abc' });
    expect(exchange.log).toHaveLength(1);
    expect(exchange.log[0]).toMatchObject({
      method: 'GET',
      path: '/api/tickers',
      query: { x: '1' },
      body: '',
      headers: { version: '2.1', authorization: 'abc' },
    });
    expect(exchange.stats()).toEqual({
      requests: 1,
      executions: { 'GET /api/tickers': 1 },
      executionsByEndpoint: { 'tickers.list': 1 },
      refused: 0,
      refusals: {},
      faults: {},
    });
  });
});

describe('Bitex sandbox: keys and permissions', () => {
  it('answers a wrong, missing or malformed key with exactly {"error":"Invalid Api Key"}', async () => {
    const exchange = await sandbox();
    const key = exchange.credentials.user.apiKey;
    for (const header of [
      'wrong-key',
      '',
      `${key};user=600`,
      `${key}; user=`,
      `Bearer ${key}`,
      `${key}; user=6 0`,
    ]) {
      const answer = await call(exchange, 'GET', '/users/me', { key: header });
      expect(answer.status, header).toBe(401);
      expect(answer.text, header).toBe('{"error":"Invalid Api Key"}');
    }
    expect(exchange.stats().executions).toEqual({});
  });

  it('serves the key owner with the right flags', async () => {
    const exchange = await sandbox();
    const me = await call(exchange, 'GET', '/users/me', { key: exchange.credentials.user.apiKey });
    expect(me.status).toBe(200);
    expect(me.json.data).toMatchObject({ id: String(exchange.users.user), type: 'users' });
    const wallets = await call(exchange, 'GET', '/coin_wallets', {
      key: exchange.credentials.readOnly.apiKey,
    });
    expect(wallets.status).toBe(200);
    expect(
      wallets.json.data.find((w: { attributes: { currency: string } }) => w.attributes.currency === 'btc'),
    ).toMatchObject({ type: 'coin_wallets', attributes: { balance: 2, available: 2 } });
  });

  it('answers a key lacking the flag with exactly {"error":"Not enough permissions"}', async () => {
    const exchange = await sandbox();
    const readOnly = exchange.credentials.readOnly.apiKey;
    const refused = [
      ['POST', '/bids', bid({ orderbook_code: 'btc_usd', amount: 3, price: 150 })],
      ['GET', '/orders', undefined],
      ['POST', '/coin_withdrawals', coinWithdrawal('0.1')],
      ['GET', '/api_keys', undefined],
    ] as const;
    for (const [method, path, body] of refused) {
      const answer = await call(exchange, method, path, { key: readOnly, ...(body ? { body } : {}) });
      expect(answer.status, path).toBe(401);
      expect(answer.text, path).toBe('{"error":"Not enough permissions"}');
    }
    expect((await call(exchange, 'GET', '/coin_withdrawals', { key: readOnly })).status).toBe(200);
    const users = await call(exchange, 'GET', '/users', { key: exchange.credentials.user.apiKey });
    expect(users.text).toBe('{"error":"Not enough permissions"}');
    expect(exchange.balances(exchange.users.user).usd).toEqual({
      available: '10000',
      reserved: '0',
      total: '10000',
    });
  });

  it('lets a master act for the users it manages, and only for them', async () => {
    const exchange = await sandbox();
    const { master, user } = exchange.credentials;
    const as = async (key: string, id: number) =>
      call(exchange, 'GET', '/users/me', { key: `${key}; user=${id}` });

    expect((await as(master.apiKey, exchange.users.managed)).json.data.id).toBe(
      String(exchange.users.managed),
    );
    expect((await as(master.apiKey, exchange.users.master)).json.data.id).toBe(String(exchange.users.master));
    for (const answer of [
      await as(master.apiKey, exchange.users.user),
      await as(master.apiKey, 999_999),
      await as(user.apiKey, exchange.users.user),
      await as(user.apiKey, exchange.users.managed),
    ]) {
      expect(answer.status).toBe(401);
      expect(answer.text).toBe('{"error":"Not enough permissions"}');
    }

    const listed = await call(exchange, 'GET', '/users', { key: master.apiKey });
    expect(listed.json.data.map((u: { id: string }) => u.id).sort()).toEqual(['500', '600']);

    const created = await call(exchange, 'POST', '/users', {
      key: master.apiKey,
      headers: { 'Content-Type': 'application/vnd.api+json' },
      body: { data: { type: 'users', attributes: { email: 'new@example.com' } } },
    });
    expect(created.status).toBe(201);
    expect(created.json.data).toMatchObject({ type: 'users', attributes: { email: 'new@example.com' } });
    const wallets = await call(exchange, 'GET', '/cash_wallets', {
      key: `${master.apiKey}; user=${created.json.data.id}`,
    });
    expect(wallets.status).toBe(200);

    const direct = exchange.createManagedUser();
    expect((await as(master.apiKey, direct)).json.data.id).toBe(String(direct));
  });

  it('insists on Version: 2.1', async () => {
    const exchange = await sandbox();
    const body = '{"error":"This sandbox serves API version 2.1 only: send the header Version: 2.1"}';
    for (const version of ['', '2.0']) {
      const answer = await call(exchange, 'GET', '/tickers', { headers: { Version: version } });
      expect(answer.status).toBe(400);
      expect(answer.text).toBe(body);
    }
    const keyed = await call(exchange, 'GET', '/users/me', {
      key: exchange.credentials.user.apiKey,
      headers: { Version: '' },
    });
    expect(keyed.text).toBe(body);
  });
});
