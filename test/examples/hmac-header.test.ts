import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as hmacHeaderExample } from '../../examples/hmac-header/main.js';
import { hmacExchange } from '../../examples/hmac-header/provider.js';
import { type HmacExchangeSandbox, startHmacExchangeSandbox } from '../../examples/hmac-header/sandbox.js';
import {
  AuthenticationError,
  ConfigurationError,
  createClient,
  ExchangeError,
  PermissionDeniedError,
  systemClock,
} from '../../src/index.js';
import { everythingPrintable, thrown } from '../support/leaks.js';

let sandbox: HmacExchangeSandbox;
beforeAll(async () => {
  sandbox = await startHmacExchangeSandbox();
});
afterAll(() => sandbox.close());

const client = (extra: Partial<Parameters<typeof hmacExchange>[0]> = {}, retry = false) =>
  createClient(hmacExchange({ ...sandbox.credentials, baseURL: sandbox.baseURL, ...extra }), {
    rateLimit: false,
    retry: retry ? { retries: 2, minDelayMs: 1, maxDelayMs: 50 } : false,
  });

/** What arrived since `from`. */
const since = (from: number) => sandbox.received.slice(from);

describe('the fifth provider, against a loopback exchange that checks its signatures with node:crypto', () => {
  it('imports only the public API', () => {
    for (const file of readdirSync('examples/hmac-header').filter((name) => name.endsWith('.ts'))) {
      const text = readFileSync(`examples/hmac-header/${file}`, 'utf8');
      for (const [, from] of text.matchAll(/from '([^']+)'/g)) {
        expect(
          ['exchange-auth', 'zod', './provider.js', './sandbox.js'].includes(from ?? '') ||
            from?.startsWith('node:'),
          `${file} imports ${from}`,
        ).toBe(true);
      }
    }
    // The exchange itself is written without the library, so it checks signatures independently.
    expect(readFileSync('examples/hmac-header/sandbox.ts', 'utf8')).not.toMatch(/from 'exchange-auth/);
  });

  it('the lines and concepts docs/adding-a-provider.md counts are the file’s', () => {
    const text = readFileSync('examples/hmac-header/provider.ts', 'utf8');
    const lines = text.trimEnd().split('\n').length;
    const imported = /import \{([^}]*)\} from 'exchange-auth'/.exec(text)?.[1] ?? '';
    const concepts = imported.split(',').filter((name) => name.trim() !== '').length;
    const doc = readFileSync('docs/adding-a-provider.md', 'utf8');
    expect(doc).toContain(`${lines} lines`);
    expect(doc).toContain(`${concepts} names from \`exchange-auth\``);
  });

  it('a signed call: the exchange recomputes X-SIG over ts + method + path + body and accepts it', async () => {
    const from = sandbox.received.length;
    const order = { pair: 'BTC-USD', side: 'buy', amount: '0.01' };
    // The client's clock is one the test sets: X-TS must be exactly its time.
    const at = Math.floor(Date.now() / 1000) * 1000;
    const placed = await createClient(hmacExchange({ ...sandbox.credentials, baseURL: sandbox.baseURL }), {
      rateLimit: false,
      retry: false,
      clock: { ...systemClock, now: () => at },
    }).call('order.create', { body: order });
    expect(placed.data).toMatchObject({ status: 'open', order });
    const [call] = since(from);
    expect(call?.signed).toBe(true);
    // And once more here, from what arrived on the wire.
    const { 'x-key': key, 'x-ts': ts, 'x-sig': sig } = call?.headers ?? {};
    expect(key).toBe(sandbox.credentials.apiKey);
    expect(ts).toBe(String(at));
    expect(sig).toBe(
      createHmac('sha256', sandbox.credentials.apiSecret)
        .update(`${ts}POST/v1/orders${JSON.stringify(order)}`)
        .digest('hex'),
    );
  });

  it('a public call carries no credentials', async () => {
    const from = sandbox.received.length;
    await client().call('ticker');
    const [call] = since(from);
    expect(Object.keys(call?.headers ?? {})).not.toContain('x-sig');
    expect(Object.keys(call?.headers ?? {})).not.toContain('x-key');
  });

  it("a caller's X-SIG, X-TS or X-KEY, in any case, is refused before anything is sent", async () => {
    const from = sandbox.received.length;
    for (const name of ['X-SIG', 'x-sig', 'x-Ts', 'X-KEY']) {
      const error = await thrown(() => client().call('balance', { headers: { [name]: 'forged' } }));
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).field).toBe(`headers.${name}`);
    }
    expect(since(from)).toEqual([]);
  });

  it('a wrong secret: the exchange refuses it, AuthenticationError, no secret or signature printed', async () => {
    const from = sandbox.received.length;
    const error = await thrown(() => client({ apiSecret: 'wrongSecret0123456789' }).call('balance'));
    expect(error).toBeInstanceOf(AuthenticationError);
    const printed = everythingPrintable(error);
    expect(printed).not.toContain('wrongSecret0123456789');
    expect(printed).not.toContain(since(from)[0]?.headers['x-sig']);
  });

  it('429 then 200 on an idempotent call: retried after Retry-After, each attempt signed afresh and accepted', async () => {
    const from = sandbox.received.length;
    sandbox.failNext(429);
    const response = await client({}, true).call('balance');
    expect(response.data).toEqual({ BTC: '1.5', USD: '1000' });
    expect(since(from).map((call) => call.signed)).toEqual([true, true]);
  });

  it('a 500 on an order is an ExchangeError and the order is not sent again', async () => {
    const from = sandbox.received.length;
    const before = sandbox.orders();
    sandbox.failNext(500);
    const error = await thrown(() => client({}, true).call('order.create', { body: { pair: 'BTC-USD' } }));
    expect(error).toBeInstanceOf(ExchangeError);
    expect((error as ExchangeError).status).toBe(500);
    expect(since(from)).toHaveLength(1);
    expect(sandbox.orders()).toBe(before);
  });

  it('options are checked before anything is made, naming the field', async () => {
    const error = await thrown(() =>
      hmacExchange({ ...sandbox.credentials, apiKey: 'short', baseURL: sandbox.baseURL }),
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).field).toBe('apiKey');
  });

  it('the permission gate: a read-only use of the key is refused locally before I/O', async () => {
    const from = sandbox.received.length;
    const provider = hmacExchange({ ...sandbox.credentials, baseURL: sandbox.baseURL });
    const reader = createClient({ ...provider, permissions: ['read'] as const }, { retry: false });
    const error = await thrown(() =>
      (reader as unknown as { call(name: string, args: unknown): Promise<unknown> }).call('order.create', {
        body: {},
      }),
    );
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(since(from)).toEqual([]);
  });

  it('main.ts runs every step', async () => {
    const lines = await hmacHeaderExample();
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/signature checked by the exchange: true/);
    expect(lines[3]).toMatch(/ConfigurationError on headers.X-SIG, nothing sent/);
  });
});
