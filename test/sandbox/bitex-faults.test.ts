import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { call, coinWithdrawal, sandbox } from './bitex-support.js';
import { WatchedClock } from './watched-clock.js';

describe('Bitex sandbox: fault controls', () => {
  it('dropNext executes the request, then the client sees a socket error', async () => {
    const exchange = await sandbox();
    const { apiKey, otp } = exchange.credentials.user;
    exchange.dropNext();
    const attempt = call(exchange, 'POST', '/coin_withdrawals', {
      key: apiKey,
      body: coinWithdrawal('0.5'),
      headers: { 'One-Time-Password': await otp() },
    });
    await expect(attempt).rejects.toThrow(TypeError);
    expect(exchange.stats().executions['POST /api/coin_withdrawals']).toBe(1);
    expect(exchange.balances(exchange.users.user).btc?.available).toBe('1.5');
    expect(exchange.log).toHaveLength(1);

    expect((await call(exchange, 'GET', '/users/me', { key: apiKey })).status).toBe(200);
  });

  it('dropNext({ execute: false }) drops the request without running it', async () => {
    const exchange = await sandbox();
    const { apiKey, otp } = exchange.credentials.user;
    exchange.dropNext({ execute: false });
    const attempt = call(exchange, 'POST', '/coin_withdrawals', {
      key: apiKey,
      body: coinWithdrawal('0.5'),
      headers: { 'One-Time-Password': await otp() },
    });
    await expect(attempt).rejects.toThrow(TypeError);
    expect(exchange.stats().executions).toEqual({});
    expect(exchange.balances(exchange.users.user).btc?.available).toBe('2');
  });

  it('failNext answers the next requests with the status and Retry-After, without running them', async () => {
    const exchange = await sandbox();
    const key = exchange.credentials.user.apiKey;
    exchange.failNext(2, { status: 503, retryAfterSeconds: 7 });
    for (let i = 0; i < 2; i += 1) {
      const failed = await call(exchange, 'GET', '/users/me', { key });
      expect(failed.status).toBe(503);
      expect(failed.headers.get('retry-after')).toBe('7');
    }
    expect((await call(exchange, 'GET', '/users/me', { key })).status).toBe(200);
    expect(exchange.stats()).toEqual({
      requests: 3,
      executions: { 'GET /api/users/me': 1 },
      executionsByEndpoint: { 'users.me': 1 },
      refused: 0,
      refusals: {},
      faults: { status: 2 },
    });

    exchange.failNext(1, { status: 429 });
    const limited = await call(exchange, 'GET', '/tickers');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeNull();
  });

  it('addLatency holds each answer until the clock has moved that far', async () => {
    const clock = new WatchedClock({ auto: false });
    const exchange = await sandbox({}, clock);
    exchange.addLatency(150);
    let answered = false;
    const pending = call(exchange, 'GET', '/tickers').then((answer) => {
      answered = true;
      return answer;
    });
    // The request arrived and the sandbox asked the clock for 150 ms; the answer waits on the clock alone.
    await Promise.race([clock.sleepsAsked(1), pending]);
    expect(clock.sleeps).toEqual([150]);
    expect(exchange.log).toHaveLength(1);
    await clock.advance(149);
    expect(answered).toBe(false);
    await clock.advance(1);
    expect((await pending).status).toBe(200);

    // Latency adds up, and clearFaults forgets it.
    exchange.addLatency(50);
    const slower = call(exchange, 'GET', '/tickers');
    await clock.sleepsAsked(2);
    expect(clock.sleeps).toEqual([150, 200]);
    await clock.advance(200);
    expect((await slower).status).toBe(200);
    exchange.clearFaults();
    expect((await call(exchange, 'GET', '/tickers')).status).toBe(200);
    expect(clock.sleeps).toEqual([150, 200]);
  });

  it('close frees the port, idle keep-alive connections included', async () => {
    const exchange = await sandbox();
    expect((await call(exchange, 'GET', '/tickers')).status).toBe(200);
    const port = Number(new URL(exchange.baseURL).port);
    await exchange.close();
    await expect(fetch(`${exchange.baseURL}/tickers`)).rejects.toThrow(TypeError);
    const reuse = createServer();
    await new Promise<void>((resolve, reject) => {
      reuse.once('error', reject);
      reuse.listen(port, '127.0.0.1', () => resolve());
    });
    await new Promise<void>((resolve) => reuse.close(() => resolve()));
  });
});
