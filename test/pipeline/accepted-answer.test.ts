import { afterEach, describe, expect, it } from 'vitest';
import { bitexbit, createClient, kiiex, ResponseValidationError } from '../../src/index.js';
import { answeredLogin, closeServers, json, LOGIN_ANSWER, startHttp } from '../faults/support/servers.js';
import { TestClock } from '../support/clock.js';
import { AP_ORDER } from '../support/documented.js';
import { thrown } from '../support/leaks.js';

// An order the exchange accepted (2xx) whose answer does not match the documented schema: the exchange executed it,
// so the client throws ResponseValidationError saying so (accepted: true, the masked answer on responseBody), and
// never sends it again, with retries generously on. Executions are counted at the server.

afterEach(closeServers);

const retrying = { retries: 3, minDelayMs: 100, maxDelayMs: 1_000, maxElapsedMs: 60_000 };
const TOKEN = (JSON.parse(LOGIN_ANSWER) as { SessionToken: string }).SessionToken;

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

function expectAccepted(error: unknown, name: string): ResponseValidationError {
  expect(error).toBeInstanceOf(ResponseValidationError);
  const refused = error as ResponseValidationError;
  expect(refused.accepted).toBe(true);
  expect(refused.status).toBe(200);
  expect(refused.message).toContain(`the exchange accepted '${name}' (HTTP 200)`);
  expect(refused.message).toContain('do not send it again without reconciling');
  return refused;
}

describe('an accepted order whose answer does not match its schema', () => {
  it('Kiiex SendOrder answered with OrderId as a string: executed 1×, reached the exchange 1×, the answer masked on the error', async () => {
    // The exchange echoes the session token: the answer kept on the error must not show it.
    const answer = { status: 'Accepted', errormsg: '', OrderId: '5001', note: `session ${TOKEN}` };
    const exchange = await executing('/ap/SendOrder', answer);
    const clock = new TestClock();
    const client = createClient(
      kiiex({
        apiKey: 'accepted-key-0123',
        apiSecret: 'accepted-secret-0123456',
        userId: 7,
        baseURL: `${exchange.server.origin}/ap`,
      }),
      { retry: retrying, rateLimit: false, clock },
    );

    const error = expectAccepted(
      await thrown(() => client.call('SendOrder', { body: AP_ORDER })),
      'SendOrder',
    );

    expect(error.issues.join('; ')).toContain('OrderId');
    expect(error.responseBody).toContain('"OrderId":"5001"');
    expect(error.responseBody).toContain('[redacted]');
    expect(error.responseBody).not.toContain(TOKEN);
    expect(exchange.executions()).toBe(1);
    expect(exchange.arrivals()).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('bitexbit orders.create answered without its documented `order`: executed 1×, reached the exchange 1×', async () => {
    const exchange = await executing('/api/v2/private/order/create', { id: 77 });
    const clock = new TestClock();
    const client = createClient(
      bitexbit({
        accessKey: 'accepted-access-0123',
        privateKey: 'accepted-private-0123456789',
        access: 'trade',
        baseURL: exchange.server.origin,
      }),
      { retry: retrying, rateLimit: false, clock },
    );

    const body = { symbol: 'BTC_USD', type: 'buy-limit', price: '100', amount: '0.01' } as const;
    const error = expectAccepted(await thrown(() => client.call('orders.create', { body })), 'orders.create');

    expect(error.responseBody).toBe('{"id":77}');
    expect(exchange.executions()).toBe(1);
    expect(exchange.arrivals()).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });
});
