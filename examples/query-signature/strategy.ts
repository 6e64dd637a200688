import { createHmac, createSecretKey } from 'node:crypto';
import {
  type AuthContext,
  type AuthStrategy,
  field,
  type PreparedRequest,
  readJson,
  TransportError,
} from 'exchange-auth';

/** Options of {@link querySignature}. */
export interface QuerySignatureOptions {
  apiKey: string;
  apiSecret: string;
  /** How far from the exchange's clock a timestamp may be, in milliseconds (`recvWindow`). */
  recvWindowMs: number;
  /** Absolute URL of the exchange's time endpoint (`GET …/api/v3/time` → `{"serverTime": ms}`). */
  timeURL: string;
  /** The local clock. Default `Date.now`. */
  now?: () => number;
}

/**
 * The Binance-style scheme: the key in `X-MBX-APIKEY`; `timestamp` and `recvWindow` appended to the query
 * string, and `signature` = HMAC-SHA256(secret, query + body) appended last. The strategy corrects for clock
 * skew: when the exchange refuses a timestamp (`expire()`), the next authorisation first asks the exchange for
 * its time and signs with the offset it learnt.
 */
export function querySignature(options: QuerySignatureOptions): AuthStrategy {
  const key = createSecretKey(Buffer.from(options.apiSecret, 'utf8'));
  const now = options.now ?? Date.now;
  let offsetMs = 0;
  let resync: Promise<void> | undefined;
  let needsSync = false;
  let lastSignature = '';

  /** Learns the offset from the exchange's clock, charging half the round trip to each leg. */
  const syncClock = async (context: AuthContext) => {
    const sentAt = now();
    const answer = await context.send({
      method: 'GET',
      url: options.timeURL,
      path: new URL(options.timeURL).pathname,
      query: '',
      headers: { Accept: 'application/json' },
      body: undefined,
      permission: 'public',
    });
    const body = readJson(answer);
    const serverTime = body.kind === 'json' ? Number(field(body.value, 'serverTime')) : Number.NaN;
    if (!Number.isFinite(serverTime)) {
      throw new TransportError(
        'query-signature: the time endpoint gave no serverTime; the request was not sent',
        {
          provider: 'query-signature',
          outcome: 'not-sent',
        },
      );
    }
    offsetMs = serverTime - (sentAt + now()) / 2;
  };

  return {
    scheme: 'query-signature',
    async authorize(request: PreparedRequest, context: AuthContext): Promise<PreparedRequest> {
      if (needsSync) {
        // Concurrent requests refused together share one time lookup.
        resync ??= syncClock(context).finally(() => {
          resync = undefined;
          needsSync = false;
        });
        await resync;
      }
      const signed = `${request.query ? `${request.query}&` : ''}timestamp=${Math.round(now() + offsetMs)}&recvWindow=${options.recvWindowMs}`;
      lastSignature = createHmac('sha256', key)
        .update(signed + (request.body ?? ''))
        .digest('hex');
      const query = `${signed}&signature=${lastSignature}`;
      return {
        method: request.method,
        url: `${request.url.split('?')[0]}?${query}`,
        path: request.path,
        query,
        headers: Object.assign({}, request.headers, { 'X-MBX-APIKEY': options.apiKey }),
        body: request.body,
        permission: request.permission,
      };
    },
    expire() {
      needsSync = true;
      return true;
    },
    secrets: () => [options.apiSecret, options.apiKey, lastSignature].filter((value) => value !== ''),
  };
}
