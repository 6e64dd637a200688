import { z } from 'zod';
import type { Catalog } from '../core/catalog.js';
import type { RequestOptions } from '../core/client.js';
import { type Clock, systemClock } from '../core/clock.js';
import type { Coordination } from '../core/coordination.js';
import { ConfigurationError, ExchangeAuthError } from '../core/errors.js';
import type { ClientEventListener } from '../core/events.js';
import { createSafeLogger, type FieldsFirstLogger, type Logger } from '../core/log.js';
import type { Permission } from '../core/permissions.js';
import type { Provider } from '../core/provider.js';
import { maskError, redactorFor } from '../core/redact.js';
import type { PreparedRequest } from '../core/request.js';
import type { AuthContext } from '../core/strategy.js';
import { millisecondsSchema, parseOptions } from '../core/validate.js';
import { checkRequest } from '../pipeline/check-request.js';
import { CoordinationGate } from '../pipeline/coordination-gate.js';
import { createEventSink } from '../pipeline/events.js';
import { asLibraryError } from '../pipeline/execute.js';
import type { GateContext } from '../pipeline/gate.js';
import { prepareRequest } from '../pipeline/prepare.js';
import { runInSequence } from '../pipeline/serial-queue.js';
import { signRequest } from '../pipeline/sign.js';
import { checkProvider } from './check-provider.js';
import { clockSchema, coordinationSchema, loggerSchema, onEventSchema } from './options.js';
import { type AuthorizerSend, type OutgoingRequest, outgoing, sendThrough } from './own-http.js';
import { reservedHeaders } from './reserved-headers.js';

/** Options of {@link createAuthorizer}. */
export interface AuthorizerOptions {
  /**
   * Sends the requests the library itself needs through your HTTP stack: a session scheme's login (and its
   * second factor) and, on `close()`, its logout. Required for AlphaPoint exchanges (Kiiex, NDAX); never called
   * for static keys and signatures.
   */
  send?: AuthorizerSend;
  /**
   * The longest time one key's next request waits for {@link AuthorizedRequest.done} of the one before it, in
   * milliseconds (nonce schemes only). After it the next request is signed anyway, so a forgotten `done()`
   * cannot stall the key for good. Default 10,000; at most 2^31−1.
   */
  holdMs?: number;
  /** Receives the same masked lines a client logs (logins, order holds that ran out). */
  logger?: Logger | FieldsFirstLogger;
  /** Where time comes from: nonces, session lifetimes and `holdMs`. Default the system clock. */
  clock?: Clock;
  /** Receives login and session events, as a client's `onEvent` does (no request events: you send those). */
  onEvent?: ClientEventListener;
  /**
   * Share each key's nonces, order and session with every process of a fleet, as a client's `coordination`
   * does: `redisCoordination(redis)` from `exchange-auth/redis`. A nonce scheme's turn is held in the fleet
   * until `done()` (or `holdMs`). Default: this process only.
   */
  coordination?: Coordination;
}

/** One request to authorise: the fields of `client.request` that shape the bytes. */
export type AuthorizeInput = Pick<
  RequestOptions,
  'method' | 'path' | 'query' | 'body' | 'permission' | 'otp' | 'headers' | 'signal' | 'unchecked'
>;

/** A request ready to send yourself. Send exactly these bytes, then call {@link AuthorizedRequest.done}. */
export interface AuthorizedRequest extends OutgoingRequest {
  /**
   * Says the request is sent and answered (or failed): the next request of the same key may now be signed.
   * Nonce schemes hold one key's requests in signing order until then, so they reach the exchange in nonce
   * order; for other schemes it does nothing. Safe to call more than once; call it in a `finally`.
   */
  done(): void;
}

