import { afterEach, describe, expect, it, vi } from 'vitest';
import { alphapointCatalog, createClient, kiiex, ResponseValidationError } from '../../src/index.js';
import { answeredLogin, closeServers, json, startHttp } from '../faults/support/servers.js';
import { TestClock } from '../support/clock.js';
import { AP_ACCOUNT, apPosition } from '../support/documented.js';
import { thrown } from '../support/leaks.js';

// A documented answer is returned as the exchange sent it, without a zod parse; zod still parses the answers the
// check cannot vouch for (a field spelled in another case, a wrong type). zod's parses are counted with a spy.

afterEach(() => {
  vi.restoreAllMocks();
  return closeServers();
});

const position = { ...apPosition('BTC', 1, 0.5), NotionalProductSymbol: 'USD' };

async function positionsAnswering(answer: unknown) {
  const server = await startHttp((arrival, res) => {
    if (answeredLogin(arrival, res)) return;
    json(res, 200, answer);
  });
  const client = createClient(
    kiiex({
      apiKey: 'kept-key-0123',
      apiSecret: 'kept-secret-0123456',
      userId: 7,
      baseURL: `${server.origin}/ap`,
    }),
    { rateLimit: false, retry: false, clock: new TestClock() },
  );
  const schema = alphapointCatalog.GetAccountPositions.response;
  const parses = vi.spyOn(schema, 'safeParse');
  return { client, parses };
}

describe('answers checked without a copy', () => {
  it('a documented GetAccountPositions answer: returned as sent (the undocumented field too), zod parses 0', async () => {
    const { client, parses } = await positionsAnswering([position, { ...position, ProductSymbol: 'USD' }]);
    const answer = await client.call('GetAccountPositions', { body: AP_ACCOUNT });
    expect(answer.data).toEqual([position, { ...position, ProductSymbol: 'USD' }]);
    expect(answer.data[0]?.Amount).toBe(0.5);
    expect(parses).toHaveBeenCalledTimes(0);
  });

  it('a field spelled in another case: zod parses 1 and renames it to the documented spelling', async () => {
    const { OMSId, ...rest } = position;
    const { client, parses } = await positionsAnswering([{ omsId: OMSId, ...rest }]);
    const answer = await client.call('GetAccountPositions', { body: AP_ACCOUNT });
    expect(answer.data[0]?.OMSId).toBe(1);
    expect(answer.data[0]).not.toHaveProperty('omsId');
    expect(parses).toHaveBeenCalledTimes(1);
  });

  it('a number sent as a numeric string (as NDAX does): zod parses 1 and the answer carries the number', async () => {
    const { client, parses } = await positionsAnswering([{ ...position, Amount: '0.5' }]);
    const { data } = await client.call('GetAccountPositions', { body: AP_ACCOUNT });
    expect(data[0]?.Amount).toBe(0.5);
    expect(parses).toHaveBeenCalledTimes(1);
  });

  it('a wrong type: zod parses 1 and its issue is on the error', async () => {
    const { client, parses } = await positionsAnswering([{ ...position, Amount: 'half' }]);
    const error = await thrown(() => client.call('GetAccountPositions', { body: AP_ACCOUNT }));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues.join('; ')).toContain('0.Amount');
    expect(parses).toHaveBeenCalledTimes(1);
  });
});
