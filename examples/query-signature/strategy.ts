import { createHmac, createSecretKey } from 'node:crypto';
import {
  type AuthContext,
  type AuthStrategy,
  buildRequest,
  field,
  type PreparedRequest,
  readJson,
  TransportError,
  withHeaders,
  withQuery,
} from 'exchange-auth';

/** Options of {@link querySignature}. */
export interface QuerySignatureOptions {
  apiKey: string;
  apiSecret: string;
  /** How far from the exchange's clock a timestamp may be, in milliseconds (`recvWindow`). */
  recvWindowMs: number;
  /** The exchange's base URL; its time endpoint is `GET <base>/api/v3/time` → `{"serverTime": ms}`. */
  baseURL: string;
}

/**
 * The Binance-style scheme: the key in `X-MBX-APIKEY`; `timestamp` and `recvWindow` appended to the query
 * string, and `signature` = HMAC-SHA256(secret, query + body) appended last. The strategy corrects for clock
 * skew: when the exchange refuses a timestamp (`expire()`), the next authorisation first asks the exchange for
 * its time and signs with the offset it learnt.
 */
export function querySignature(options: QuerySignatureOptions): AuthStrategy {
  const key = createSecretKey(Buffer.from(options.apiSecret, 'utf8'));
  let offsetMs = 0;
  let resync: Promise<void> | undefined;
  let needsSync = false;
  let lastSignature = '';

  /** Learns the offset from the exchange's clock, charging half the round trip to each leg. */
  const syncClock = async (context: AuthContext) => {
    const sentAt = context.clock.now();
    const answer = await context.send(
      buildRequest({
        baseURL: options.baseURL,
        method: 'GET',
        path: '/api/v3/time',
        headers: { Accept: 'application/json' },
      }),
    );
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
    offsetMs = serverTime - (sentAt + context.clock.now()) / 2;
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
      const timestamp = Math.round(context.clock.now() + offsetMs);
      const signed = `${request.query ? `${request.query}&` : ''}timestamp=${timestamp}&recvWindow=${options.recvWindowMs}`;
      lastSignature = createHmac('sha256', key)
        .update(signed + (request.body ?? ''))
        .digest('hex');
      const signedRequest = withQuery(request, `${signed}&signature=${lastSignature}`);
      return withHeaders(signedRequest, { 'X-MBX-APIKEY': options.apiKey });
    },
    expire() {
      needsSync = true;
      return true;
    },
    secrets: () => [options.apiSecret, options.apiKey, lastSignature].filter((value) => value !== ''),
  };
}
