/**
 * A fifth exchange, on the public API only: `X-TS` is the time in milliseconds and `X-SIG` the hex
 * HMAC-SHA256 of `ts + method + path + body`, with the key in `X-KEY`. docs/adding-a-provider.md walks
 * through it.
 */
import {
  answerClassifier,
  defineCatalog,
  hmacHeaderSignature,
  type Provider,
  parseOptions,
} from 'exchange-auth';
import { z } from 'zod';

const credential = (name: string) =>
  z.string({ error: `${name} is required` }).regex(/^[A-Za-z0-9]{8,128}$/, {
    error: `${name} must be 8 to 128 letters and digits; copy it exactly as shown`,
  });

const optionsSchema = z
  .object({
    apiKey: credential('apiKey'),
    apiSecret: credential('apiSecret'),
    baseURL: z.url({
      protocol: /^https?$/,
      error: 'baseURL must be an http(s) URL such as https://api.example.com',
    }),
  })
  .strict();

export const hmacExchangeCatalog = defineCatalog({
  ticker: { method: 'GET', path: '/v1/ticker', permission: 'public', idempotent: true },
  balance: { method: 'GET', path: '/v1/balance', permission: 'read', idempotent: true },
  'order.create': { method: 'POST', path: '/v1/orders', permission: 'trade', idempotent: false },
});

/** The exchange's keys may read and trade. Pass it to `createClient`. */
export function hmacExchange(
  options: z.input<typeof optionsSchema>,
): Provider<'read' | 'trade', typeof hmacExchangeCatalog> {
  const { apiKey, apiSecret, baseURL } = parseOptions(optionsSchema, options, 'hmac-exchange');
  return {
    name: 'hmac-exchange',
    baseURL: baseURL.replace(/\/+$/, ''),
    strategy: hmacHeaderSignature({
      keyId: apiKey,
      secret: apiSecret,
      headers: { key: 'X-KEY', timestamp: 'X-TS', signature: 'X-SIG' },
      message: ({ timestamp, method, path, body }) => timestamp + method + path + body,
    }),
    permissions: ['read', 'trade'],
    catalog: hmacExchangeCatalog,
    rateLimit: 10,
    classify: answerClassifier({ advice: { rateLimit: 'the exchange allows 10 requests per second' } }),
  };
}
