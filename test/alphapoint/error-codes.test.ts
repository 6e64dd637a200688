import { afterEach, describe, expect, it } from 'vitest';
import { ALPHAPOINT_ERROR_CODES, createClient, ExchangeError, kiiex } from '../../src/index.js';
import { answeredLogin, closeServers, json, startHttp } from '../faults/support/servers.js';
import { AP_ACCOUNT } from '../support/documented.js';
import { thrown } from '../support/leaks.js';

// AlphaPoint's standard error codes, as the Kiiex docs' "Standard Response Objects and Common Error Codes" and
// notbank's ErrorCode list them: a refusal with no message of its own is named by its code.

afterEach(closeServers);

const DOCUMENTED = {
  20: 'Not Authorized',
  100: 'Invalid Response',
  101: 'Operation Failed',
  102: 'Server Error',
  104: 'Resource Not Found',
  107: 'Operation In Process',
};

describe('AlphaPoint error codes', () => {
  it('are named as documented (100 is "Invalid Response")', () => {
    expect(ALPHAPOINT_ERROR_CODES).toEqual(DOCUMENTED);
  });

  for (const code of [100, 101, 102, 104, 107]) {
    it(`a refusal with errorcode ${code} and no message: ExchangeError naming "${code} ${DOCUMENTED[code as 100]}"`, async () => {
      const server = await startHttp((arrival, res) => {
        if (answeredLogin(arrival, res)) return;
        json(res, 200, { result: false, errormsg: null, errorcode: code, detail: null });
      });
      const client = createClient(
        kiiex({
          apiKey: 'codes-key-0123',
          apiSecret: 'codes-secret-0123456',
          userId: 7,
          baseURL: `${server.origin}/ap`,
        }),
        { retry: false, rateLimit: false },
      );
      const error = await thrown(() => client.call('GetAccountPositions', { body: AP_ACCOUNT }));
      expect(error).toBeInstanceOf(ExchangeError);
      expect((error as ExchangeError).exchangeCode).toBe(code);
      expect((error as ExchangeError).message).toContain(`(${code} ${DOCUMENTED[code as 100]})`);
    });
  }
});
