import type { Client } from '../../core/client.js';
import { ConfigurationError } from '../../core/errors.js';
import type { PrepareContext, Provider } from '../../core/provider.js';
import { type PreparedRequest, withBody, withHeaders } from '../../core/request.js';
import { parseOptions } from '../../core/validate.js';
import { BITEX_WIRE, headerOf } from '../../core/wire-credentials.js';
import { staticHeaderKey } from '../../strategies/static-header-key.js';
import { checkOneTimeCode } from '../../toolkit/one-time-code.js';
import { type BitexCatalog, bitexCatalog } from './catalog.js';
import { classifyBitex } from './classify.js';
import { inspectBitex } from './inspect.js';
import {
  BITEX_ENVIRONMENTS,
  type BitexEnvironment,
  type BitexKeyPermission,
  bitexOptionsSchema,
  type OtpSource,
} from './options.js';

/** Options of {@link bitex}. */
export interface BitexOptions<P extends BitexKeyPermission = BitexKeyPermission> {
  /** The API key. Sent as `Authorization: <key>`. */
  apiKey: string;
  /** `'master'` for a key Bitex blessed as master user: adds `manage-users` and `onBehalfOf`. Default `'user'`. */
  role?: 'user' | 'master';
  /** Narrows what the client may do to the flags the key really has. Default: read, trade and withdraw. */
  permissions?: readonly P[];
  /** `'sandbox'` or `'production'`; one of `environment` and `baseURL` is required. */
  environment?: BitexEnvironment;
  /** Base URL, for a proxy or a test server (`http://127.0.0.1:4000/api`). Takes precedence over `environment`. */
  baseURL?: string;
  /** Supplies the one-time password for endpoints that need one, when a call does not pass `otp`. */
  otp?: OtpSource;
}

/** Options of a master-user key. */
export interface BitexMasterOptions<P extends BitexKeyPermission = BitexKeyPermission>
  extends BitexOptions<P> {
  role: 'master';
}

/** What a master-user client adds. */
export interface BitexMasterMethods<P extends BitexKeyPermission> {
  /**
   * A client that acts for a user this master manages: it sends `Authorization: <key>; user=<userId>` and
   * shares this client's transport and rate limit.
   *
   * @param userId - The managed user's numeric id (a positive safe integer, or a string of digits).
   */
  onBehalfOf(userId: number | string): Client<P, BitexCatalog>;
}

/** Which permissions a Bitex client has, by role. */
const ALL_USER_PERMISSIONS: readonly BitexKeyPermission[] = ['read', 'trade', 'withdraw'];

function parseUserId(userId: unknown): number {
  const id =
    typeof userId === 'number'
      ? userId
      : typeof userId === 'string' && /^[0-9]+$/.test(userId)
        ? Number(userId)
        : NaN;
  if (!Number.isSafeInteger(id) || id <= 0) {
    throw new ConfigurationError(
      "bitex: onBehalfOf(userId) needs the managed user's id as a positive whole number (for example 600)",
      { provider: 'bitex', field: 'userId' },
    );
  }
  return id;
}

/** The header {@link addOneTimePassword} sets. */
const ONE_TIME_PASSWORD = headerOf(BITEX_WIRE, 'One-Time-Password');
/** The header the key rides in. */
const AUTHORIZATION = headerOf(BITEX_WIRE, 'Authorization');

function addOneTimePassword(otpSource: OtpSource | undefined) {
  return async (
    request: PreparedRequest,
    context: {
      endpointName: string | undefined;
      otp: string | undefined;
      endpoint: { requiresOtp?: boolean } | undefined;
    },
  ): Promise<PreparedRequest> => {
    const needed = context.endpoint?.requiresOtp === true;
    if (!needed && context.otp === undefined) return request;
    const code = context.otp ?? (await otpSource?.());
    if (code === undefined) {
      throw new ConfigurationError(
        `bitex: '${context.endpointName}' needs a one-time password: pass { otp } with the call, or an otp callback to bitex()`,
        { provider: 'bitex', field: 'otp' },
      );
    }
    return withHeaders(request, {
      [ONE_TIME_PASSWORD]: checkOneTimeCode(code, 'bitex', 'otp', 'the one-time password must be 6 digits'),
    });
  };
}

