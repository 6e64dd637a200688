import type { Permission, RequiredPermission } from './permissions.js';
import { trimDetails } from './quote.js';

/** Machine-readable error codes shared by every provider. */
export type ErrorCode =
  | 'configuration'
  | 'authentication'
  | 'locked'
  | 'permission-denied'
  | 'ip-refused'
  | 'rate-limited'
  | 'exchange'
  | 'transport'
  | 'response-validation'
  | 'two-factor-required';

/** Fields every error carries. None of them may hold a credential. */
export interface ExchangeAuthErrorFields {
  /** The provider that raised the error (`bitex`, `bitexbit`, `kiiex` ...). */
  provider: string;
  /** HTTP status of the answer, when there was one. */
  status?: number | undefined;
  /** The exchange's own error code, when it gave one. */
  exchangeCode?: string | number | undefined;
  /** The answer's body as received, when the error came from an answer. */
  responseBody?: string | undefined;
}

/** The static property under which each error class keeps its brand (a `Symbol.for`, shared by every copy). */
const BRAND = Symbol.for('exchange-auth/error');
/** The static property under which each branded class keeps its name, as given (bundlers rename classes). */
const NAME = Symbol.for('exchange-auth/error-name');

/**
 * Brands an error class: the class keeps `Symbol.for('exchange-auth/error/<name>')` and its prototype carries it,
 * so an instance carries the brands of its class and of every class it extends, whichever copy of the library
 * (ESM or CJS build, another install) made it. The name is given, not read: minifiers rename classes.
 */
export function brand(target: { readonly prototype: object }, name: string): void {
  const symbol = Symbol.for(`exchange-auth/error/${name}`);
  Object.defineProperty(target, BRAND, { value: symbol });
  Object.defineProperty(target, NAME, { value: name });
  Object.defineProperty(target.prototype, symbol, { value: true });
  // The class's own name, as users write it: the bundler renames a class that refers to itself (`_TransportError`).
  Object.defineProperty(target, 'name', { value: name, configurable: true });
}

/** Whether `value` is an instance of `target`: by its prototype chain, or by the brand `target` has. */
export function isInstance(target: { readonly prototype: object }, value: unknown): boolean {
  if (Function.prototype[Symbol.hasInstance].call(target, value)) return true;
  if (typeof value !== 'object' || value === null || !Object.hasOwn(target, BRAND)) return false;
  const symbol = (target as { readonly [BRAND]?: symbol })[BRAND];
  return symbol !== undefined && (value as { readonly [key: symbol]: unknown })[symbol] === true;
}

/**
 * Base class of every error this library throws.
 *
 * Errors are built only from values that are safe to print: no axios error, no request config and no header
 * value is ever attached, so `message`, `stack`, `JSON.stringify` and `util.inspect` never reveal a credential.
 */
export class ExchangeAuthError extends Error {
  static {
    brand(ExchangeAuthError, 'ExchangeAuthError');
  }

  /**
   * `error instanceof ConfigurationError` (or any error class here) is true for an error of that class made by
   * any copy of the library in the process: a program that loads it through both `import` and `require` gets
   * two copies, and an error thrown by one is still recognised by the other. A class without a brand of its own
   * (your subclass of one of these) keeps the ordinary prototype check.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class being tested, a subclass included.
    return isInstance(this, value);
  }

  readonly provider: string;
  readonly code: ErrorCode;
  readonly status: number | undefined;
  readonly exchangeCode: string | number | undefined;
  /**
   * The whole answer's body as received, with every known secret masked, for reconciling and debugging (the
   * message quotes at most 500 characters of it). Not enumerable: `JSON.stringify` and `util.inspect` leave it
   * out. `undefined` when the error did not come from an answer.
   */
  declare readonly responseBody: string | undefined;

  constructor(code: ErrorCode, message: string, fields: ExchangeAuthErrorFields) {
    super(message);
    // A branded class's own name, as given: a bundler may have renamed the class (`_AuthenticationError`).
    this.name = Object.hasOwn(new.target, NAME)
      ? (new.target as unknown as { readonly [NAME]: string })[NAME]
      : new.target.name;
    this.code = code;
    this.provider = fields.provider;
    this.status = fields.status;
    this.exchangeCode = fields.exchangeCode;
    Object.defineProperty(this, 'responseBody', {
      value: fields.responseBody,
      enumerable: false,
      writable: true,
      configurable: true,
    });
  }

  /** A plain object with the error's safe fields, so `JSON.stringify(error)` says something useful. */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      if (value !== undefined) json[key] = value;
    }
    return json;
  }
}

/** Options are missing or malformed. The message names the field and how to fix it, never its value. */
export class ConfigurationError extends ExchangeAuthError {
  static {
    brand(ConfigurationError, 'ConfigurationError');
  }

  /** The option or request field that is wrong, as a dotted path. */
  readonly field: string;
  constructor(message: string, fields: ExchangeAuthErrorFields & { field: string }) {
    super('configuration', message, fields);
    this.field = fields.field;
  }
}

/** The exchange refused the credentials (wrong key or secret, locked account, session refused twice). */
export class AuthenticationError extends ExchangeAuthError {
  static {
    brand(AuthenticationError, 'AuthenticationError');
  }

