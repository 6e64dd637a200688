import { randomBytes } from 'node:crypto';
import { decodeBase32 } from '../../toolkit/totp-code.js';
import { notAuthorized } from '../alphapoint/answers.js';
import type { ReceivedRequest, ServerAnswer } from '../http-server.js';
import { verifyTotp } from '../totp.js';
import type { CassetteExchange, CassetteRequest, CassetteResponse } from './format.js';
import type { CredentialRules } from './redact.js';
import { type CassetteKey, type Refusal, type SignatureCheck, signatureCheck } from './signed.js';

const AP_STYLE = { camelCase: false, notAuthorizedStatus: 200 } as const;

/** A fresh value for a placeholder the replay issues: session tokens and pending 2FA tokens. */
const ISSUED = ['session-token', 'pending-2fa-token'] as const;
type IssuedKind = (typeof ISSUED)[number];
/** A placeholder of an issued token in a recorded answer, numbered or not. */
const ISSUED_PLACEHOLDER = /<<(session-token|pending-2fa-token)(?::[0-9]+)?>>/g;

/**
 * Checks what varies in a replayed request by its rule, not its value: every credential header the recording
 * carried is present; the signature verifies with the test's key (nonces increase, deadlines are ahead of the
 * replay clock, where the exchange signs them); a session or pending 2FA token is one this replay issued; a
 * one-time password is a valid TOTP code when the test gave the TOTP secret. Fills the tokens a recorded login
 * answer carried with fresh ones, which later requests must then carry.
 */
export class ReplayChecks {
  readonly #rules: CredentialRules;
  readonly #signature: SignatureCheck;
  readonly #totpSecrets: readonly Uint8Array[];
  readonly #now: () => number;
  readonly #exchange: CassetteExchange;
  /** Each token this replay issued, and the recorded placeholder it stands for (`<<session-token:1>>`). */
  readonly #issued = new Map<string, string>();

  constructor(
    exchange: CassetteExchange,
    rules: CredentialRules,
    keys: readonly CassetteKey[],
    now: () => number,
  ) {
    this.#exchange = exchange;
    this.#rules = rules;
    this.#now = now;
    this.#signature = signatureCheck(exchange, keys, now);
    this.#totpSecrets = keys.flatMap((key) => {
      const secret = key.totpSecret === undefined ? undefined : decodeBase32(key.totpSecret);
      return secret ? [secret] : [];
    });
  }

  /** The refusal of a received request matched to `recorded`, or `undefined` when every rule holds. */
  check(recorded: CassetteRequest, received: ReceivedRequest): Refusal | undefined {
    for (const name of Object.keys(recorded.headers)) {
      const kind = this.#rules.headers.get(name);
      if (kind === undefined || kind === 'cookie' || kind === 'custom') continue;
      if (received.headers[name] === undefined) {
        return this.#refuse(kind, `the recording carried the header ${name}; this request did not`);
      }
    }
    const signed = this.#signature(recorded, received);
    if (signed) return signed;
    for (const kind of ISSUED) {
      const header = this.#headerOf(kind);
      const value = header === undefined ? undefined : received.headers[header];
      if (header === undefined || value === undefined) continue;
      const issuedFor = this.#issued.get(value);
      if (issuedFor === undefined) return this.#refuse(kind, `${header} is not a ${kind} this replay issued`);
      const recordedAs = recorded.headers[header];
      if (recordedAs?.startsWith(`<<${kind}`) && recordedAs !== issuedFor) {
        return this.#refuse(kind, `${header} was issued as ${issuedFor}; the recording used ${recordedAs}`);
      }
    }
    return this.#checkOneTimePassword(received);
  }

  /** The recorded answer, with a fresh value for each session or pending 2FA token placeholder. */
  answer(recorded: CassetteResponse): ServerAnswer {
    const fill = (value: unknown): unknown => {
      if (typeof value === 'string') {
        return value.replace(ISSUED_PLACEHOLDER, (text: string, kind: string) => {
          const fresh = `replay-${kind}-${randomBytes(12).toString('hex')}`;
          this.#issued.set(fresh, text);
          return fresh;
        });
      }
      if (Array.isArray(value)) return value.map(fill);
      if (value === null || typeof value !== 'object') return value;
      return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, fill(item)]));
    };
    const body = fill(recorded.body);
    return {
      status: recorded.status,
      headers: { ...recorded.headers },
      body: body === '' ? undefined : body,
    };
  }

  #headerOf(kind: IssuedKind): string | undefined {
    for (const [name, found] of this.#rules.headers) if (found === kind) return name;
    return undefined;
  }

  #checkOneTimePassword(received: ReceivedRequest): Refusal | undefined {
    const codes: string[] = [];
    for (const [name, kind] of this.#rules.headers) {
      const value = received.headers[name];
      if (kind === 'one-time-password' && value !== undefined) codes.push(value);
    }
    for (const [name, kind] of this.#rules.fields) {
      if (kind === 'one-time-password') codes.push(...fieldValues(received, name));
    }
    if (this.#totpSecrets.length === 0) return undefined;
    const at = this.#now();
    for (const code of codes) {
      if (!this.#totpSecrets.some((secret) => verifyTotp(secret, code, at))) {
        return this.#refuse('one-time-password', 'the one-time password is not a valid TOTP code now');
      }
    }
    return undefined;
  }

  #refuse(rule: Refusal['rule'], message: string): Refusal {
    const answer: ServerAnswer =
      this.#exchange === 'alphapoint'
        ? notAuthorized(AP_STYLE)
        : { status: 401, body: this.#exchange === 'bitex' ? { error: message } : { message } };
    return { rule, message, answer };
  }
}

/** The values of a field (any case) in a request's query and JSON body, at the top level. */
function fieldValues(received: ReceivedRequest, name: string): string[] {
  const found: string[] = [];
  for (const [key, value] of Object.entries(received.query))
    if (key.toLowerCase() === name) found.push(value);
  try {
    const body = JSON.parse(received.body) as unknown;
    if (body && typeof body === 'object') {
      for (const [key, value] of Object.entries(body)) {
        if (key.toLowerCase() === name && (typeof value === 'string' || typeof value === 'number')) {
          found.push(String(value));
        }
      }
    }
  } catch {
    // Not JSON: no body fields.
  }
  return found;
}
