import { createHmac } from 'node:crypto';
import type { ReceivedRequest, ServerAnswer } from '../http-server.js';
import { sameText } from '../same-text.js';
import { refusedWith } from './answers.js';
import type { KeyRing, KeyState } from './keys.js';
import type { SandboxMessage } from './messages.js';

/** How a private call is signed: the v2 API's nonce scheme or the gateway's deadline scheme. */
export type SignatureScheme = 'v2' | 'gateway';

interface SchemeRules {
  /** The headers carrying the access key, the nonce or deadline, and the signature. */
  readonly headers: readonly [key: string, stamp: string, signature: string];
  /** The refusal when one of them is missing or malformed. */
  readonly missing: SandboxMessage;
  /** The text the HMAC covers: the path and body exactly as received. */
  signed(accessKey: string, request: ReceivedRequest, stamp: string): string;
  /** Why a validly signed stamp is refused, if it is; an accepted nonce is recorded as the key's last. */
  refuseStamp(stamp: string, key: KeyState, now: () => number): SandboxMessage | undefined;
}

const RULES: Readonly<Record<SignatureScheme, SchemeRules>> = {
  /** `X-API-Key`, `X-Nonce`, `X-Signature` = HMAC(path + nonce + body); the nonce only ever grows per key. */
  v2: {
    headers: ['x-api-key', 'x-nonce', 'x-signature'],
    missing: 'missingHeaders',
    signed: (_accessKey, request, nonce) => `${request.path}${nonce}${request.body}`,
    refuseStamp: (stamp, key) => {
      const nonce = BigInt(stamp);
      if (nonce <= key.lastNonce) return 'staleNonce';
      key.lastNonce = nonce;
      return undefined;
    },
  },
  /** `X-Key`, `X-Timeout`, `X-Sign` = HMAC(key + path + deadline + body); the deadline not past by our clock. */
  gateway: {
    headers: ['x-key', 'x-timeout', 'x-sign'],
    missing: 'missingGatewayHeaders',
    signed: (accessKey, request, deadline) => `${accessKey}${request.path}${deadline}${request.body}`,
    refuseStamp: (stamp, _key, now) => (Number(stamp) < now() ? 'expired' : undefined),
  },
};

const DIGITS = /^[0-9]{1,32}$/;
const HEX64 = /^[0-9a-f]{64}$/;

/** The key a request was validly signed with, or the 401 refusing it. */
type SignatureCheck =
  | { readonly ok: true; readonly accessKey: string; readonly key: KeyState }
  | { readonly ok: false; readonly answer: ServerAnswer };

/**
 * Checks a private call's signature, in order: headers present and well-formed, key known, HMAC-SHA256
 * recomputed with the key's private key over what the scheme signs, then the nonce greater than the last one
 * received for the key (v2) or the deadline not past by this exchange's clock (gateway). Each failure is 401.
 */
export function checkSignature(
  scheme: SignatureScheme,
  keys: KeyRing,
  request: ReceivedRequest,
  now: () => number,
): SignatureCheck {
  const rules = RULES[scheme];
  const [keyHeader, stampHeader, signatureHeader] = rules.headers;
  const accessKey = request.headers[keyHeader];
  const stamp = request.headers[stampHeader];
  const signature = request.headers[signatureHeader];
  const refuse = (message: SandboxMessage): SignatureCheck => ({
    ok: false,
    answer: refusedWith(401, message),
  });
  if (!accessKey || !stamp || !signature || !DIGITS.test(stamp) || !HEX64.test(signature)) {
    return refuse(rules.missing);
  }
  const key = keys.get(accessKey);
  if (!key) return refuse('unknownKey');
  const expected = createHmac('sha256', key.privateKey)
    .update(rules.signed(accessKey, request, stamp), 'utf8')
    .digest('hex');
  if (!sameText(expected, signature)) return refuse('badSignature');
  const stale = rules.refuseStamp(stamp, key, now);
  return stale ? refuse(stale) : { ok: true, accessKey, key };
}