/** Authorises requests you send with your own HTTP client. Made by {@link createAuthorizer}. */
export interface Authorizer {
  /** The provider's name. */
  readonly provider: string;
  /**
   * Checks the request (as `client.request` does: fields, permission gate) and returns it with credentials:
   * the provider's headers, the credentials and the exact body to send. For a session scheme this waits for
   * the shared login, sent through `send`. For a nonce scheme it waits until the key's previous request is
   * `done()` (or `holdMs` has passed).
   *
   * @throws ConfigurationError for a bad field, PermissionDeniedError when the key lacks the permission,
   * and a login's errors (AuthenticationError, TwoFactorRequiredError, TransportError ...), secrets masked.
   */
  authorize(input: AuthorizeInput): Promise<AuthorizedRequest>;
  /**
   * The exchange refused the credentials `request` carried as expired (AlphaPoint: HTTP 401, or errorcode 20
   * "Not Authorized"). Drops the session if it is still the current one; resolves to true when authorising
   * again can help (a fresh login on the next `authorize`), false when it cannot.
   */
  expire(request: AuthorizedRequest): Promise<boolean>;
  /** Logs out of a session (through `send`) and refuses further requests. Safe to call more than once. */
  close(): Promise<void>;
}

const optionsSchema = z
  .object({
    send: z
      .custom<AuthorizerSend>((value) => typeof value === 'function', {
        error: 'send must be a function (request) => Promise<{ status, headers, text }> or a fetch Response',
      })
      .optional(),
    holdMs: millisecondsSchema('holdMs').optional(),
    logger: loggerSchema.optional(),
    clock: clockSchema.optional(),
    onEvent: onEventSchema.optional(),
    coordination: coordinationSchema.optional(),
  })
  .strict();

/** Fields of `client.request` an authoriser has no use for: it sends nothing, so it neither retries nor times. */
const NOT_HERE: Readonly<Record<string, string>> = {
  idempotent: 'idempotent is for requests the client sends and may retry; you send this one: leave it out',
  timeout: 'timeout is for requests the client sends; set it on your own HTTP client: leave it out',
};

/**
 * Authorises requests you send with your own HTTP client (native `fetch`, undici, got, your own axios): you
 * get the headers and the exact body bytes, from the same strategy, nonces, per-key order and session
 * single-flight as {@link createClient}. A client and an authoriser made from one provider share its session.
 *
 * @example
 * ```ts
 * const authorizer = createAuthorizer(bitexbit({ accessKey, privateKey, access: 'read' }));
 * const request = await authorizer.authorize({ method: 'GET', path: '/api/v2/private/balance' });
 * try {
 *   const answer = await fetch(request.url, request);
 *   console.log(answer.status, await answer.json());
 * } finally {
 *   request.done();
 * }
 * ```
 */