  constructor(message: string, fields: ExchangeAuthErrorFields & { code?: 'authentication' | 'locked' }) {
    super(fields.code ?? 'authentication', message, fields);
  }
}

/** The key lacks the permission a request needs, found locally before any I/O or said by the exchange. */
export class PermissionDeniedError extends ExchangeAuthError {
  static {
    brand(PermissionDeniedError, 'PermissionDeniedError');
  }

  readonly required: RequiredPermission;
  readonly granted: readonly Permission[];
  readonly source: 'local' | 'exchange';
  constructor(
    message: string,
    fields: ExchangeAuthErrorFields & {
      required: RequiredPermission;
      granted: readonly Permission[];
      source: 'local' | 'exchange';
    },
  ) {
    super('permission-denied', message, fields);
    this.required = fields.required;
    this.granted = [...fields.granted];
    this.source = fields.source;
  }
}

/** The error of any use of a client after `close()`: one wording wherever it is found out. */
export function clientClosedError(provider: string): ConfigurationError {
  return new ConfigurationError(`${provider}: this client is closed; create a new one`, {
    provider,
    field: 'client',
  });
}

/** The exchange (or the client-side limiter) says to slow down. */
export class RateLimitError extends ExchangeAuthError {
  static {
    brand(RateLimitError, 'RateLimitError');
  }

  /** How long the exchange asked to wait, from `Retry-After`, when it said. */
  readonly retryAfterMs: number | undefined;
  constructor(message: string, fields: ExchangeAuthErrorFields & { retryAfterMs?: number | undefined }) {
    super('rate-limited', message, fields);
    this.retryAfterMs = fields.retryAfterMs;
  }
}

/** The exchange answered with an error of its own (validation, not found, server error ...). */
export class ExchangeError extends ExchangeAuthError {
  static {
    brand(ExchangeError, 'ExchangeError');
  }

  /**
   * The exchange's structured error details (for example JSON:API `errors`), when it sent any: long strings and
   * lists are cut so the error stays printable; the whole answer is on `responseBody`.
   */
  readonly details: unknown;
  /**
   * `'unknown'` when the request moves money (not idempotent) and the exchange answered 5xx: nothing proves it
   * was not executed, so reconcile (list orders, withdrawals) before sending it again. `undefined` otherwise.
   */
  readonly outcome: 'unknown' | undefined;
  constructor(
    message: string,
    fields: ExchangeAuthErrorFields & { details?: unknown; outcome?: 'unknown' | undefined },
  ) {
    super('exchange', message, fields);
    this.details = trimDetails(fields.details);
    this.outcome = fields.outcome;
  }
}

/**
 * The request did not get an answer.
 *
 * `outcome: 'not-sent'` means the exchange never saw it. `outcome: 'unknown'` means it may have been executed:
 * reconcile (list orders, withdrawals) before sending anything that moves money again.
 */
export class TransportError extends ExchangeAuthError {
  static {
    brand(TransportError, 'TransportError');
  }

  readonly outcome: 'not-sent' | 'unknown';
  /** The system error code (`ECONNRESET`, `ETIMEDOUT` ...), when there was one. */
  readonly networkCode: string | undefined;
  constructor(
    message: string,
    fields: ExchangeAuthErrorFields & { outcome: 'not-sent' | 'unknown'; networkCode?: string | undefined },
  ) {
    super('transport', message, fields);
    this.outcome = fields.outcome;
    this.networkCode = fields.networkCode;
  }
}

/** The answer could not be read (not JSON, truncated) or did not match the endpoint's schema. */
export class ResponseValidationError extends ExchangeAuthError {
  static {
    brand(ResponseValidationError, 'ResponseValidationError');
  }

  /** What was wrong, without the answer itself. */
  readonly issues: readonly string[];
  /**
   * True when the exchange answered 2xx: it accepted (and for an order, executed) the request, and only its
   * answer was unreadable. Such a request is never sent again by the library; reconcile before you do.
   */
  readonly accepted: boolean;
  constructor(
    message: string,
    fields: ExchangeAuthErrorFields & { issues?: readonly string[]; accepted?: boolean },
  ) {
    super('response-validation', message, fields);
    this.issues = [...(fields.issues ?? [])];
    this.accepted =
      fields.accepted ?? (fields.status !== undefined && fields.status >= 200 && fields.status < 300);
  }
}

/** The exchange requires a second factor and no way to supply one was configured. */
export class TwoFactorRequiredError extends ExchangeAuthError {
  static {
    brand(TwoFactorRequiredError, 'TwoFactorRequiredError');
  }

  /** The kind of second factor the exchange asked for (for example `Google`). */
  readonly twoFactorType: string | undefined;
  constructor(message: string, fields: ExchangeAuthErrorFields & { twoFactorType?: string | undefined }) {
    super('two-factor-required', message, fields);
    this.twoFactorType = fields.twoFactorType;
  }
}

/**
 * The exchange refused the request because of the address it came from (the key's IP allow-list), as its
 * documented answer shows. Nothing was executed. Add this machine's public address to the key's list on the
 * exchange, or send from an address that is on it.
 */
export class IpRefusedError extends ExchangeAuthError {
  static {
    brand(IpRefusedError, 'IpRefusedError');
  }

  constructor(message: string, fields: ExchangeAuthErrorFields) {
    super('ip-refused', message, fields);
  }
}
