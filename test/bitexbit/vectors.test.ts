import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildRequest, type NonceSource, type PreparedRequest } from '../../src/index.js';
import { bitexbit } from '../../src/providers/bitexbit/index.js';
import { keyPairSignature } from '../../src/strategies/key-pair-signature.js';
import { authContext, TestClock } from '../support/clock.js';

/** HMAC-SHA256 computed here with node:crypto, independently of the library. */
const keyPairHmac = (secret: string, message: string) =>
  createHmac('sha256', secret).update(message, 'utf8').digest('hex');

// The reference's vectors: key ak_demo, secret sk_demo, nonce 1700000000000, gateway timeout 1700000000500.
const ACCESS = 'ak_demo';
const SECRET = 'sk_demo';
const NONCE = '1700000000000';
const ORDER = { symbol: 'BTC_USD', price: '30000', amount: '0.001', type: 'buy-limit' };
const WITHDRAWAL = { ticker: 'USDT', network: 'tron', address: 'TXYZ', amount: 22 };

const VECTORS = {
  balance: '33cc487de2488db16d4b1034e48cea2f951b12169ac79dc358f6da4d2c0ce220',
  order: '78abc20e3948178c02e84124d754043a59c7bc7e77bd93d7a823a5a5f77ec13d',
  withdrawal: 'fcc6f50a361f0d531897b3c62357936f766073993584b5dd51edf4f67175124b',
};

const fixedNonce: NonceSource = { next: () => NONCE };
const context = authContext({ clock: new TestClock({ start: 1_700_000_000_000 }) });

function prepared(method: 'GET' | 'POST', path: string, body?: unknown): PreparedRequest {
  return buildRequest({ baseURL: 'https://bitexbit.com', method, path, body, permission: 'read' });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the documented algorithm gives the reference vectors', () => {
  it('v2 GET /api/v2/private/balance: path + nonce + ""', () => {
    expect(keyPairHmac(SECRET, `/api/v2/private/balance${NONCE}`)).toBe(VECTORS.balance);
  });

  it('v2 POST /api/v2/private/order/create: path + nonce + body', () => {
    expect(keyPairHmac(SECRET, `/api/v2/private/order/create${NONCE}${JSON.stringify(ORDER)}`)).toBe(
      VECTORS.order,
    );
  });

  it('gateway POST /api/gateway/withdraw/create: key + path + timeout + body', () => {
    expect(
      keyPairHmac(SECRET, `${ACCESS}/api/gateway/withdraw/create1700000000500${JSON.stringify(WITHDRAWAL)}`),
    ).toBe(VECTORS.withdrawal);
  });
});

describe('the strategy puts the vectors on requests', () => {
  const strategy = keyPairSignature({
    accessKey: ACCESS,
    privateKey: SECRET,
    nonceSource: fixedNonce,
    deadline: {
      pathPrefix: '/api/gateway/',
      headers: { key: 'X-Key', deadline: 'X-Timeout', signature: 'X-Sign' },
    },
  });

  it('v2 GET', async () => {
    const request = prepared('GET', '/api/v2/private/balance');
    const signed = await strategy.authorize(request, context);
    expect(signed.headers).toEqual({
      'X-API-Key': ACCESS,
      'X-Nonce': NONCE,
      'X-Signature': VECTORS.balance,
    });
    expect(request.headers).toEqual({});
  });

  it('v2 GET with a query string signs the path only', async () => {
    const signed = await strategy.authorize(
      prepared('GET', '/api/v2/private/balance?symbols=BTC,USD'),
      context,
    );
    expect(signed.url).toBe('https://bitexbit.com/api/v2/private/balance?symbols=BTC%2CUSD');
    expect(signed.headers['X-Signature']).toBe(VECTORS.balance);
  });

  it('v2 POST', async () => {
    const signed = await strategy.authorize(prepared('POST', '/api/v2/private/order/create', ORDER), context);
    expect(signed.body).toBe(JSON.stringify(ORDER));
    expect(signed.headers['X-Signature']).toBe(VECTORS.order);
  });

  it('gateway POST: X-Timeout is now + 500 by default', async () => {
    const signed = await strategy.authorize(
      prepared('POST', '/api/gateway/withdraw/create', WITHDRAWAL),
      context,
    );
    expect(signed.headers).toMatchObject({
      'X-Key': ACCESS,
      'X-Timeout': '1700000000500',
      'X-Sign': VECTORS.withdrawal,
    });
    expect(signed.headers).not.toHaveProperty('X-Nonce');
  });
});

describe('the bitexbit provider gives the vectors through prepare and authorize', () => {
  const provider = bitexbit({
    accessKey: ACCESS,
    privateKey: SECRET,
    access: 'withdraw',
    nonceSource: fixedNonce,
  });

  async function sign(request: PreparedRequest) {
    const ready =
      (await provider.prepare?.(request, { endpoint: undefined, endpointName: undefined, otp: undefined })) ??
      request;
    return provider.strategy.authorize(ready, context);
  }

  it("defaults to the production origin, the host of the docs' sample clients", () => {
    expect(provider.baseURL).toBe('https://www.bitexbit.com');
  });

  it('v2 GET and POST', async () => {
    expect((await sign(prepared('GET', '/api/v2/private/balance'))).headers['X-Signature']).toBe(
      VECTORS.balance,
    );
    expect((await sign(prepared('POST', '/api/v2/private/order/create', ORDER))).headers['X-Signature']).toBe(
      VECTORS.order,
    );
  });

  it('gateway POST, with the clock at the vector time', async () => {
    const signed = await sign(prepared('POST', '/api/gateway/withdraw/create', WITHDRAWAL));
    expect(signed.headers['X-Timeout']).toBe('1700000000500');
    expect(signed.headers['X-Sign']).toBe(VECTORS.withdrawal);
  });

  it('an empty POST sends and signs {}', async () => {
    const signed = await sign(prepared('POST', '/api/v2/private/order/7/cancel'));
    expect(signed.body).toBe('{}');
    expect(signed.headers['Content-Type']).toBe('application/json; charset=utf-8');
    expect(signed.headers['X-Signature']).toBe(
      keyPairHmac(SECRET, `/api/v2/private/order/7/cancel${NONCE}{}`),
    );
  });
});
