import { afterEach, describe, expect, it } from 'vitest';
import {
  bitexbit,
  type ClientEvent,
  type ClientOptions,
  createClient,
  kiiex,
  ResponseValidationError,
} from '../../src/index.js';
import { answeredLogin, closeServers, json, LOGIN_ANSWER, startHttp } from '../faults/support/servers.js';
import { TestClock } from '../support/clock.js';
import { AP_ORDER } from '../support/documented.js';
import { thrown } from '../support/leaks.js';

// A request the exchange accepted (2xx) whose answer does not match the documented schema. The policy
// (docs/reliability.md): a request that moves money was executed, so the call resolves with the answer as sent
// and `drift`, an `answer-drift` event and a warning; `strictAnswers: true` rejects with ResponseValidationError
// (accepted: true) instead. A read rejects either way. Executions are counted at the server; retries are on.

afterEach(closeServers);

const retrying = { retries: 3, minDelayMs: 100, maxDelayMs: 1_000, maxElapsedMs: 60_000 };
const TOKEN = (JSON.parse(LOGIN_ANSWER) as { SessionToken: string }).SessionToken;
const ORDER = { symbol: 'BTC_USD', type: 'buy-limit', price: '100', amount: '0.01' } as const;

/** A loopback exchange that executes `path` (counted) and answers it with `answer`. */
async function executing(path: string, answer: unknown) {
  let executions = 0;
  const server = await startHttp((arrival, res) => {
    if (answeredLogin(arrival, res)) return;
    if (arrival.path === path) executions += 1;
    json(res, 200, answer);
  });
  return { server, executions: () => executions, arrivals: () => server.count(path) };
}

/** What a client reported: its events and its warnings. */
function observed() {
  const events: ClientEvent[] = [];
  const warnings: string[] = [];
  const quiet = () => undefined;
  const options: ClientOptions = {
    onEvent: (event) => events.push(event),
    logger: { debug: quiet, info: quiet, error: quiet, warn: (line: string) => warnings.push(line) },
  };
  return { events, warnings, options, drifts: () => events.filter((event) => event.type === 'answer-drift') };
}

function kiiexClient(origin: string, options: ClientOptions) {
  return createClient(
    kiiex({
      apiKey: 'accepted-key-0123',
      apiSecret: 'accepted-secret-0123456',
      userId: 7,
      baseURL: `${origin}/ap`,
    }),
    { retry: retrying, rateLimit: false, ...options },
  );
}

function bitexbitClient(origin: string, options: ClientOptions) {
  return createClient(
    bitexbit({
      accessKey: 'accepted-access-0123',
      privateKey: 'accepted-private-0123456789',
      access: 'trade',
      baseURL: origin,
    }),
    { retry: retrying, rateLimit: false, ...options },
  );
}

function expectAccepted(error: unknown, name: string): ResponseValidationError {
  expect(error).toBeInstanceOf(ResponseValidationError);
  const refused = error as ResponseValidationError;
  expect(refused.accepted).toBe(true);
  expect(refused.status).toBe(200);
  expect(refused.message).toContain(`the exchange accepted '${name}' (HTTP 200)`);
  expect(refused.message).toContain('do not send it again without reconciling');
  return refused;
}

