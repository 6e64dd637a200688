import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  ExchangeError,
  IpRefusedError,
  type NonceSource,
  PermissionDeniedError,
  RateLimitError,
} from '../../src/index.js';
import { SANDBOX_MESSAGES } from '../../src/testing/bitexbit/messages.js';
import { thrown } from '../support/leaks.js';
import { bench, fast, ORDER, ROUTES } from './support.js';

describe('refusals are classified', () => {
  it('a wrong private key is 401 → AuthenticationError', async () => {
    const { sandbox, client } = await bench();
    const { read } = sandbox.credentials;
    const error = await thrown(() =>
      client({ ...read, privateKey: 'sk_wrong_wrong_wrong' }).call('balance.get'),
    );
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).status).toBe(401);
    expect((error as AuthenticationError).message).toContain('signature does not match');
  });

  it('a nonce not greater than the last one received is 401 → AuthenticationError', async () => {
    const { sandbox, client } = await bench();
    const key = sandbox.addKey({ access: 'read' });
    const stuck: NonceSource = { next: () => '1700000000000' };
    const reader = client(key, { nonceSource: stuck });
    await reader.call('balance.get');
    const error = await thrown(() => reader.call('balance.get'));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).message).toContain(SANDBOX_MESSAGES.staleNonce);
    // It names the option that cures it when several processes share the key.
    expect((error as AuthenticationError).message).toContain('{ coordination: redisCoordination(redis) }');
    expect(sandbox.executions(ROUTES.balance)).toBe(1);
  });

  it('a gateway request past its X-Timeout by the exchange clock is 401', async () => {
    const { sandbox, client } = await bench();
    // The exchange's clock runs 5 s ahead of the client's: a deadline 500 ms after the client's now is past.
    sandbox.shiftClock(5_000);
    const error = await thrown(() => client(sandbox.credentials.withdraw).call('withdrawals.list'));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).message).toContain('X-Timeout is in the past');
    // A wider window covers the skew.
    const patient = client(sandbox.credentials.withdraw, { gatewayWindowMs: 10_000 });
    expect((await patient.call('withdrawals.list')).status).toBe(200);
    expect(sandbox.executions(ROUTES.history)).toBe(1);
  });

  it("a call above the key's access type is 403 → PermissionDeniedError from the exchange", async () => {
    const { sandbox, client } = await bench();
    // The client believes the read-only key can trade, so the local gate lets the call through.
    const liar = client({ ...sandbox.credentials.read, access: 'trade' });
    const error = await thrown(() => liar.call('orders.create', { body: ORDER }));
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect((error as PermissionDeniedError).source).toBe('exchange');
    expect((error as PermissionDeniedError).required).toBe('trade');
    expect((error as PermissionDeniedError).status).toBe(403);
    expect(sandbox.log).toHaveLength(1);
    expect(sandbox.executions(ROUTES.create)).toBe(0);
  });

  it("a read from an address outside the key's IP list is 403, told as IpRefusedError; a trade call's 403 keeps both causes", async () => {
    const { sandbox, client } = await bench();
    const key = sandbox.addKey({ access: 'withdraw', allowedIps: ['203.0.113.7'] });
    const error = await thrown(() => client(key).call('balance.get'));
    // Every access type reads the balance, so its 403 can only be the address.
    expect(error).toBeInstanceOf(IpRefusedError);
    expect(error).toMatchObject({ code: 'ip-refused', status: 403 });
    expect((error as IpRefusedError).message).toContain('IP address is not allowed');
    expect((error as IpRefusedError).message).toMatch(/add its public address to the key's IP list/);
    const cancel = await thrown(() => client(key).call('orders.cancel', { params: { id: 1 } }));
    expect(cancel).toBeInstanceOf(PermissionDeniedError);
    expect((cancel as PermissionDeniedError).source).toBe('exchange');
    sandbox.setAllowedIps(key.accessKey, ['127.0.0.1']);
    expect((await client(key).call('balance.get')).status).toBe(200);
  });

  it('429 → RateLimitError with Retry-After, when the exchange enforces 2 private calls per second', async () => {
    const { sandbox, client } = await bench({ rateLimit: true });
    const reader = client(sandbox.credentials.read, {}, { rateLimit: false, retry: false });
    await reader.call('balance.get');
    await reader.call('balance.get');
    const error = await thrown(() => reader.call('balance.get'));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).status).toBe(429);
    expect((error as RateLimitError).retryAfterMs).toBe(1000);
    expect(sandbox.executions(ROUTES.balance)).toBe(2);
  });

  it('429 on a non-idempotent call is not retried', async () => {
    const { sandbox, client } = await bench({ rateLimit: true });
    const trader = client(sandbox.credentials.trade, {}, fast);
    await trader.call('orders.create', { body: ORDER });
    await trader.call('orders.create', { body: ORDER });
    const error = await thrown(() => trader.call('orders.create', { body: ORDER }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(sandbox.log).toHaveLength(3);
    expect(sandbox.executions(ROUTES.create)).toBe(2);
  });

  it('429 on an idempotent call is retried after Retry-After, signed with a new nonce', async () => {
    const { sandbox, client, clock } = await bench();
    sandbox.failNext(1, { status: 429, retryAfterSeconds: 1 });
    const response = await client(sandbox.credentials.read).call('balance.get');
    expect(response.status).toBe(200);
    expect(clock.sleeps).toEqual([1000]);
    const [first, second] = sandbox.log;
    expect(Number(second?.headers['x-nonce'])).toBeGreaterThan(Number(first?.headers['x-nonce']));
    expect(sandbox.executions(ROUTES.balance)).toBe(1);
  });

  it('a 5xx is an ExchangeError', async () => {
    const { sandbox, client } = await bench();
    sandbox.failNext(1, { status: 502 });
    const error = await thrown(() =>
      client(sandbox.credentials.trade).call('orders.create', { body: ORDER }),
    );
    expect(error).toBeInstanceOf(ExchangeError);
    expect((error as ExchangeError).status).toBe(502);
    expect(sandbox.log).toHaveLength(1);
  });

  it('an HTML page is described, not parsed', async () => {
    const { sandbox, client } = await bench();
    sandbox.failNext(1, { status: 503, body: '<!DOCTYPE html><html>challenge</html>' });
    const error = await thrown(() =>
      client(sandbox.credentials.read, {}, { ...fast, retry: false }).call('orders.list'),
    );
    expect(error).toBeInstanceOf(ExchangeError);
    expect((error as ExchangeError).message).toMatch(/HTML page/);
  });
});
