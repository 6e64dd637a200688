import { ConfigurationError } from '../../core/errors.js';
import type { NonceSource } from '../../core/nonce.js';
import type { Permission } from '../../core/permissions.js';
import type { Provider } from '../../core/provider.js';
import { type PreparedRequest, withBody } from '../../core/request.js';
import { parseOptions } from '../../core/validate.js';
import { BITEXBIT_WIRE, headerOf } from '../../core/wire-credentials.js';
import { keyPairSignature } from '../../strategies/key-pair-signature.js';
import { type BitexbitCatalog, bitexbitCatalog } from './catalog.js';
import { classifyBitexbit } from './classify.js';
import { withClockAdvice } from './gateway-refusal.js';
import { inspectBitexbit } from './inspect.js';
import { withIpRefusal } from './ip-refusal.js';
import {
  BITEXBIT_ENVIRONMENTS,
  type BitexbitAccess,
  type BitexbitEnvironment,
  bitexbitOptionsSchema,
  DEFAULT_GATEWAY_WINDOW_MS,
} from './options.js';

/** Options of {@link bitexbit}. */
export interface BitexbitOptions<A extends BitexbitAccess = BitexbitAccess> {
  /** The Access Key (public half of the pair). Sent in `X-API-Key` / `X-Key`. */
  accessKey: string;
  /** The Private Key. Only used to sign; never sent, never printed. */
  privateKey: string;
  /** The key's access type as chosen on the bitexbit API page: `'read'`, `'trade'` or `'withdraw'`. */
  access: A;
  /** `'production'` (`https://www.bitexbit.com`), the only one; the default when `baseURL` is not given either. */
  environment?: BitexbitEnvironment;
  /** The origin, with an optional path prefix (a proxy, a loopback sandbox). Takes precedence over `environment`. */
  baseURL?: string;
  /** Milliseconds from now to a gateway request's `X-Timeout` deadline. Default 500, as documented. */
  gatewayWindowMs?: number;
  /**
   * Where nonces come from. Default: the process-wide source, shared by every client of the key in every copy of
   * the library this process loaded (ESM and CJS), so their nonces never collide.
   */
  nonceSource?: NonceSource;
}

/**
 * The permissions an access type grants: read → read; trade → read, trade; withdraw → read, trade, withdraw.
 * When the access type is only known at run time (a union), what every member grants.
 */
export type BitexbitPermissions<A extends BitexbitAccess> = Exclude<
  'read' | 'trade' | 'withdraw',
  A extends 'read' ? 'trade' | 'withdraw' : A extends 'trade' ? 'withdraw' : never
>;

const PERMISSIONS_OF: Readonly<Record<BitexbitAccess, readonly Permission[]>> = {
  read: ['read'],
  trade: ['read', 'trade'],
  withdraw: ['read', 'trade', 'withdraw'],
};

const GATEWAY_PREFIX = '/api/gateway/';
/** As the docs' sample clients: `Accept: application/json` on every call, public ones included. */
const HEADERS: Readonly<Record<string, string>> = Object.freeze({ Accept: 'application/json' });
/** The `Content-Type` of request bodies, exactly as the docs' sample clients send it. */
const JSON_UTF8 = 'application/json; charset=utf-8';
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
/** Control (other than tab, CR, LF) and invisible format characters (U+200B, U+FEFF ...). */
const INVISIBLE = /(?![\t\n\r])[\p{Cc}\p{Cf}]/u;

function refuse(field: string, message: string): ConfigurationError {
  return new ConfigurationError(`bitexbit: ${message}`, { provider: 'bitexbit', field });
}

function decoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    throw refuse('path', 'request path has a malformed percent-encoding; retype the path');
  }
}

/**
 * Makes the bytes that are signed the bytes that are sent: an empty POST/PUT/PATCH sends and signs `{}` (as
 * the official sample does), and a path or body with an invisible character (the published docs have U+200B in
 * some sample paths) is refused instead of signed.
 */
function prepareBitexbit(request: PreparedRequest): PreparedRequest {
  if (INVISIBLE.test(decoded(request.path))) {
    throw refuse(
      'path',
      'request path contains an invisible or control character (such as U+200B, found in some samples of ' +
        'the published docs); retype the path',
    );
  }
  if (request.body !== undefined && INVISIBLE.test(request.body)) {
    throw refuse(
      'body',
      'request body contains an invisible or control character (such as U+200B); the exchange would not ' +
        'match its signature, so retype the text',
    );
  }
  if (request.body !== undefined || !BODY_METHODS.has(request.method)) return request;
  return withBody(request, '{}', JSON_UTF8);
}

/**
 * The bitexbit provider: API v2 signed with the key pair and increasing nonces, and the gateway API (where
 * withdrawals live) signed with a deadline. The key's access type becomes the client's permissions, in its type
 * and at run time. Pass it to `createClient`.
 *
 * @example
 * ```ts
 * const client = createClient(bitexbit({ accessKey, privateKey, access: 'trade' }));
 * const { data } = await client.call('balance.get');
 * await client.call('orders.create', {
 *   body: { symbol: 'BTC_USD', type: 'buy-limit', price: '30000', amount: '0.001' },
 * });
 * ```
 */
export function bitexbit<const A extends BitexbitAccess>(
  options: BitexbitOptions<A>,
): Provider<BitexbitPermissions<A>, BitexbitCatalog> {
  const parsed = parseOptions(bitexbitOptionsSchema, options, 'bitexbit');
  const baseURL = (parsed.baseURL ?? BITEXBIT_ENVIRONMENTS[parsed.environment ?? 'production']).replace(
    /\/+$/,
    '',
  );
  const V2 = {
    key: headerOf(BITEXBIT_WIRE, 'X-API-Key'),
    nonce: headerOf(BITEXBIT_WIRE, 'X-Nonce'),
    signature: headerOf(BITEXBIT_WIRE, 'X-Signature'),
  };
  const GATEWAY = {
    key: headerOf(BITEXBIT_WIRE, 'X-Key'),
    deadline: headerOf(BITEXBIT_WIRE, 'X-Timeout'),
    signature: headerOf(BITEXBIT_WIRE, 'X-Sign'),
  };
  const prefix = new URL(baseURL).pathname.replace(/\/+$/, '');
  return {
    name: 'bitexbit',
    baseURL,
    strategy: keyPairSignature({
      provider: 'bitexbit',
      accessKey: parsed.accessKey,
      privateKey: parsed.privateKey,
      headers: { key: V2.key, nonce: V2.nonce, signature: V2.signature },
      ...(parsed.nonceSource ? { nonceSource: parsed.nonceSource } : {}),
      deadline: {
        pathPrefix: `${prefix}${GATEWAY_PREFIX}`,
        headers: { key: GATEWAY.key, deadline: GATEWAY.deadline, signature: GATEWAY.signature },
        windowMs: parsed.gatewayWindowMs ?? DEFAULT_GATEWAY_WINDOW_MS,
      },
    }),
    permissions: PERMISSIONS_OF[parsed.access] as readonly BitexbitPermissions<A>[],
    catalog: bitexbitCatalog,
    rateLimit: 2,
    headers: HEADERS,
    contentType: JSON_UTF8,
    classify: (raw, context) =>
      withClockAdvice(
        withIpRefusal(classifyBitexbit(raw, context), raw, context),
        raw,
        context,
        `${prefix}${GATEWAY_PREFIX}`,
      ),
    inspect: inspectBitexbit,
    prepare: prepareBitexbit,
  };
}
