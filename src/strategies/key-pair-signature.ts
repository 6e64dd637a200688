import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { ConfigurationError } from '../core/errors.js';
import { fingerprint } from '../core/fingerprint.js';
import type { NonceSource } from '../core/nonce.js';
import { processNonces } from '../core/registry.js';
import { type PreparedRequest, withHeaders } from '../core/request.js';
import type { AuthStrategy } from '../core/strategy.js';

/** Header names of the nonce scheme. */
export interface NonceSchemeHeaders {
  /** Carries the access key. Default `X-API-Key`. */
  key: string;
  /** Carries the nonce. Default `X-Nonce`. */
  nonce: string;
  /** Carries the signature. Default `X-Signature`. */
  signature: string;
}

/** Header names of the deadline scheme. */
export interface DeadlineSchemeHeaders {
  /** Carries the access key (`X-Key`). */
  key: string;
  /** Carries the deadline in epoch milliseconds (`X-Timeout`). */
  deadline: string;
  /** Carries the signature (`X-Sign`). */
  signature: string;
}

/**
 * A second scheme some exchanges use on part of their API: no nonce, but a deadline (now + a window) after
 * which the exchange refuses the request. Signed message: `key + path + deadline + body`.
 */
export interface DeadlineSchemeOptions {
  /** Requests whose path (as sent) starts with this prefix use the deadline scheme (`/api/gateway/`). */
  pathPrefix: string;
  /** Header names. */
  headers: DeadlineSchemeHeaders;
  /** Milliseconds from now to the deadline. Default 500. */
  windowMs?: number;
}

/** Options of {@link keyPairSignature}. */
export interface KeyPairSignatureOptions {
  /** The public half of the key pair; sent in a header. */
  accessKey: string;
  /** The private half; only ever used as the HMAC key, never sent. */
  privateKey: string;
  /** Header names of the nonce scheme. Default `X-API-Key`, `X-Nonce`, `X-Signature`. */
  headers?: NonceSchemeHeaders;
  /**
   * Where nonces come from. Default: one sequence per key, shared by every client in this process, in every copy
   * of the library it loaded (ESM and CJS), or by the whole fleet when the client has a `coordination`.
   */
  nonceSource?: NonceSource;
  /** Paths signed with the deadline scheme instead of the nonce scheme. */
  deadline?: DeadlineSchemeOptions;
  /** Name used in errors (the provider's name). Default `key-pair-signature`. */
  provider?: string;
}

const DEFAULT_HEADERS: NonceSchemeHeaders = { key: 'X-API-Key', nonce: 'X-Nonce', signature: 'X-Signature' };
const DEFAULT_WINDOW_MS = 500;
/** How many recent signatures `secrets()` reports, so an exchange that echoes one back has it masked. */
const RECENT_SIGNATURES = 32;
const NONCE = /^[0-9]{1,32}$/;

/**
 * The key-pair HMAC scheme: an access key in one header, a strictly increasing nonce in another, and
 * `lowercase hex HMAC-SHA256(private key, path + nonce + body)` in a third, where `path` is the URL path as sent
 * (no query string) and `body` the exact bytes sent (`''` when there are none).
 *
 * Nonces come from a {@link NonceSource} keyed by a fingerprint of the access key, and the strategy's
 * `sequenceKey` is that same fingerprint: the pipeline sends one key's private requests one at a time in the
 * order they were signed, so they reach the exchange in nonce order.
 *
 * Optionally, paths under one prefix use a deadline scheme instead (see {@link DeadlineSchemeOptions}).
 */
export function keyPairSignature(options: KeyPairSignatureOptions): AuthStrategy {
  const provider = options.provider ?? 'key-pair-signature';
  const { accessKey, privateKey } = options;
  // Imported once: signing is on every private request's path.
  const hmacKey: KeyObject = createSecretKey(Buffer.from(privateKey, 'utf8'));
  const headers = options.headers ?? DEFAULT_HEADERS;
  const nonces = options.nonceSource ?? processNonces;
  const deadline = options.deadline;
  const windowMs = deadline?.windowMs ?? DEFAULT_WINDOW_MS;
  const id = fingerprint('key-pair-signature', accessKey);
  // A ring of the latest signatures: no array shifting on the signing path.
  const recent: string[] = [];
  let slot = 0;

  const sign = (message: string): string => {
    const signature = createHmac('sha256', hmacKey).update(message, 'utf8').digest('hex');
    recent[slot] = signature;
    slot = (slot + 1) % RECENT_SIGNATURES;
    return signature;
  };

  /** `own` is true for the process's own nonces, which need no check. */
  const withNonce = (request: PreparedRequest, nonce: string, own: boolean): PreparedRequest => {
    if (!own && (typeof nonce !== 'string' || !NONCE.test(nonce))) {
      throw new ConfigurationError(
        `${provider}: the nonce source returned something that is not a string of digits; fix its next()`,
        { provider, field: options.nonceSource ? 'nonceSource' : 'coordination' },
      );
    }
    return withHeaders(request, {
      [headers.key]: accessKey,
      [headers.nonce]: nonce,
      [headers.signature]: sign(request.path + nonce + (request.body ?? '')),
    });
  };

  const headerNames = Object.freeze([
    headers.key,
    headers.nonce,
    headers.signature,
    ...(deadline ? [deadline.headers.key, deadline.headers.deadline, deadline.headers.signature] : []),
  ]);

  return {
    scheme: 'key-pair-signature',
    headerNames,
    sequenceKey: id,
    authorize(request, context) {
      if (deadline && request.path.startsWith(deadline.pathPrefix)) {
        const until = String(Math.floor(context.clock.now()) + windowMs);
        return withHeaders(request, {
          [deadline.headers.key]: accessKey,
          [deadline.headers.deadline]: until,
          [deadline.headers.signature]: sign(accessKey + request.path + until + (request.body ?? '')),
        });
      }
      const now = context.clock.now();
      const fleet = options.nonceSource === undefined ? context.coordination : undefined;
      const nonce = fleet
        ? fleet.nonces.next(id, now, {
            signal: context.signal,
            timeoutMs: context.deadline === undefined ? undefined : Math.max(1, context.deadline - now),
          })
        : nonces.next(id, now);
      const own = !fleet && nonces === processNonces;
      return typeof nonce === 'string'
        ? withNonce(request, nonce, own)
        : nonce.then((n) => withNonce(request, n, own));
    },
    secrets: () => [privateKey, accessKey, ...recent],
  };
}
