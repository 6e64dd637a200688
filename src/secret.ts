import { inspect } from 'node:util';

const REDACTED = '[redacted]';

/**
 * A credential that never prints: `String()`, template literals, `JSON.stringify` and `util.inspect` all show
 * `[redacted]`. Only {@link Secret.reveal} hands out the value, and only signers call it.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  /** The value itself. Call it only where the value goes on the wire or into a signature. */
  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return REDACTED;
  }
}