/** The JSON:API media type: Bitex's `Accept`, and the `Content-Type` of the official SDK's empty-body requests. */
const JSON_API = 'application/vnd.api+json';
/** Bitex's headers on every request; one object for every provider. */
const HEADERS: Readonly<Record<string, string>> = Object.freeze({ Version: '2.1', Accept: JSON_API });
const PREPARED_HEADERS: readonly string[] = Object.freeze([ONE_TIME_PASSWORD]);
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * An empty POST, PUT or PATCH (`bids.cancel`, `asks.cancel`, `orders.cancelAll`) goes out as the official SDK
 * sends it: the body `{}` with `Content-Type: application/vnd.api+json` (bitex-sdk-ruby's recorded
 * `spec/fixtures/bids/cancel.yml`), never as a body-less request.
 */
function emptyBodyAsJsonApi(request: PreparedRequest): PreparedRequest {
  if (request.body !== undefined || !BODY_METHODS.has(request.method)) return request;
  return withBody(request, '{}', JSON_API);
}

/** A provider's `prepare`: the empty body as JSON:API, then the one-time password. */
const prepareWith =
  (addOtp: ReturnType<typeof addOneTimePassword>) =>
  async (request: PreparedRequest, context: PrepareContext) =>
    addOtp(emptyBodyAsJsonApi(request), context);
/** The `prepare` of every provider given no `otp` source: one function for all of them. */
const prepareWithoutSource = prepareWith(addOneTimePassword(undefined));

/**
 * The Bitex provider (API v2.1): a static key in `Authorization`, with master users acting for the users they
 * manage. Pass it to `createClient`.
 *
 * @example
 * ```ts
 * const client = createClient(bitex({ apiKey: process.env.BITEX_API_KEY ?? '', environment: 'sandbox' }));
 * // or, reading BITEX_API_KEY (and BITEX_ROLE) itself: createClient(bitexFromEnv({ environment: 'sandbox' }))
 * const master = createClient(bitex({ apiKey: masterKey, role: 'master', environment: 'sandbox' }));
 * await master.onBehalfOf(600).call('coinWallets.list');
 * ```
 */
export function bitex<const P extends BitexKeyPermission = BitexKeyPermission>(
  options: BitexMasterOptions<P>,
): Provider<P | 'manage-users', BitexCatalog, BitexMasterMethods<P>>;
export function bitex<const P extends BitexKeyPermission = BitexKeyPermission>(
  options: BitexOptions<P> & { role?: 'user' },
): Provider<P, BitexCatalog>;
/** A role only known at run time: typed as a user client (a master's extras need `role: 'master'` in the type). */
export function bitex<const P extends BitexKeyPermission = BitexKeyPermission>(
  options: BitexOptions<P>,
): Provider<P, BitexCatalog>;
export function bitex(
  options: BitexOptions,
): Provider<BitexKeyPermission | 'manage-users', BitexCatalog, object> {
  const parsed = parseOptions(bitexOptionsSchema, options, 'bitex');
  const keyPermissions = parsed.permissions ?? ALL_USER_PERMISSIONS;
  const master = parsed.role === 'master';
  const baseURL = parsed.baseURL ?? BITEX_ENVIRONMENTS[parsed.environment ?? 'production'];
  const apiKey = parsed.apiKey;

  return {
    name: 'bitex',
    baseURL,
    strategy: staticHeaderKey({ header: AUTHORIZATION, value: apiKey }),
    permissions: master ? [...keyPermissions, 'manage-users'] : [...keyPermissions],
    catalog: bitexCatalog,
    rateLimit: 5,
    headers: HEADERS,
    contentType: 'application/json',
    classify: classifyBitex,
    preparedHeaders: PREPARED_HEADERS,
    prepare: parsed.otp === undefined ? prepareWithoutSource : prepareWith(addOneTimePassword(parsed.otp)),
    inspect: inspectBitex(apiKey),
    extend: ({ derive }) => ({
      onBehalfOf(userId: number | string) {
        if (!master) {
          throw new ConfigurationError(
            'bitex: onBehalfOf() needs a master-user key; create the provider with role: "master"',
            { provider: 'bitex', field: 'role' },
          );
        }
        const id = parseUserId(userId);
        return derive(
          staticHeaderKey({ header: AUTHORIZATION, value: `${apiKey}; user=${id}`, alsoSecret: [apiKey] }),
          keyPermissions,
        );
      },
    }),
  };
}
