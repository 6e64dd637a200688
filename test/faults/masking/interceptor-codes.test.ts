import axios, { AxiosError, type AxiosInstance, type InternalAxiosRequestConfig } from 'axios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bitex, bitexbit, createClient, kiiex, TransportError } from '../../../src/index.js';
import { type LoopbackServer, startHttpServer } from '../../../src/testing/http-server.js';
import { everythingPrintable, thrown } from '../../support/leaks.js';

// A user's own axios instance whose interceptor throws something carrying a credential as its `code`: the request
// config, an AxiosError built on it, or a plain object. `code` is copied into TransportError.networkCode, a machine
// field that masking leaves alone, so only the codes Node and axios really use may be copied. 3 exchanges × 3 throws
// on the request side, plus the Kiiex login on the response side.

type Throw = (config: InternalAxiosRequestConfig, secret: string) => unknown;

const THROWS: Record<string, Throw> = {
  'the request config, with the credential as its code': (config, secret) =>
    Object.assign(config, { code: secret }),
  'an AxiosError whose code is the credential': (config, secret) => new AxiosError('refused', secret, config),
  'a plain object whose code is the credential': (_config, secret) => ({ code: secret }),
};

/** An axios instance whose request interceptor throws `make(config, value of header)`. */
function throwingOnRequest(header: string, make: Throw): AxiosInstance {
  const instance = axios.create({ adapter: 'http' });
  instance.interceptors.request.use((config) => {
    const value = config.headers.get(header);
    throw make(config, typeof value === 'string' ? value : String(value));
  });
  return instance;
}

let server: LoopbackServer;
beforeAll(async () => {
  server = await startHttpServer(() => ({ status: 200, body: {} }));
});
afterAll(() => server.close());

const EXCHANGES = [
  {
    name: 'Bitex',
    header: 'Authorization',
    secrets: ['bitexInterceptorKey_0123456789'],
    client: (instance: AxiosInstance) =>
      createClient(bitex({ apiKey: 'bitexInterceptorKey_0123456789', baseURL: `${server.origin}/api` }), {
        axios: instance,
        retry: false,
        rateLimit: false,
      }),
    call: (client: { request(options: object): Promise<unknown> }) =>
      client.request({ method: 'GET', path: '/users/me' }),
  },
  {
    name: 'bitexbit',
    header: 'X-Signature',
    secrets: ['bbAccessKey_0123456789', 'bbPrivateKey_0123456789abcdef'],
    client: (instance: AxiosInstance) =>
      createClient(
        bitexbit({
          accessKey: 'bbAccessKey_0123456789',
          privateKey: 'bbPrivateKey_0123456789abcdef',
          access: 'read',
          baseURL: server.origin,
        }),
        { axios: instance, retry: false, rateLimit: false },
      ),
    call: (client: { request(options: object): Promise<unknown> }) =>
      client.request({ method: 'GET', path: '/api/v2/private/balance' }),
  },
  {
    name: 'Kiiex (the login)',
    header: 'Signature',
    secrets: ['kiiexKey_0123456789', 'kiiexSecret_0123456789abcdef'],
    client: (instance: AxiosInstance) =>
      createClient(
        kiiex({
          apiKey: 'kiiexKey_0123456789',
          apiSecret: 'kiiexSecret_0123456789abcdef',
          userId: 7,
          baseURL: `${server.origin}/ap`,
        }),
        { axios: instance, retry: false, rateLimit: false },
      ),
    call: (client: { request(options: object): Promise<unknown> }) =>
      client.request({ method: 'POST', path: '/GetUserInfo', body: { OMSId: 1 } }),
  },
] as const;

describe('a credential thrown as `code` by a user interceptor never reaches the error', () => {
  for (const exchange of EXCHANGES) {
    for (const [what, make] of Object.entries(THROWS)) {
      it(`${exchange.name}: ${what} → TransportError, networkCode dropped, 0 credentials printed`, async () => {
        let signature = '';
        const instance = throwingOnRequest(exchange.header, (config, secret) => {
          signature = secret;
          return make(config, secret);
        });
        const error = await thrown(() => exchange.call(exchange.client(instance) as never));
        expect(error).toBeInstanceOf(TransportError);
        expect((error as TransportError).networkCode).toBeUndefined();
        expect(signature.length).toBeGreaterThan(8);
        const printed = everythingPrintable(error);
        for (const secret of [signature, ...exchange.secrets]) expect(printed).not.toContain(secret);
      });
    }
  }

  it("a real network code from the interceptor is kept: 'ECONNREFUSED' and 'ERR_NETWORK' (2 of 2)", async () => {
    for (const code of ['ECONNREFUSED', 'ERR_NETWORK']) {
      const instance = throwingOnRequest(
        'Authorization',
        (config) => new AxiosError('refused', code, config),
      );
      const error = await thrown(() => EXCHANGES[0].call(EXCHANGES[0].client(instance) as never));
      expect((error as TransportError).networkCode).toBe(code);
    }
  });
});
