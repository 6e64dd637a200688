import type { NonceSource } from '../core/nonce.js';
import type { AuthStrategy } from '../core/strategy.js';
import { hmacHeaderSignature, type SignedParts } from './hmac-header-signature.js';

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
const SCHEME = 'key-pair-signature';

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
 *
 * Each scheme is one {@link hmacHeaderSignature}; this function only picks between them by path.
 */
export function keyPairSignature(options: KeyPairSignatureOptions): AuthStrategy {
  const provider = options.provider ?? SCHEME;
  const { accessKey, privateKey, deadline } = options;
  const headers = options.headers ?? DEFAULT_HEADERS;
  const nonceScheme = hmacHeaderSignature({
    scheme: SCHEME,
    provider,
    keyId: accessKey,
    secret: privateKey,
    headers: { key: headers.key, nonce: headers.nonce, signature: headers.signature },
    message: nonceMessage,
    ...(options.nonceSource ? { nonceSource: options.nonceSource } : {}),
  });
  if (!deadline) return nonceScheme;

  const windowMs = deadline.windowMs ?? DEFAULT_WINDOW_MS;
  const deadlineOptions = {
    scheme: SCHEME,
    provider,
    keyId: accessKey,
    secret: privateKey,
    headers: {
      key: deadline.headers.key,
      timestamp: deadline.headers.deadline,
      signature: deadline.headers.signature,
    },
    timestamp: (now: number) => String(Math.floor(now) + windowMs),
    timestampKind: 'deadline' as const,
    message: deadlineMessage,
  };
  // Checked now, so that wrong options fail here; then made again on the first deadline request and kept: most
  // keys never sign one (bitexbit's gateway), and a service with a client per user holds none for them. The
  // scheme holds nothing until it signs (no nonce, its recent signatures), so the two are the same.
  const { headerNames } = hmacHeaderSignature(deadlineOptions);
  let deadlineScheme: AuthStrategy | undefined;
  const { pathPrefix } = deadline;
  return {
    scheme: SCHEME,
    headerNames: Object.freeze((nonceScheme.headerNames ?? []).concat(headerNames ?? [])),
    ...(nonceScheme.sequenceKey !== undefined ? { sequenceKey: nonceScheme.sequenceKey } : {}),
    ...(nonceScheme.keyId !== undefined ? { keyId: nonceScheme.keyId } : {}),
    authorize: (request, context) => {
      if (!request.path.startsWith(pathPrefix)) return nonceScheme.authorize(request, context);
      deadlineScheme ??= hmacHeaderSignature(deadlineOptions);
      return deadlineScheme.authorize(request, context);
    },
    // Both hold the same key pair first: name it once, then each one's recent signatures.
    secrets: () => [...nonceScheme.secrets(), ...(deadlineScheme?.secrets().slice(2) ?? [])],
  };
}

const nonceMessage = ({ path, nonce, body }: SignedParts) => path + nonce + body;
const deadlineMessage = ({ keyId, path, timestamp, body }: SignedParts) => keyId + path + timestamp + body;
