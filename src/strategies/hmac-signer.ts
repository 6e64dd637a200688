import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { ConfigurationError } from '../core/errors.js';
import { fingerprint } from '../core/fingerprint.js';
import { type NonceSource, processNonces } from '../core/nonce.js';
import { type PreparedRequest, withHeaders } from '../core/request.js';
import type { AuthContext } from '../core/strategy.js';
import type { optionsSchema } from './hmac-header-options.js';
import { PRINTABLE } from './hmac-header-options.js';
import type { SignedParts } from './hmac-header-signature.js';

export const DEFAULT_NAME = 'hmac-header-signature';
/** How many recent signatures `secrets()` reports, so an exchange that echoes one back has it masked. */
const RECENT_SIGNATURES = 32;
const NONCE = /^[0-9]{1,32}$/;

const millis = (now: number) => String(Math.floor(now));

type ParsedOptions = ReturnType<ReturnType<typeof optionsSchema>['parse']>;

/**
 * What one {@link hmacHeaderSignature} holds: its settings, the key imported once, the nonce sequence's id and a
 * ring of the latest signatures. One object per strategy, its methods shared by all of them.
 */
export class HmacSigner {
  readonly provider: string;
  readonly scheme: string;
  readonly keyId: string;
  readonly secret: string;
  readonly headers: ParsedOptions['headers'];
  readonly message: (parts: SignedParts) => string;
  readonly algorithm: 'sha256' | 'sha384' | 'sha512';
  readonly encoding: 'hex' | 'base64' | 'base64url';
  readonly stamp: (now: number) => string;
  /** The timestamp is a deadline (moved by the greatest offset allowed), not a time. */
  readonly deadline: boolean;
  /** The user's nonce source, if one was given. */
  readonly nonceSource: NonceSource | undefined;
  // Imported once: signing is on every private request's path.
  readonly hmacKey: KeyObject;
  readonly id: string;
  /** A ring of the latest signatures: no array shifting on the signing path. */
  readonly recent: string[] = [];
  slot = 0;

  constructor(parsed: ParsedOptions, provider: string) {
    this.provider = provider;
    this.scheme = parsed.scheme ?? DEFAULT_NAME;
    this.keyId = parsed.keyId;
    this.secret = parsed.secret;
    this.headers = parsed.headers;
    this.message = parsed.message;
    this.algorithm = parsed.algorithm ?? 'sha256';
    this.encoding = parsed.encoding ?? 'hex';
    this.stamp = parsed.timestamp ?? millis;
    this.deadline = parsed.timestampKind === 'deadline';
    this.nonceSource = parsed.nonceSource;
    this.hmacKey = createSecretKey(Buffer.from(parsed.secret, 'utf8'));
    this.id = fingerprint(this.scheme, parsed.keyId);
  }

  refuse(field: string, what: string): ConfigurationError {
    return new ConfigurationError(`${this.provider}: ${what}`, { provider: this.provider, field });
  }

  sign(request: PreparedRequest, nonce: string, timestamp: string): PreparedRequest {
    const { headers, keyId } = this;
    const text = this.message({
      method: request.method,
      path: request.path,
      query: request.query,
      body: request.body ?? '',
      nonce,
      timestamp,
      keyId,
    });
    if (typeof text !== 'string')
      throw this.refuse('message', 'the message function returned no string; fix it');
    const signature = createHmac(this.algorithm, this.hmacKey).update(text, 'utf8').digest(this.encoding);
    this.recent[this.slot] = signature;
    this.slot = (this.slot + 1) % RECENT_SIGNATURES;
    const added: Record<string, string> = {};
    if (headers.key !== undefined) added[headers.key] = keyId;
    if (headers.nonce !== undefined) added[headers.nonce] = nonce;
    if (headers.timestamp !== undefined) added[headers.timestamp] = timestamp;
    added[headers.signature] = signature;
    return withHeaders(request, added);
  }

  /** `own` is true for the process's own nonces, which need no check. */
  withNonce(request: PreparedRequest, nonce: string, own: boolean, timestamp: string): PreparedRequest {
    if (!own && (typeof nonce !== 'string' || !NONCE.test(nonce))) {
      throw this.refuse(
        this.nonceSource ? 'nonceSource' : 'coordination',
        'the nonce source returned something that is not a string of digits; fix its next()',
      );
    }
    return this.sign(request, nonce, timestamp);
  }

  authorize(request: PreparedRequest, context: AuthContext): PreparedRequest | Promise<PreparedRequest> {
    const { headers } = this;
    if (headers.nonce === undefined && headers.timestamp === undefined) return this.sign(request, '', '');
    const now = context.clock.now();
    const offset = context.clockOffset;
    let timestamp = '';
    if (headers.timestamp !== undefined) {
      const shift = offset ? (this.deadline ? offset.deadlineShiftMs() : offset.provenShiftMs()) : 0;
      timestamp = this.stamp(now + shift);
      if (typeof timestamp !== 'string' || !PRINTABLE.test(timestamp)) {
        throw this.refuse('timestamp', 'the timestamp function returned no printable text; fix it');
      }
    }
    if (headers.nonce === undefined) return this.sign(request, '', timestamp);
    const fleet = this.nonceSource === undefined ? context.coordination : undefined;
    const nonces = this.nonceSource ?? processNonces;
    // A time-based nonce never lags the exchange's clock by what its answers prove; it never goes back either.
    const base = now + (offset?.provenAheadMs() ?? 0);
    const nonce = fleet
      ? fleet.nonces.next(this.id, base, {
          signal: context.signal,
          timeoutMs: context.deadline === undefined ? undefined : Math.max(1, context.deadline - now),
        })
      : nonces.next(this.id, base);
    const own = !fleet && nonces === processNonces;
    return typeof nonce === 'string'
      ? this.withNonce(request, nonce, own, timestamp)
      : nonce.then((n) => this.withNonce(request, n, own, timestamp));
  }

  secrets(): readonly string[] {
    return [this.secret, this.keyId, ...this.recent];
  }
}