describe('an executed order whose answer lacks a documented field resolves, with drift', () => {
  it('Kiiex SendOrder answered without OrderId: resolves 1×, executed 1×, 1 answer-drift event, 1 warning, no token anywhere', async () => {
    // The exchange echoes the session token: nothing the client reports may show it.
    const answer = { status: 'Accepted', errormsg: '', note: `session ${TOKEN}` };
    const exchange = await executing('/ap/SendOrder', answer);
    const seen = observed();
    const clock = new TestClock();
    const client = kiiexClient(exchange.server.origin, { ...seen.options, clock });

    const sent = await client.call('SendOrder', { body: AP_ORDER });

    expect(sent.status).toBe(200);
    expect(sent.drift?.endpoint).toBe('SendOrder');
    expect(sent.drift?.issues.join('; ')).toContain('OrderId');
    expect(sent.data).toEqual(answer);
    expect(seen.drifts()).toHaveLength(1);
    expect(seen.drifts()[0]).toMatchObject({ endpoint: 'SendOrder', status: 200, path: '/SendOrder' });
    expect(seen.warnings.filter((line) => line.includes('resolved with drift'))).toHaveLength(1);
    expect(JSON.stringify([seen.events, seen.warnings])).not.toContain(TOKEN);
    expect(exchange.executions()).toBe(1);
    expect(exchange.arrivals()).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('bitexbit orders.create answered without its documented `order`: resolves 1×, executed 1×, 1 event', async () => {
    const exchange = await executing('/api/v2/private/order/create', { id: 77 });
    const seen = observed();
    const client = bitexbitClient(exchange.server.origin, { ...seen.options, clock: new TestClock() });

    const created = await client.call('orders.create', { body: ORDER });

    expect(created.drift?.issues.some((issue) => issue.startsWith('order'))).toBe(true);
    expect(created.data).toEqual({ id: 77 });
    expect(seen.drifts()).toHaveLength(1);
    expect(exchange.executions()).toBe(1);
    expect(exchange.arrivals()).toBe(1);
  });

  it('an answer that matches resolves without drift and fires 0 drift events', async () => {
    const answer = { status: 'Accepted', errormsg: '', OrderId: 5001 };
    const exchange = await executing('/ap/SendOrder', answer);
    const seen = observed();
    const client = kiiexClient(exchange.server.origin, { ...seen.options, clock: new TestClock() });
    const sent = await client.call('SendOrder', { body: AP_ORDER });
    expect(sent.drift).toBeUndefined();
    expect(sent.data).toEqual(answer);
    expect(seen.drifts()).toHaveLength(0);
  });
});

describe('strictAnswers: true', () => {
  it('Kiiex SendOrder answered without OrderId: ResponseValidationError accepted, executed 1×, reached the exchange 1×, the answer masked', async () => {
    const answer = { status: 'Accepted', errormsg: '', note: `session ${TOKEN}` };
    const exchange = await executing('/ap/SendOrder', answer);
    const clock = new TestClock();
    const client = kiiexClient(exchange.server.origin, { strictAnswers: true, clock });

    const error = expectAccepted(
      await thrown(() => client.call('SendOrder', { body: AP_ORDER })),
      'SendOrder',
    );

    expect(error.issues.join('; ')).toContain('OrderId');
    expect(error.responseBody).toContain('[redacted]');
    expect(error.responseBody).not.toContain(TOKEN);
    expect(exchange.executions()).toBe(1);
    expect(exchange.arrivals()).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('bitexbit orders.create answered without `order`: ResponseValidationError accepted, executed 1×', async () => {
    const exchange = await executing('/api/v2/private/order/create', { id: 77 });
    const clock = new TestClock();
    const client = bitexbitClient(exchange.server.origin, { strictAnswers: true, clock });
    const error = expectAccepted(
      await thrown(() => client.call('orders.create', { body: ORDER })),
      'orders.create',
    );
    expect(error.responseBody).toBe('{"id":77}');
    expect(exchange.executions()).toBe(1);
    expect(exchange.arrivals()).toBe(1);
  });
});

describe('a read whose answer does not match', () => {
  it('bitexbit balance.get answered with an object: ResponseValidationError, 0 drift events, not retried', async () => {
    const exchange = await executing('/api/v2/private/balance', { balances: 'none' });
    const seen = observed();
    const clock = new TestClock();
    const client = bitexbitClient(exchange.server.origin, { ...seen.options, clock });
    const error = await thrown(() => client.call('balance.get'));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).message).toContain('nothing was executed by a read');
    expect(seen.drifts()).toHaveLength(0);
    expect(exchange.arrivals()).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });
});
