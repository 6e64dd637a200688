import type { SandboxAccount } from '../alphapoint/accounts.js';
import { loginAnswer, notAuthorized } from '../alphapoint/answers.js';
import { verifySigned } from '../alphapoint/login.js';
import { BITEX_MESSAGES, plainError } from '../bitex/answers.js';
import { parseAuthorization } from '../bitex/auth.js';
import { KeyRing } from '../bitexbit/keys.js';
import { SANDBOX_MESSAGES } from '../bitexbit/messages.js';
import { checkSignature } from '../bitexbit/signatures.js';
import type { ReceivedRequest, ServerAnswer } from '../http-server.js';
import type { CassetteExchange, CassetteRequest } from './format.js';
import type { RuleKind } from './redact.js';

/** A key a replay verifies requests with: the fields of the exchange's credentials (as the sandboxes give them). */
export interface CassetteKey {
  /** Bitex and AlphaPoint: the API key. */
  readonly apiKey?: string;
  /** AlphaPoint: the secret the login is signed with. */
  readonly apiSecret?: string;
  /** AlphaPoint: the user id the login signs. */
  readonly userId?: string;
  /** bitexbit: the access key. */
  readonly accessKey?: string;
  /** bitexbit: the private key requests are signed with. */
  readonly privateKey?: string;
  /** The TOTP secret in base32 (as `sandbox.*.totpSecrets` give it), to check one-time passwords. */
  readonly totpSecret?: string;
}

/** A credential the replay refused: the rule it broke, why, and what the exchange would have answered. */
export interface Refusal {
  readonly rule: RuleKind;
  readonly message: string;
  readonly answer: ServerAnswer;
}

/** Checks the signature (and, where the exchange signs them, the nonce or deadline) of one received request. */
export type SignatureCheck = (recorded: CassetteRequest, received: ReceivedRequest) => Refusal | undefined;

const AP_STYLE = { camelCase: false, notAuthorizedStatus: 200 } as const;

/** bitexbit's `checkSignature`, reused: HMAC recomputed, nonces above the last one, `X-Timeout` not past. */
function bitexbitCheck(keys: readonly CassetteKey[], now: () => number): SignatureCheck {
  const ring = new KeyRing();
  for (const key of keys) {
    if (key.accessKey && key.privateKey) {
      ring.add({ access: 'withdraw', accessKey: key.accessKey, privateKey: key.privateKey, allowedIps: [] });
    }
  }
  const RULE: ReadonlyMap<string, RuleKind> = new Map([
    [SANDBOX_MESSAGES.staleNonce, 'nonce'],
    [SANDBOX_MESSAGES.expired, 'deadline'],
    [SANDBOX_MESSAGES.unknownKey, 'api-key'],
  ]);
  return (recorded, received) => {
    const scheme =
      'x-api-key' in recorded.headers ? 'v2' : 'x-key' in recorded.headers ? 'gateway' : undefined;
    if (!scheme) return undefined;
    const signed = checkSignature(scheme, ring, received, now);
    if (signed.ok) return undefined;
    const message = String((signed.answer.body as { message?: unknown }).message);
    const rule = RULE.get(message) ?? 'signature';
    return { rule, message, answer: signed.answer };
  };
}

/** AlphaPoint's `verifySigned`, reused: HMAC(secret, Nonce + UserId + APIKey) recomputed. */
function alphapointCheck(keys: readonly CassetteKey[]): SignatureCheck {
  const accounts = new Map<string, SandboxAccount>();
  for (const key of keys) {
    if (!key.apiKey || !key.apiSecret || !key.userId) continue;
    accounts.set(key.apiKey, {
      apiKey: key.apiKey,
      apiSecret: key.apiSecret,
      userId: key.userId,
      accountId: 0,
      omsId: 1,
      permissions: new Set(),
      totpSecret: undefined,
      locked: false,
      balances: new Map(),
    });
  }
  return (recorded, received) => {
    if (!('apikey' in recorded.headers)) return undefined;
    const signed = verifySigned(received, accounts);
    if (!('refused' in signed)) return undefined;
    const rule: RuleKind = signed.refused === 'User api key not found' ? 'api-key' : 'signature';
    const answer = /\/Authenticate(User|2FA)$/i.test(received.path)
      ? loginAnswer({ errormsg: signed.refused }, AP_STYLE)
      : notAuthorized(AP_STYLE);
    return { rule, message: signed.refused, answer };
  };
}

/** Bitex signs nothing: the key in `Authorization` (before `; user=`) must be one the test configured. */
function bitexCheck(keys: readonly CassetteKey[]): SignatureCheck {
  const known = new Set(keys.flatMap((key) => (key.apiKey ? [key.apiKey] : [])));
  return (recorded, received) => {
    if (!('authorization' in recorded.headers)) return undefined;
    const parsed = parseAuthorization(received.headers.authorization);
    if (parsed && known.has(parsed.token)) return undefined;
    const message = BITEX_MESSAGES.invalidApiKey;
    return { rule: 'api-key', message, answer: plainError(401, message) };
  };
}

/** The signature check of an exchange, with the keys the test configured. */
export function signatureCheck(
  exchange: CassetteExchange,
  keys: readonly CassetteKey[],
  now: () => number,
): SignatureCheck {
  if (exchange === 'bitexbit') return bitexbitCheck(keys, now);
  if (exchange === 'alphapoint') return alphapointCheck(keys);
  return bitexCheck(keys);
}
