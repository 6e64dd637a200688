import type { ExchangeAuthError } from '../core/errors.js';
import { Redactor } from '../core/redact.js';

/**
 * Masks known secrets in everything an error can print: message, stack and its fields. Errors are built from
 * safe values already; this catches text an exchange echoed back.
 */
export function scrubError<E extends ExchangeAuthError>(error: E, secrets: readonly string[]): E {
  const redactor = new Redactor();
  for (const secret of secrets) redactor.add(secret);
  const record = error as unknown as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (typeof value === 'string' || (typeof value === 'object' && value !== null)) {
      Object.defineProperty(error, key, {
        value: redactor.value(value),
        enumerable: true,
        configurable: true,
      });
    }
  }
  error.message = redactor.text(error.message);
  if (error.stack) error.stack = redactor.text(error.stack);
  return error;
}