export function createAuthorizer<Granted extends Permission, C extends Catalog, Extension extends object>(
  given: Provider<Granted, C, Extension>,
  options: AuthorizerOptions = {},
): Authorizer {
  const provider = checkProvider(given, 'createAuthorizer');
  const parsed = parseOptions(optionsSchema, options, provider.name);
  const clock = parsed.clock ?? systemClock;
  const holdMs = parsed.holdMs ?? 10_000;
  const { strategy } = provider;
  const name = provider.name;
  const redact = (text: string) => redactorFor(strategy.secrets()).text(text);
  const log = createSafeLogger(parsed.logger, () => strategy.secrets());
  const events = createEventSink(parsed.onEvent, name, () => strategy.secrets(), log);
  const reserved = reservedHeaders(provider, strategy);
  const gate: GateContext = {
    provider,
    granted: new Set(provider.permissions),
    grantedList: Object.freeze([...provider.permissions]),
  };
  const signedFrom = new WeakMap<AuthorizedRequest, PreparedRequest>();
  let closed = false;

  const send = parsed.send
    ? sendThrough(name, parsed.send, redact)
    : async () => {
        throw new ConfigurationError(
          `${name}: this scheme logs in first; pass createAuthorizer(provider, { send }) to send the login`,
          { provider: name, field: 'send' },
        );
      };
  const fleetGate = parsed.coordination ? new CoordinationGate(parsed.coordination, log, name) : undefined;
  const contextFor = (signal: AbortSignal | undefined): AuthContext => ({
    send,
    signal,
    deadline: undefined,
    logger: log,
    clock,
    coordination: fleetGate?.current(),
    onEvent: events.auth,
  });
  const masked = (error: unknown) =>
    error instanceof ExchangeAuthError ? maskError(error, redactorFor(strategy.secrets())) : error;
  const ensureOpen = () => {
    if (closed) {
      throw new ConfigurationError(`${name}: this authorizer is closed; create a new one`, {
        provider: name,
        field: 'authorizer',
      });
    }
  };

  function handOut(request: PreparedRequest, done: () => void): AuthorizedRequest {
    const authorized: AuthorizedRequest = { ...outgoing(request), done };
    signedFrom.set(authorized, request);
    return authorized;
  }

  /** Signs in the key's queue and holds the queue until `done()` or `holdMs`. */
  function inOrder(
    key: string,
    sign: () => Promise<PreparedRequest>,
    signal: AbortSignal | undefined,
    fleet: Coordination | undefined,
  ): Promise<AuthorizedRequest> {
    return new Promise((resolve, reject) => {
      // An abort listener added to a signal that has already aborted never fires.
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      let abandoned = false;
      const onAbort = () => {
        abandoned = true;
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      // In a fleet the turn is the fleet's lock, held from signing to done(), as a client holds it per request.
      const inTurn = (task: () => Promise<void>) =>
        fleet ? fleet.order.run(key, task, { signal, timeoutMs: holdMs }) : task();
      runInSequence(key, () =>
        inTurn(async () => {
          if (abandoned || signal?.aborted) return;
          const request = await sign();
          signal?.removeEventListener('abort', onAbort);
          if (abandoned) return;
          let release = () => {};
          const released = new Promise<void>((settle) => {
            release = settle;
          });
          const cancel = clock.setTimer(holdMs, () => {
            log.warn(`${name} ${request.method} ${request.path}: done() was not called within ${holdMs} ms`, {
              holdMs,
            });
            release();
          });
          resolve(
            handOut(request, () => {
              cancel();
              release();
            }),
          );
          await released;
        }),
      ).catch((error: unknown) => {
        signal?.removeEventListener('abort', onAbort);
        reject(error);
      });
    });
  }

  async function authorize(input: AuthorizeInput): Promise<AuthorizedRequest> {
    ensureOpen();
    if (typeof input === 'object' && input !== null) {
      const field = Object.keys(input).find((key) => Object.hasOwn(NOT_HERE, key));
      if (field) throw new ConfigurationError(`${name}: ${NOT_HERE[field]}`, { provider: name, field });
    }
    const checked = checkRequest(name, reserved, input);
    try {
      const fleet = fleetGate ? await fleetGate.active(checked.signal, holdMs) : undefined;
      const { match, permission, base } = prepareRequest(gate, checked, undefined);
      const sign = () =>
        signRequest(provider, strategy, base, { match, otp: checked.otp }, contextFor(checked.signal));
      const key = permission === 'public' ? undefined : strategy.sequenceKey;
      if (key !== undefined) return await inOrder(key, sign, checked.signal, fleet);
      if (checked.signal?.aborted) throw checked.signal.reason;
      return handOut(await sign(), () => {});
    } catch (error) {
      throw masked(asLibraryError(gate, checked, error));
    }
  }

  return {
    provider: name,
    authorize,
    async expire(request) {
      const signed = signedFrom.get(request);
      if (!signed) {
        throw new ConfigurationError(`${name}: expire() takes a request this authorizer returned`, {
          provider: name,
          field: 'request',
        });
      }
      const renewable = (await strategy.expire?.(signed)) ?? false;
      if (renewable) events.emit({ provider: name, type: 'session-expired', reason: 'refused' });
      return renewable;
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await strategy.close?.(contextFor(undefined));
      } catch (error) {
        throw masked(error);
      }
    },
  };
}
